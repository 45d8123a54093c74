-- One row per official case record (a person in a KASN/BKN/Bawaslu register) with its
-- recommendation and follow-up, and whether the news reported it.
with

official as (

    select * from {{ ref('int_official_cases_normalised') }}

),

links as (

    select * from {{ ref('fct_case_links') }}

),

conduct as (

    select * from {{ ref('conduct_codes') }}

),

linked as (

    select
        official_case_key,
        count(*) as media_case_count,
        (array_agg(media_case_id order by link_score desc nulls last, media_case_id asc))[1] as media_case_id
    from links
    group by official_case_key

),

final as (

    select
        official.official_case_key,
        official.official_source,
        official.official_body,
        official.report_number,
        official.reported_on,
        official.respondent_name,
        official.respondent_initials,
        official.respondent_position,
        official.respondent_institution,
        official.province,
        official.regency,
        coalesce(official.regency, official.province) as region_key,
        official.violation_text,
        official.conduct_code,
        conduct.violation_kind,
        official.incident_date,
        official.recommendation,
        official.follow_up_status,
        official.followed_up_on,
        official.first_loaded_at,
        official.updated_at,
        linked.media_case_id,
        coalesce(linked.media_case_count, 0) as media_case_count,
        linked.media_case_id is not null as has_press_coverage

    from official
    left join conduct on official.conduct_code = conduct.conduct_code
    left join linked on official.official_case_key = linked.official_case_key

)

select * from final
