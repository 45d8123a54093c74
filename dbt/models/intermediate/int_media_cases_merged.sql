-- One row per media case as the NLP saw it: every article-case of the case merged (actors,
-- conduct and kinds united; region the most frequent; status from the latest report; best
-- evidence from the article-case with the most evidence sentences, earliest first).
-- Incremental: a daily run merges again only the cases whose members changed (new articles,
-- re-annotations, splits and merges: macros/changed_media_cases.sql) and drops the cases gone.
{{
    config(
        materialized='incremental',
        unique_key='media_case_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        indexes=[{'columns': ['media_case_id'], 'unique': true}],
        post_hook=["{{ delete_gone_media_cases() }}"],
    )
}}

with

article_cases as (

    select * from {{ ref('int_article_cases_unnested') }}

),

grouped as (

    select * from {{ ref('int_article_cases_grouped') }}

),

changed as (

    {{ changed_media_cases() }}

),

members as (

    select
        grouped.media_case_id,
        grouped.is_syndicated_copy as is_copy,
        article_cases.*
    from grouped
    inner join changed on grouped.media_case_id = changed.media_case_id
    inner join article_cases on grouped.article_case_id = article_cases.article_case_id

),

counts as (

    select
        media_case_id,
        count(distinct article_id) as article_count,
        count(distinct article_id) filter (where not is_copy) as independent_article_count,
        count(distinct article_id) filter (where is_copy) as syndicated_copy_count,
        count(distinct source_name) as outlet_count,
        array_agg(distinct source_name order by source_name) filter (where source_name is not null) as source_names,
        min(published_at) as first_reported_at,
        max(published_at) as latest_reported_at,
        min(incident_date) as incident_date,
        mode() within group (order by province) filter (where not is_copy) as province,
        mode() within group (order by regency) filter (where not is_copy) as regency,
        max(evidence_count) as max_evidence_count

    from members
    group by media_case_id

),

conducts as (

    select
        media_case_id,
        array_agg(distinct code order by code) as conduct_codes
    from members
    cross join lateral unnest(conduct_codes) as c (code)
    group by media_case_id

),

kinds as (

    select
        media_case_id,
        array_agg(distinct kind order by kind) as violation_kinds
    from members
    cross join lateral unnest(violation_kinds) as k (kind)
    group by media_case_id

),

actors as (

    select
        members.media_case_id,
        jsonb_agg(distinct a.actor) as actors
    from members
    cross join lateral jsonb_array_elements(members.actors) as a (actor)
    where not members.is_copy
    group by members.media_case_id

),

latest_status as (

    select distinct on (media_case_id)
        media_case_id,
        reported_status
    from members
    where reported_status is not null
    order by media_case_id asc, published_at desc, article_case_id asc

),

best_evidence as (

    select distinct on (media_case_id)
        media_case_id,
        article_id as best_evidence_article_id,
        canonical_url as best_evidence_url,
        (evidence -> 0 ->> 'start')::int as best_evidence_start,
        (evidence -> 0 ->> 'end')::int as best_evidence_end,
        first_evidence_text as best_evidence_text
    from members
    where evidence_count > 0
    order by media_case_id asc, is_copy asc, evidence_count desc, published_at asc, article_case_id asc

),

final as (

    select
        counts.media_case_id,
        counts.article_count,
        counts.independent_article_count,
        counts.syndicated_copy_count,
        counts.outlet_count,
        coalesce(counts.source_names, '{}'::text[]) as source_names,
        counts.first_reported_at,
        counts.latest_reported_at,
        counts.incident_date,
        counts.province,
        counts.regency,
        coalesce(actors.actors, '[]'::jsonb) as actors,
        coalesce(conducts.conduct_codes, '{}'::text[]) as conduct_codes,
        coalesce(kinds.violation_kinds, '{}'::text[]) as violation_kinds,
        latest_status.reported_status,
        best_evidence.best_evidence_article_id,
        best_evidence.best_evidence_url,
        best_evidence.best_evidence_start,
        best_evidence.best_evidence_end,
        best_evidence.best_evidence_text,
        -- How sure the NLP side is, 0..1: independent reports, outlets, evidence, a named actor.
        round(least(
            1.0,
            0.35
            + 0.15 * least(counts.independent_article_count - 1, 2)
            + 0.05 * least(counts.outlet_count - 1, 2)
            + case when counts.max_evidence_count > 0 then 0.2 else 0 end
            + case when actors.actors @? '$[*].name ? (@ != null)' then 0.1 else 0 end
            + case when counts.regency is not null then 0.05 else 0 end
        )::numeric, 2) as nlp_confidence,
        changed.members_fingerprint

    from counts
    inner join changed on counts.media_case_id = changed.media_case_id
    left join conducts on counts.media_case_id = conducts.media_case_id
    left join kinds on counts.media_case_id = kinds.media_case_id
    left join actors on counts.media_case_id = actors.media_case_id
    left join latest_status on counts.media_case_id = latest_status.media_case_id
    left join best_evidence on counts.media_case_id = best_evidence.media_case_id

)

select * from final
