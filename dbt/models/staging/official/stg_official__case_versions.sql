with

source as (

    select * from {{ source('official', 'official_case_history') }}

),

renamed as (

    select
        history_id,
        source || ' ' || nomor_laporan as official_case_key,
        row_hash,
        record ->> 'rekomendasi' as recommendation,
        record ->> 'status_tindak_lanjut' as follow_up_status,
        file_sha256,
        valid_from

    from source

)

select * from renamed
