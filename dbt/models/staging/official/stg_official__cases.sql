with

source as (

    select * from {{ source('official', 'official_cases') }}

),

renamed as (

    select
        source || ' ' || nomor_laporan as official_case_key,
        source as official_source,
        case
            when source in ('KASN', 'BKN') then source
            else 'BAWASLU'
        end as official_body,
        nomor_laporan as report_number,
        tanggal_laporan as reported_on,
        nama_terlapor as respondent_name,
        jabatan as respondent_position,
        instansi as respondent_institution,
        provinsi as province,
        kabupaten_kota as regency,
        jenis_pelanggaran as violation_text,
        conduct_code,
        tanggal_kejadian as incident_date,
        rekomendasi as recommendation,
        status_tindak_lanjut as follow_up_status,
        tanggal_tindak_lanjut as followed_up_on,
        row_hash,
        file_sha256,
        first_loaded_at,
        updated_at

    from source

)

select * from renamed
