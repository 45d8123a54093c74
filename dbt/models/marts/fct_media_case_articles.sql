-- The bridge between media cases and their articles: every article that reported a case
-- (first report, follow-ups, independent write-ups and syndicated copies) with its evidence
-- spans, so a case page can list them and show the words.
-- Incremental: a daily run lists again only the cases whose members changed (all of such a
-- case's rows, delete+insert on media_case_id) and drops the cases gone.
{{
    config(
        materialized='incremental',
        unique_key='media_case_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        indexes=[{'columns': ['media_case_id']}],
        post_hook=["{{ delete_gone_media_cases() }}"],
    )
}}

with

grouped as (

    select * from {{ ref('int_article_cases_grouped') }}

),

article_cases as (

    select * from {{ ref('int_article_cases_unnested') }}

),

changed as (

    {{ changed_media_cases() }}

),

members as (

    select
        grouped.media_case_id,
        changed.members_fingerprint,
        grouped.is_syndicated_copy,
        article_cases.article_case_id,
        article_cases.article_id,
        article_cases.case_index,
        article_cases.canonical_url,
        article_cases.source_name,
        article_cases.title,
        article_cases.published_at,
        article_cases.cluster_article_id,
        article_cases.evidence
    from grouped
    inner join changed on grouped.media_case_id = changed.media_case_id
    inner join article_cases on grouped.article_case_id = article_cases.article_case_id

),

per_article as (

    select
        media_case_id,
        article_id,
        min(members_fingerprint) as members_fingerprint,
        bool_and(is_syndicated_copy) as is_syndicated_copy,
        min(canonical_url) as canonical_url,
        min(source_name) as source_name,
        min(title) as title,
        min(published_at) as published_at,
        min(cluster_article_id) as cluster_article_id,
        array_agg(article_case_id order by case_index) as article_case_ids,
        array_agg(case_index order by case_index) as case_indexes,
        jsonb_agg(evidence order by case_index) as evidence_by_case
    from members
    group by media_case_id, article_id

),

final as (

    select
        md5(media_case_id || '|' || article_id) as media_case_article_id,
        media_case_id,
        article_id,
        article_case_ids,
        case_indexes,
        canonical_url,
        source_name,
        title,
        published_at,
        is_syndicated_copy,
        case when is_syndicated_copy then cluster_article_id end as syndicated_from_article_id,
        case
            when is_syndicated_copy then 'syndicated copy'
            when row_number() over (
                partition by media_case_id, is_syndicated_copy order by published_at, article_id
            ) = 1 then 'first report'
            else 'follow-up'
        end as article_role,
        (
            select coalesce(jsonb_agg(s.span), '[]'::jsonb)
            from jsonb_array_elements(per_article.evidence_by_case) as c (spans)
            cross join lateral jsonb_array_elements(c.spans) as s (span)
        ) as evidence,
        row_number() over (partition by media_case_id order by published_at, article_id) as article_order,
        members_fingerprint

    from per_article

)

select * from final
