-- Indonesia's provinces and regencies/cities (canonical names, the gazetteer's list).
-- region_key is the regency's name, or the province's for a province-level row.
with

regions as (

    select * from {{ ref('regions') }}

),

regencies as (

    select
        regions.regency as region_key,
        'regency' as region_level,
        regions.province,
        regions.province_iso,
        regions.regency,
        regions.regency_kind,
        regions.capital,
        nullif(regions.alias, '') as region_alias,
        regions.areaid_id
    from regions

),

provinces as (

    select distinct on (province)
        province as region_key,
        'province' as region_level,
        province,
        province_iso,
        null as regency,
        null as regency_kind,
        null as capital,
        null as region_alias,
        null::integer as areaid_id
    from regions
    order by province

),

final as (

    select * from regencies
    union all
    select * from provinces

)

select * from final
