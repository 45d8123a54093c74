with

source as (

    select * from {{ source('news', 'article_clusters') }}

),

renamed as (

    select
        article_id,
        cluster_id as cluster_article_id,
        is_canonical,
        similarity,
        method as cluster_method,
        updated_at

    from source

)

select * from renamed
