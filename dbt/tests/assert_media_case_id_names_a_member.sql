-- A media case's id is the article_case_id of one of its own article-cases (the stable-key rule),
-- unless a monitor merged it into another case.
select cases.media_case_id
from {{ ref('fct_media_cases') }} as cases
where not exists (
    select 1
    from {{ ref('fct_media_case_articles') }} as articles
    where
        articles.media_case_id = cases.media_case_id
        and cases.media_case_id = any(articles.article_case_ids)
)
