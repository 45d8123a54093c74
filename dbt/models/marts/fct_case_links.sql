{{ config(indexes=[{'columns': ['media_case_id']}]) }}
-- Links between official case records and media cases: the linker's accepted links (best
-- candidate of an official record, scoring at least var('link_min_score') and beating the next
-- media case by var('link_margin')), plus monitors' manual links, minus their unlinks.
with

scored as (

    select * from {{ ref('int_case_links_scored') }}

),

decisions as (

    select * from {{ ref('int_review_decisions_assigned') }}

),

official as (

    select * from {{ ref('int_official_cases_normalised') }}

),

automatic as (

    select
        official_case_key,
        media_case_id,
        score,
        reasons
    from scored
    where
        candidate_rank = 1
        and score >= {{ var('link_min_score') }}
        and margin_over_next >= {{ var('link_margin') }}

),

manual as (

    select
        (decision_value ->> 'source') || ' ' || (decision_value ->> 'nomor_laporan') as official_case_key,
        media_case_id,
        decision,
        user_id,
        decided_at
    from decisions
    where decision in ('link', 'unlink')

),

combined as (

    select
        automatic.official_case_key,
        automatic.media_case_id,
        'automatic' as link_method,
        automatic.score as link_score,
        automatic.reasons as link_reasons,
        null::bigint as linked_by_user_id,
        null::timestamptz as linked_at
    from automatic
    where
        not exists (
            select 1 from manual
            where
                manual.official_case_key = automatic.official_case_key
                and manual.media_case_id = automatic.media_case_id
        )

    union all

    select
        manual.official_case_key,
        manual.media_case_id,
        'manual' as link_method,
        scored.score as link_score,
        array['linked by a monitor'] as link_reasons,
        manual.user_id as linked_by_user_id,
        manual.decided_at as linked_at
    from manual
    inner join official on manual.official_case_key = official.official_case_key
    left join scored
        on
            manual.official_case_key = scored.official_case_key
            and manual.media_case_id = scored.media_case_id
    where manual.decision = 'link'

),

final as (

    select distinct on (combined.official_case_key, combined.media_case_id)
        md5(combined.official_case_key || '|' || combined.media_case_id) as case_link_id,
        combined.official_case_key,
        combined.media_case_id,
        official.official_source,
        official.report_number,
        combined.link_method,
        combined.link_score,
        round((1 / (1 + exp(-(combined.link_score - {{ var('link_min_score') }}))))::numeric, 3)
            as link_probability,
        combined.link_reasons,
        combined.linked_by_user_id,
        combined.linked_at
    from combined
    inner join official on combined.official_case_key = official.official_case_key
    order by combined.official_case_key, combined.media_case_id, (combined.link_method = 'manual') desc

)

select * from final
