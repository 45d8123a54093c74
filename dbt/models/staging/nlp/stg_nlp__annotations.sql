-- Several pipeline versions may annotate one article: the latest successful one wins.
with

source as (

    select * from {{ source('nlp', 'annotations') }}

),

ranked as (

    select
        article_id,
        pipeline_version,
        content_hash,
        annotated_at,
        relevant as is_relevant,
        article_types,
        payload,
        error as annotation_error,
        row_number() over (
            partition by article_id
            order by (error is null) desc, annotated_at desc, pipeline_version desc
        ) as version_rank

    from source

),

final as (

    select
        article_id,
        pipeline_version,
        content_hash,
        annotated_at,
        is_relevant,
        article_types,
        payload,
        annotation_error

    from ranked
    where version_rank = 1

)

select * from final
