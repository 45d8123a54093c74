-- Which media case each article-case belongs to. Matched article-cases form connected
-- components; a component's id is the article_case_id of its earliest article-case, so it
-- stays put across rebuilds. Syndicated copies join their canonical article's case. Then the
-- monitors' split and merge decisions apply (case_key may name any article-case of a case).
with

article_cases as (

    select * from {{ ref('int_article_cases_unnested') }}

),

pairs as (

    select * from {{ ref('int_article_case_pairs_matched') }}

),

decisions as (

    select * from {{ ref('int_review_decisions_resolved') }}

),

nodes as (

    select distinct article_case_id from pairs where article_case_id = matched_article_case_id

),

edges as (

    select article_case_id as from_id, matched_article_case_id as to_id
    from pairs
    where article_case_id <> matched_article_case_id
    union
    select matched_article_case_id as from_id, article_case_id as to_id
    from pairs
    where article_case_id <> matched_article_case_id

),

components as (

    -- Connected components: every node reaches the smallest id of its component.
    select reach.node_id, min(reach.reached_id) as component_id
    from (
        with recursive reach (node_id, reached_id) as (
            select nodes.article_case_id, nodes.article_case_id from nodes
            union
            select reach.node_id, edges.to_id
            from reach
            inner join edges on reach.reached_id = edges.from_id
        )

        select * from reach
    ) as reach
    group by reach.node_id

),

members as (

    -- Copies join the node of their canonical article's case, or stand alone.
    select
        article_cases.article_case_id,
        article_cases.article_id,
        article_cases.published_at,
        coalesce(canonical.node_id, own.node_id) as node_id,
        coalesce(canonical.component_id, own.component_id) as component_id

    from article_cases
    left join components as canonical
        on
            article_cases.cluster_article_case_id = canonical.node_id
            and article_cases.article_case_id <> article_cases.cluster_article_case_id
    left join components as own on article_cases.article_case_id = own.node_id

),

component_ids as (

    select distinct on (members.component_id)
        members.component_id,
        members.article_case_id as component_case_id
    from members
    where members.article_case_id = members.node_id
    order by members.component_id, members.published_at, members.article_case_id

),

with_component as (

    select members.*, component_ids.component_case_id
    from members
    inner join component_ids on members.component_id = component_ids.component_id

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
    cross join lateral jsonb_array_elements(coalesce(decisions.value -> 'article_ids', '[]'::jsonb))
        as split_article (article_id)
    where decisions.decision = 'split'

),

after_split as (

    select
        with_component.*,
        latest_split.split_id
    from with_component
    left join lateral (
        select splits.split_id
        from splits
        where
            splits.component_case_id = with_component.component_case_id
            and splits.article_id = with_component.article_id
        order by splits.decided_at desc, splits.split_id desc
        limit 1
    ) as latest_split on true

),

split_ids as (

    select distinct on (component_case_id, split_id)
        component_case_id,
        split_id,
        article_case_id as group_case_id
    from after_split
    where split_id is not null
    order by component_case_id, split_id, (article_case_id = node_id) desc, published_at, article_case_id

),

grouped as (

    select
        after_split.*,
        coalesce(split_ids.group_case_id, after_split.component_case_id) as group_case_id
    from after_split
    left join split_ids
        on
            after_split.component_case_id = split_ids.component_case_id
            and after_split.split_id = split_ids.split_id

),

merges as (

    select distinct on (source_group.group_case_id)
        source_group.group_case_id as from_group_id,
        target_group.group_case_id as into_group_id
    from decisions
    inner join grouped as source_group on decisions.case_key = source_group.article_case_id
    inner join grouped as target_group on (decisions.value ->> 'into') = target_group.article_case_id
    where decisions.decision = 'merge'
    order by source_group.group_case_id, decisions.decided_at desc

),

final as (

    select
        grouped.article_case_id,
        grouped.article_id,
        grouped.node_id as representative_article_case_id,
        grouped.article_case_id <> grouped.node_id as is_syndicated_copy,
        grouped.component_case_id,
        grouped.split_id is not null as was_split,
        merges.into_group_id is not null as was_merged,
        coalesce(merges.into_group_id, grouped.group_case_id) as media_case_id

    from grouped
    left join merges on grouped.group_case_id = merges.from_group_id

)

select * from final
