-- One row per organisation an article's latest annotation names, with its role.
-- Incremental like int_article_cases_unnested: only articles whose annotation changed; the
-- pre-hook first drops their rows, so organisations a new annotation no longer names go too.
{{
    config(
        materialized='incremental',
        unique_key='article_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        pre_hook=["{{ delete_reannotated_articles() }}"],
    )
}}

-- The import CTEs are inlined (not materialized): PostgreSQL writes out a CTE named twice in
-- whole (every annotation with its payload) before an incremental run picks its few changed rows.
with

annotations as not materialized (

    select * from {{ ref('stg_nlp__annotations') }}

),

latest_annotations as (

    -- The annotation in force: the article's latest successful one.
    select distinct on (annotations.article_id) annotations.*
    from annotations
    where
        annotations.annotation_error is null
        {% if is_incremental() %}
            and annotations.article_id in (
                select changed.article_id from annotations as changed
                where changed.annotated_at > (
                    select coalesce(max(previous.annotated_at), '-infinity') from {{ this }} as previous
                )
            )
        {% endif %}
    order by annotations.article_id asc, annotations.annotated_at desc, annotations.pipeline_version desc

),

institutions as (

    select
        annotations.article_id,
        annotations.annotated_at,
        i.ordinality::int - 1 as institution_index,
        nullif(btrim(i.value ->> 'name'), '') as institution_name,
        nullif(btrim(i.value ->> 'role'), '') as institution_role
    from latest_annotations as annotations
    cross join lateral jsonb_array_elements(
        case
            when jsonb_typeof(annotations.payload -> 'institutions') = 'array'
                then annotations.payload -> 'institutions'
            else '[]'::jsonb
        end
    ) with ordinality as i (value, ordinality)

),

final as (

    select
        md5(article_id || '#' || institution_index) as article_institution_id,
        *
    from institutions
    where institution_name is not null

)

select * from final
