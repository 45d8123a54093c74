-- Follow-up of each official recommendation: whether and when it was acted on, how long it has
-- been open, and when the warehouse first saw each status (from the status snapshot).
-- Tagged daily: days_open counts to today, so a daily run rebuilds it even when nothing arrived.
{{ config(tags=['daily']) }}

with

official as (

    select * from {{ ref('fct_official_cases') }}

),

snapshot as (

    select * from {{ ref('official_case_status_snapshot') }}

),

history as (

    select
        official_case_key,
        count(*) as status_versions,
        min(dbt_valid_from) as first_seen_at,
        min(dbt_valid_from) filter (where follow_up_status = 'sudah ditindaklanjuti') as acted_on_seen_at
    from snapshot
    group by official_case_key

),

final as (

    select
        official.official_case_key,
        official.official_source,
        official.official_body,
        official.report_number,
        official.reported_on,
        official.province,
        official.regency,
        official.conduct_code,
        official.recommendation,
        coalesce(official.recommendation ilike '%tidak terbukti%', false) as is_not_proven,
        official.follow_up_status,
        official.followed_up_on,
        official.followed_up_on - official.reported_on as days_to_follow_up,
        case
            when coalesce(official.follow_up_status, '') <> 'sudah ditindaklanjuti'
                then current_date - official.reported_on
        end as days_open,
        coalesce(official.follow_up_status <> 'sudah ditindaklanjuti', true)
        and not coalesce(official.recommendation ilike '%tidak terbukti%', false) as is_awaiting_action,
        history.status_versions,
        history.first_seen_at,
        history.acted_on_seen_at,
        official.has_press_coverage,
        official.media_case_id

    from official
    left join history on official.official_case_key = history.official_case_key

)

select * from final
