with

source as (

    select * from {{ source('official', 'official_rejects') }}

),

renamed as (

    select
        reject_id,
        file_sha256,
        file_name,
        row_number as file_row_number,
        kind as file_kind,
        raw_row,
        reasons,
        rejected_at

    from source

)

select * from renamed
