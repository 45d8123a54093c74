-- Each published figure beside what the warehouse counts for the same period and breakdown:
-- media cases first reported in the period (rejected ones left out) and official records
-- registered in it (the publishing body's own register when it is KASN, BKN or Bawaslu).
-- Breakdowns: total, "provinsi: X", "modus: ..." (via a conduct code), "jenis: KIND".
with

statistics as (

    select * from {{ ref('fct_published_statistics') }}

),

media as (

    select * from {{ ref('fct_media_cases') }}
    where review_status <> 'rejected'

),

official as (

    select * from {{ ref('fct_official_cases') }}

),

media_counts as (

    select
        statistics.statistic_key,
        count(media.media_case_id) as media_case_count
    from statistics
    left join media
        on
            media.first_reported_date between statistics.period_start and statistics.period_end
            and (statistics.province is null or statistics.province = media.province)
            and (statistics.conduct_code is null or statistics.conduct_code = any(media.conduct_codes))
            and (statistics.violation_kind is null or statistics.violation_kind = any(media.violation_kinds))
    where statistics.dimension_kind in ('total', 'provinsi', 'modus', 'jenis')
    group by statistics.statistic_key

),

official_counts as (

    select
        statistics.statistic_key,
        count(official.official_case_key) as official_record_count
    from statistics
    left join official
        on
            official.reported_on between statistics.period_start and statistics.period_end
            and (
                upper(statistics.statistic_source) not in ('KASN', 'BKN', 'BAWASLU')
                or official.official_body = upper(statistics.statistic_source)
            )
            and (statistics.province is null or statistics.province = official.province)
            and (statistics.conduct_code is null or statistics.conduct_code = official.conduct_code)
            and (statistics.violation_kind is null or statistics.violation_kind = official.violation_kind)
    where statistics.dimension_kind in ('total', 'provinsi', 'modus', 'jenis')
    group by statistics.statistic_key

),

final as (

    select
        statistics.statistic_key,
        statistics.statistic_source,
        statistics.period_start,
        statistics.period_end,
        statistics.metric,
        statistics.dimension,
        statistics.dimension_kind,
        statistics.statistic_value as published_value,
        statistics.unit,
        statistics.unit <> 'persen' and media_counts.statistic_key is not null as is_comparable,
        media_counts.media_case_count,
        official_counts.official_record_count,
        statistics.source_url

    from statistics
    left join media_counts on statistics.statistic_key = media_counts.statistic_key
    left join official_counts on statistics.statistic_key = official_counts.statistic_key

)

select * from final
