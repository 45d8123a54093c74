-- Published figures from both places they come from: the reference seed (figures quoted in the
-- seed articles, with where they were quoted) and the files `netra load-reports` loaded. A figure
-- in both (same source, period, metric, breakdown, unit) is kept once, as loaded.
with

loaded as (

    select * from {{ ref('stg_official__statistics') }}

),

quoted as (

    select * from {{ ref('published_statistics') }}

),

breakdowns as (

    select * from {{ ref('published_breakdowns') }}

),

unioned as (

    select
        statistic_key,
        statistic_source,
        period_start,
        period_end,
        metric,
        dimension,
        statistic_value,
        unit,
        source_url,
        'official file' as origin,
        null as quoted_in,
        1 as preference
    from loaded

    union all

    select
        md5(concat_ws(
            '|', statistic_source, period_start, period_end, metric, coalesce(dimension, ''), unit
        )) as statistic_key,
        statistic_source,
        period_start,
        period_end,
        metric,
        coalesce(dimension, '') as dimension,
        statistic_value,
        unit,
        source_url,
        'reference seed' as origin,
        quoted_in,
        2 as preference
    from quoted

),

deduplicated as (

    select distinct on (statistic_key) *
    from unioned
    order by statistic_key, preference

),

final as (

    select
        deduplicated.statistic_key,
        deduplicated.statistic_source,
        deduplicated.period_start,
        deduplicated.period_end,
        deduplicated.metric,
        deduplicated.dimension,
        case
            when deduplicated.dimension = '' then 'total'
            when position(':' in deduplicated.dimension) > 0
                then lower(btrim(split_part(deduplicated.dimension, ':', 1)))
            else 'other'
        end as dimension_kind,
        nullif(btrim(substr(deduplicated.dimension, position(':' in deduplicated.dimension) + 1)), '')
            as dimension_value,
        breakdowns.conduct_code,
        breakdowns.violation_kind,
        deduplicated.statistic_value,
        deduplicated.unit,
        deduplicated.source_url,
        deduplicated.origin,
        deduplicated.quoted_in

    from deduplicated
    left join breakdowns on deduplicated.dimension = breakdowns.dimension

)

select * from final
