{{
    config(
        indexes=[
            {'columns': ['media_case_id'], 'unique': true},
            {'columns': ['latest_reported_at desc nulls last', 'confidence_score desc nulls last', 'media_case_id']},
            {'columns': ['province']},
            {'columns': ['institution', 'latest_reported_at desc nulls last']},
            {'columns': ['conduct_codes'], 'type': 'gin'},
            {'columns': ['actor_names'], 'type': 'gin'},
            {'columns': ['source_names'], 'type': 'gin'},
        ]
    )
}}
-- Indexes serve the review app's queue (its order, filters and counts); see bench/bench_app.py.
-- One row per media case: an incident the news reported, however many articles reported it,
-- with the monitors' decisions applied and its links to the official record.
with

cases as (

    select * from {{ ref('int_media_cases_reviewed') }}

),

links as (

    select * from {{ ref('fct_case_links') }}

),

case_links as (

    select
        media_case_id,
        count(*) as official_case_count,
        array_agg(official_case_key order by official_case_key) as official_case_keys
    from links
    group by media_case_id

),

final as (

    select
        cases.media_case_id,
        cases.actors,
        array(
            select distinct a.actor ->> 'name'
            from jsonb_array_elements(cases.actors) as a (actor)
            where nullif(a.actor ->> 'name', '') is not null
            order by a.actor ->> 'name'
        ) as actor_names,
        array(
            select distinct a.actor ->> 'position'
            from jsonb_array_elements(cases.actors) as a (actor)
            where nullif(a.actor ->> 'position', '') is not null
            order by a.actor ->> 'position'
        ) as actor_positions,
        (
            select mode() within group (order by a.actor ->> 'institution')
            from jsonb_array_elements(cases.actors) as a (actor)
            where nullif(a.actor ->> 'institution', '') is not null
        ) as institution,
        cases.province,
        cases.regency,
        coalesce(cases.regency, cases.province) as region_key,
        cases.conduct_codes,
        cases.violation_kinds,
        cases.status,
        cases.incident_date,
        cases.first_reported_at,
        cases.latest_reported_at,
        (cases.first_reported_at at time zone 'Asia/Jakarta')::date as first_reported_date,
        (cases.latest_reported_at at time zone 'Asia/Jakarta')::date as latest_reported_date,
        cases.article_count,
        cases.independent_article_count,
        cases.syndicated_copy_count,
        cases.outlet_count,
        cases.source_names,
        cases.best_evidence_article_id,
        cases.best_evidence_url,
        cases.best_evidence_start,
        cases.best_evidence_end,
        cases.best_evidence_text,
        cases.nlp_confidence,
        case cases.review_status
            when 'confirmed' then 1.0
            when 'rejected' then 0.0
            else cases.nlp_confidence
        end as confidence_score,
        cases.review_status,
        cases.confirmed_fields,
        cases.edited_fields,
        cases.reviewed_at,
        cases.reviewed_by_user_id,
        cases.reject_reason_code,
        cases.review_note,
        cases.reported_onward_to,
        cases.reported_onward_at,
        coalesce(case_links.official_case_count, 0) as official_case_count,
        coalesce(case_links.official_case_keys, '{}'::text[]) as official_case_keys,
        coalesce(case_links.official_case_count, 0) > 0 as in_official_record

    from cases
    left join case_links on cases.media_case_id = case_links.media_case_id

)

select * from final
