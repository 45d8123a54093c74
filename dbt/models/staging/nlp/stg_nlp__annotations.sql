-- Every annotation of every article, one per pipeline version. Which one is in force (the latest
-- successful by annotated_at) is decided downstream, for the articles that changed only.
with

source as (

    select * from {{ source('nlp', 'annotations') }}

),

renamed as (

    select
        article_id || ':' || pipeline_version as annotation_key,
        article_id,
        pipeline_version,
        content_hash,
        annotated_at,
        relevant as is_relevant,
        article_types,
        payload,
        error as annotation_error

    from source

)

select * from renamed
