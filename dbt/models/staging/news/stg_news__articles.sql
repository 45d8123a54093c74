with

source as (

    select * from {{ source('news', 'articles') }}

),

renamed as (

    select
        article_id,
        canonical_url,
        source_name,
        title,
        author,
        published_at,
        (published_at at time zone 'Asia/Jakarta')::date as published_date,
        section,
        language,
        content_hash,
        syndicated_from_outlet,
        syndicated_from_url,
        first_seen_at,
        updated_at

    from source

)

select * from renamed
