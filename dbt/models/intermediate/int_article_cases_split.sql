-- Article-cases regrouped by the monitors' split decisions: a split names articles that leave
-- their case together and form a new one, named after its earliest article-case.
with

with_component as (

    select * from {{ ref('int_article_case_components_named') }}

),

decisions as (

    select * from {{ ref('int_review_decisions_resolved') }}

),

splits as (

    -- A split names articles that leave the case (the one case_key belongs to) together.
    select
        decisions.decision_id as split_id,
        decided.component_case_id,
        (split_article.article_id #>> '{}')::bigint as article_id,
        decisions.decided_at
    from decisions
    inner join with_component as decided on decisions.case_key = decided.article_case_id
    cross join
        lateral jsonb_array_elements(coalesce(decisions.decision_value -> 'article_ids', '[]'::jsonb))
            as split_article (article_id)
    where decisions.decision = 'split'

),

latest_splits as (

    -- The latest split that names an article decides which group it leaves with.
    select distinct on (splits.component_case_id, splits.article_id)
        splits.component_case_id,
        splits.article_id,
        splits.split_id
    from splits
    order by splits.component_case_id asc, splits.article_id asc, splits.decided_at desc, splits.split_id desc

),

after_split as (

    select
        with_component.*,
        latest_splits.split_id
    from with_component
    left join latest_splits
        on
            with_component.component_case_id = latest_splits.component_case_id
            and with_component.article_id = latest_splits.article_id

),

split_ids as (

    select distinct on (component_case_id, split_id)
        component_case_id,
        split_id,
        article_case_id as group_case_id
    from after_split
    where split_id is not null
    order by component_case_id asc, split_id asc, (article_case_id = node_id) desc, published_at, article_case_id asc

),

final as (

    select
        after_split.article_case_id,
        after_split.article_id,
        after_split.published_at,
        after_split.node_id,
        after_split.component_case_id,
        after_split.split_id,
        coalesce(split_ids.group_case_id, after_split.component_case_id) as group_case_id
    from after_split
    left join split_ids
        on
            after_split.component_case_id = split_ids.component_case_id
            and after_split.split_id = split_ids.split_id

)

select * from final
