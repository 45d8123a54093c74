-- Each news source with how much the warehouse holds from it.
with

sources as (

    select * from {{ ref('stg_news__sources') }}

),

articles as (

    select * from {{ ref('stg_news__articles') }}

),

article_counts as (

    select
        source_name,
        count(*) as article_count,
        count(*) filter (where syndicated_from_url is not null) as syndicated_article_count,
        min(published_at) as first_published_at,
        max(published_at) as latest_published_at
    from articles
    where source_name is not null
    group by source_name

),

final as (

    select
        sources.source_name,
        sources.domain,
        sources.province,
        sources.homepage,
        sources.is_active,
        sources.last_crawled_at,
        coalesce(article_counts.article_count, 0) as article_count,
        coalesce(article_counts.syndicated_article_count, 0) as syndicated_article_count,
        article_counts.first_published_at,
        article_counts.latest_published_at
    from sources
    left join article_counts on sources.source_name = article_counts.source_name

)

select * from final
