-- Coverage by province x month x conduct: media cases the official record lacks (media only),
-- official records no news reported (official only), and cases in both. Media cases count in
-- the month they were first reported, official records in the month they were registered;
-- rejected media cases are left out. A case with several conduct codes counts under each.
with

media as (

    select * from {{ ref('fct_media_cases') }}
    where review_status <> 'rejected'

),

official as (

    select * from {{ ref('fct_official_cases') }}

),

media_rows as (

    select
        coalesce(media.province, 'unknown') as province,
        date_trunc('month', media.first_reported_date)::date as month_start,
        coalesce(c.conduct_code, 'unknown') as conduct_code,
        media.in_official_record
    from media
    left join lateral unnest(
        case when cardinality(media.conduct_codes) > 0 then media.conduct_codes else array[null] end
    ) as c (conduct_code) on true

),

official_rows as (

    select
        coalesce(province, 'unknown') as province,
        date_trunc('month', reported_on)::date as month_start,
        coalesce(conduct_code, 'unknown') as conduct_code,
        has_press_coverage
    from official

),

media_counts as (

    select
        province,
        month_start,
        conduct_code,
        count(*) filter (where not in_official_record) as media_only_cases,
        count(*) filter (where in_official_record) as both_cases,
        count(*) as media_cases
    from media_rows
    group by province, month_start, conduct_code

),

official_counts as (

    select
        province,
        month_start,
        conduct_code,
        count(*) filter (where not has_press_coverage) as official_only_cases,
        count(*) filter (where has_press_coverage) as official_cases_with_coverage,
        count(*) as official_cases
    from official_rows
    group by province, month_start, conduct_code

),

final as (

    select
        md5(concat_ws(
            '|',
            coalesce(media_counts.province, official_counts.province),
            coalesce(media_counts.month_start, official_counts.month_start),
            coalesce(media_counts.conduct_code, official_counts.conduct_code)
        )) as coverage_key,
        coalesce(media_counts.province, official_counts.province) as province,
        coalesce(media_counts.month_start, official_counts.month_start) as month_start,
        coalesce(media_counts.conduct_code, official_counts.conduct_code) as conduct_code,
        coalesce(media_counts.media_only_cases, 0) as media_only_cases,
        coalesce(official_counts.official_only_cases, 0) as official_only_cases,
        coalesce(media_counts.both_cases, 0) as both_cases,
        coalesce(official_counts.official_cases_with_coverage, 0) as official_cases_with_coverage,
        coalesce(media_counts.media_cases, 0) as media_cases,
        coalesce(official_counts.official_cases, 0) as official_cases

    from media_counts
    full outer join official_counts
        on
            media_counts.province = official_counts.province
            and media_counts.month_start = official_counts.month_start
            and media_counts.conduct_code = official_counts.conduct_code

)

select * from final
