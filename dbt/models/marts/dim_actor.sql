-- The people (or groups) media cases allege did the conduct, one row per actor of a case.
with

actors as (

    select * from {{ ref('int_media_case_actors_listed') }}

),

final as (

    select
        media_case_actor_id,
        media_case_id,
        actor_index,
        actor_name,
        actor_initials,
        name_is_initials,
        actor_position,
        actor_type,
        actor_institution,
        province,
        regency
    from actors
    where coalesce(actor_name, actor_position, actor_type, actor_institution) is not null

)

select * from final
