-- The news sites Netra reads, with how many articles the warehouse holds from each.
with

sources as (

    select * from {{ ref('int_sources_summarised') }}

),

final as (

    select
        source_name,
        domain,
        province,
        homepage,
        is_active,
        last_crawled_at,
        article_count,
        syndicated_article_count,
        first_published_at,
        latest_published_at
    from sources

)

select * from final
