-- Connected components with names that stay once given: a component keeps the id an earlier run
-- gave any of its members (the oldest such id when a new article joins two earlier cases), so
-- an earlier report of an incident that arrives later joins the existing case instead of
-- renaming it. A component nobody named yet takes its earliest representative article-case.
-- full_refresh=false: `dbt build --full-refresh` rebuilds everything else but keeps the names,
-- so a full rebuild and an incremental run give the same ids. An id is kept only while the
-- article-case it names is still in the component (the id always names a member).
{{
    config(
        materialized='incremental',
        unique_key='article_case_id',
        incremental_strategy='delete+insert',
        full_refresh=false,
        indexes=[{'columns': ['article_case_id'], 'unique': true}, {'columns': ['component_case_id']}],
        pre_hook=[
            "{% if is_incremental() %}"
            ~ " delete from {{ this }} as named where not exists ("
            ~ " select 1 from {{ ref('int_article_case_components_connected') }} as kept"
            ~ " where kept.article_case_id = named.article_case_id)"
            ~ "{% endif %}"
        ],
    )
}}

with

components as (

    select * from {{ ref('int_article_case_components_connected') }}

),

{% if is_incremental() %}
    kept as (

        -- Per current component, the oldest name an earlier run gave one of its members, if
        -- that name's article-case is still a member.
        select distinct on (components.component_case_id)
            components.component_case_id,
            previous.component_case_id as kept_case_id,
            previous.named_at
        from components
        inner join {{ this }} as previous on components.article_case_id = previous.article_case_id
        inner join components as named_member
            on
                previous.component_case_id = named_member.article_case_id
                and components.component_case_id = named_member.component_case_id
        order by components.component_case_id asc, previous.named_at asc, previous.component_case_id asc

    ),
{% else %}
    kept as (

        select
            null::text as component_case_id,
            null::text as kept_case_id,
            null::timestamptz as named_at
        where false

    ),
{% endif %}

final as (

    select
        components.article_case_id,
        components.article_id,
        components.published_at,
        components.node_id,
        coalesce(kept.kept_case_id, components.component_case_id) as component_case_id,
        components.component_case_id as earliest_case_id,
        coalesce(kept.named_at, now()) as named_at
    from components
    left join kept on components.component_case_id = kept.component_case_id

)

select * from final
