-- Every organisation the warehouse knows by its canonical name, with its usual role and the
-- aliases that resolve to it (KASN, KSN -> Komisi Aparatur Sipil Negara).
with

aliases as (

    select * from {{ ref('institution_aliases') }}

),

mentioned as (

    select * from {{ ref('int_article_institutions_unnested') }}

),

from_seed as (

    select
        canonical_name as institution_name,
        min(role) as institution_role,
        array_agg(distinct alias order by alias) as aliases
    from aliases
    group by canonical_name

),

from_articles as (

    select
        institution_name,
        mode() within group (order by institution_role) as institution_role,
        count(distinct article_id) as article_count
    from mentioned
    group by institution_name

),

final as (

    select
        coalesce(from_seed.institution_name, from_articles.institution_name) as institution_name,
        coalesce(from_seed.institution_role, from_articles.institution_role) as institution_role,
        coalesce(from_seed.aliases, '{}'::text[]) as aliases,
        coalesce(from_articles.article_count, 0) as article_count,
        from_seed.institution_name is not null as is_reference
    from from_seed
    full outer join from_articles on from_seed.institution_name = from_articles.institution_name

)

select * from final
