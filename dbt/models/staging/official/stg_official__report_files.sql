with

source as (

    select * from {{ source('official', 'report_files') }}

),

renamed as (

    select
        file_sha256,
        file_name,
        kind as file_kind,
        loaded_at,
        rows_total,
        rows_loaded,
        rows_updated,
        rows_unchanged,
        rows_rejected

    from source

)

select * from renamed
