-- One row per actor of a media case (after review edits), with the wording normalised the way
-- official registers are (abbreviations expanded, the region's own name removed), for linkage.
-- A case whose actors nobody named gets one row without an actor.
-- Incremental: normalising every actor's wording is the slow part of a daily run, so only cases
-- that are new or whose fingerprint (what this model reads of them) changed are listed again; the
-- pre-hook first drops the rows of cases that changed or are gone (merged, split, re-annotated).
{{
    config(
        materialized='incremental',
        unique_key='media_case_actor_id',
        incremental_strategy='delete+insert',
        indexes=[{'columns': ['media_case_actor_id'], 'unique': true}, {'columns': ['media_case_id']}],
        pre_hook=[
            "{% if is_incremental() %}"
            ~ " delete from {{ this }} as listed where not exists ("
            ~ " select 1 from {{ ref('int_media_cases_reviewed') }} as cases"
            ~ " where cases.media_case_id = listed.media_case_id"
            ~ " and {{ media_case_fingerprint('cases') }} = listed.case_fingerprint)"
            ~ "{% endif %}"
        ],
    )
}}

with

cases as (

    select * from {{ ref('int_media_cases_reviewed') }}

),

changed_cases as (

    select
        cases.*,
        {{ media_case_fingerprint('cases') }} as case_fingerprint
    from cases
    {% if is_incremental() %}
        where not exists (
            select 1 from {{ this }} as listed
            where listed.media_case_id = cases.media_case_id
        )
    {% endif %}

),

actors as (

    select
        cases.media_case_id,
        coalesce(a.actor_index, 1)::int as actor_index,
        nullif(btrim(a.actor ->> 'name'), '') as actor_name,
        nullif(btrim(a.actor ->> 'position'), '') as actor_position,
        nullif(btrim(a.actor ->> 'actor_type'), '') as actor_type,
        nullif(btrim(a.actor ->> 'institution'), '') as actor_institution,
        cases.province,
        cases.regency,
        cases.conduct_codes,
        cases.incident_date,
        cases.first_reported_at,
        cases.latest_reported_at,
        cases.review_status,
        cases.case_fingerprint
    from changed_cases as cases
    left join lateral jsonb_array_elements(cases.actors) with ordinality as a (actor, actor_index) on true

),

final as (

    select
        md5(actors.media_case_id || '|' || actors.actor_index) as media_case_actor_id,
        actors.*,
        {{ initials('actor_name') }} as actor_initials,
        coalesce(actors.actor_name ~ '^[A-Z][A-Z. ]{0,11}$', false) as name_is_initials,
        {{ strip_region(normalise_words('actor_position'), 'regency', 'province') }} as position_normalised,
        {{ strip_region(normalise_words('actor_institution'), 'regency', 'province') }} as institution_normalised,
        {{ numbers_in('actor_position') }} as position_numbers,
        {{ numbers_in('actor_institution') }} as institution_numbers

    from actors

)

select * from final
