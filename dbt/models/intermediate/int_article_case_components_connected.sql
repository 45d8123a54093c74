-- Which article-cases report one incident, before any review: matched article-cases form
-- connected components, named after the component's earliest representative article-case (so
-- the name stays put across rebuilds); syndicated copies join their canonical article's case.
with

article_cases as (

    select * from {{ ref('int_article_cases_unnested') }}

),

pairs as (

    select * from {{ ref('int_article_case_pairs_matched') }}

),

nodes as (

    select distinct article_case_id from pairs
    where article_case_id = matched_article_case_id

),

edges as (

    select
        article_case_id as from_id,
        matched_article_case_id as to_id
    from pairs
    where article_case_id <> matched_article_case_id
    union
    select
        matched_article_case_id as from_id,
        article_case_id as to_id
    from pairs
    where article_case_id <> matched_article_case_id

),

components as (

    -- Connected components: every node reaches the smallest id of its component.
    select
        reach.node_id,
        min(reach.reached_id) as component_id
    from (
        with recursive reach (node_id, reached_id) as (
            select
                nodes.article_case_id as node_id,
                nodes.article_case_id as reached_id
            from nodes
            union
            select
                reach.node_id,
                edges.to_id
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

    select
        members.*,
        component_ids.component_case_id
    from members
    inner join component_ids on members.component_id = component_ids.component_id

),

final as (

    select
        article_case_id,
        article_id,
        published_at,
        node_id,
        component_case_id
    from with_component

)

select * from final
