with

source as (

    select * from {{ source('news', 'sources') }}

),

renamed as (

    select
        name as source_name,
        domain,
        province,
        homepage,
        crawl_frequency_minutes,
        active as is_active,
        last_crawled_at,
        created_at,
        updated_at

    from source

)

select * from renamed
