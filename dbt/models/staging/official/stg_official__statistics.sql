with

source as (

    select * from {{ source('official', 'official_statistics') }}

),

renamed as (

    select
        md5(concat_ws('|', sumber, periode_mulai, periode_selesai, metrik, dimensi, satuan)) as statistic_key,
        sumber as statistic_source,
        periode_mulai as period_start,
        periode_selesai as period_end,
        metrik as metric,
        dimensi as dimension,
        nilai as statistic_value,
        satuan as unit,
        url_sumber as source_url,
        file_sha256,
        updated_at

    from source

)

select * from renamed
