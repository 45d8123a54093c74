-- Every published figure on ASN neutrality cases: the seed's quoted figures and the loaded files.
with

statistics as (

    select * from {{ ref('int_published_statistics_unioned') }}

),

final as (

    select
        statistic_key,
        statistic_source,
        period_start,
        period_end,
        metric,
        dimension,
        dimension_kind,
        dimension_value,
        case when dimension_kind = 'provinsi' then dimension_value end as province,
        conduct_code,
        violation_kind,
        statistic_value,
        unit,
        source_url,
        origin,
        quoted_in
    from statistics

)

select * from final
