-- One row per case an article's latest annotation reports (case_index counts from 0).
-- Incremental: a daily run re-reads only articles whose annotation, text or cluster changed,
-- and replaces all of their rows (delete+insert on article_id). The pre-hook first removes the
-- rows of re-annotated articles, so a case the new annotation no longer reports goes too.
{{
    config(
        materialized='incremental',
        unique_key='article_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        indexes=[
            {'columns': ['article_case_id'], 'unique': true},
            {'columns': ['article_id']},
            {'columns': ['block_key']},
        ],
        pre_hook=["{{ delete_reannotated_articles() }}"],
    )
}}

-- The import CTEs are inlined (not materialized): PostgreSQL writes out a CTE named twice in
-- whole (every annotation with its payload) before an incremental run picks its few changed rows.
with

annotations as not materialized (

    select * from {{ ref('stg_nlp__annotations') }}

),

articles as not materialized (

    select * from {{ ref('stg_news__articles') }}

),

clusters as not materialized (

    select * from {{ ref('stg_news__article_clusters') }}

),

{% if is_incremental() %}
    changed as (

        select annotations.article_id from annotations
        where
            annotations.annotated_at > (
                select coalesce(max(previous.annotated_at), '-infinity') from {{ this }} as previous
            )
        union
        select articles.article_id from articles
        where
            articles.updated_at > (
                select coalesce(max(previous.article_updated_at), '-infinity') from {{ this }} as previous
            )
        union
        select clusters.article_id from clusters
        where clusters.updated_at > (
            select coalesce(max(previous.cluster_updated_at), '-infinity') from {{ this }} as previous
        )

    ),
{% endif %}

latest_annotations as (

    -- The annotation in force: the article's latest successful one (several pipeline versions
    -- may have annotated it).
    select distinct on (annotations.article_id) annotations.*
    from annotations
    where
        annotations.annotation_error is null
        {% if is_incremental() %}
            and annotations.article_id in (select changed.article_id from changed)
        {% endif %}
    order by annotations.article_id asc, annotations.annotated_at desc, annotations.pipeline_version desc

),

annotated_articles as (

    select
        articles.article_id,
        articles.canonical_url,
        articles.source_name,
        articles.title,
        articles.published_at,
        articles.published_date,
        articles.updated_at as article_updated_at,
        annotations.pipeline_version,
        annotations.annotated_at,
        annotations.payload,
        clusters.updated_at as cluster_updated_at,
        coalesce(cluster_articles.canonical_url, articles.canonical_url) as cluster_canonical_url,
        coalesce(clusters.cluster_article_id, articles.article_id) as cluster_article_id,
        coalesce(clusters.cluster_article_id, articles.article_id) <> articles.article_id as is_syndicated_copy

    from latest_annotations as annotations
    inner join articles on annotations.article_id = articles.article_id
    left join clusters on annotations.article_id = clusters.article_id
    left join articles as cluster_articles on clusters.cluster_article_id = cluster_articles.article_id

),

cases as (

    select
        annotated_articles.*,
        c.ordinality::int - 1 as case_index,
        c.value as case_json

    from annotated_articles
    cross join lateral jsonb_array_elements(
        case
            when jsonb_typeof(annotated_articles.payload -> 'cases') = 'array'
                then annotated_articles.payload -> 'cases'
            else '[]'::jsonb
        end
    ) with ordinality as c (value, ordinality)

),

fields as (

    select
        md5(canonical_url || '#' || case_index) as article_case_id,
        article_id,
        case_index,
        canonical_url,
        source_name,
        title,
        published_at,
        published_date,
        pipeline_version,
        annotated_at,
        article_updated_at,
        cluster_updated_at,
        cluster_article_id,
        is_syndicated_copy,
        md5(cluster_canonical_url || '#' || case_index) as cluster_article_case_id,
        coalesce(case_json -> 'actors', '[]'::jsonb) as actors,
        {{ json_text_array("case_json -> 'actors'", 'name') }} as actor_names,
        {{ json_text_array("case_json -> 'actors'", 'position') }} as actor_positions,
        {{ json_text_array("case_json -> 'actors'", 'actor_type') }} as actor_types,
        {{ json_text_array("case_json -> 'actors'", 'institution') }} as actor_institutions,
        coalesce(
            nullif(case_json #>> '{region,province}', ''),
            nullif(case_json #>> '{actors,0,region,province}', '')
        ) as province,
        coalesce(
            nullif(case_json #>> '{region,regency}', ''),
            nullif(case_json #>> '{actors,0,region,regency}', '')
        ) as regency,
        {{ json_text_array("case_json -> 'conduct'") }} as conduct_codes,
        {{ json_text_array("case_json -> 'violation_kind'") }} as violation_kinds,
        {{ safe_date("case_json ->> 'incident_date'") }} as incident_date,
        nullif(case_json ->> 'status', '') as reported_status,
        coalesce(case_json -> 'evidence', '[]'::jsonb) as evidence

    from cases

),

final as (

    select
        *,
        coalesce(regency, province, 'unknown') as block_key,
        coalesce(incident_date, published_date) as event_date,
        jsonb_array_length(evidence) as evidence_count,
        evidence -> 0 ->> 'text' as first_evidence_text,
        -- Initials once per article-case, when it is read, not on every run that compares pairs.
        {{ initials_array('actor_names') }} as actor_initials,
        array(select n.actor_name ~ '^[A-Z. ]{1,12}$' from unnest(actor_names) as n (actor_name)) as actor_name_is_initials,
        -- One timestamp per run: what int_article_case_pairs_matched has not compared yet.
        now() as loaded_at

    from fields

)

select * from final
