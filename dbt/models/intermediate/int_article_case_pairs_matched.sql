-- Which article-cases report the same incident. Every representative article-case (an original,
-- not a syndicated copy of one) gets a self row, and one row per earlier or same-run article-case
-- it matches: same region block, dates within media_case_window_days, compatible actors (unnamed
-- ones also need stated incident dates within media_case_unnamed_incident_days).
-- Incremental: only article-cases the last run has not compared yet are compared (against all);
-- the pre-hooks first drop every pair of those and of cases that are gone, so a re-annotated case
-- loses pairs it no longer makes.
{{
    config(
        materialized='incremental',
        unique_key='article_case_pair_id',
        incremental_strategy='delete+insert',
        indexes=[{'columns': ['article_case_id']}, {'columns': ['matched_article_case_id']}],
        pre_hook=[
            "{% if is_incremental() %}"
            ~ " delete from {{ this }} as pairs using {{ ref('int_article_cases_unnested') }} as fresh"
            ~ " where fresh.loaded_at > (select coalesce(max(compared_at), '-infinity') from {{ this }})"
            ~ " and fresh.article_case_id in (pairs.article_case_id, pairs.matched_article_case_id)"
            ~ "{% endif %}",
            "{% if is_incremental() %}"
            ~ " delete from {{ this }} as pairs where not exists ("
            ~ " select 1 from {{ ref('int_article_cases_unnested') }} as kept"
            ~ " where kept.article_case_id = pairs.article_case_id)"
            ~ " or not exists (select 1 from {{ ref('int_article_cases_unnested') }} as kept"
            ~ " where kept.article_case_id = pairs.matched_article_case_id)"
            ~ "{% endif %}",
        ],
    )
}}

with

article_cases as (

    select * from {{ ref('int_article_cases_unnested') }}

),

representatives as (

    -- A syndicated copy stands for itself only when its canonical article lacks that case.
    select
        article_cases.*,
        array_to_string(article_cases.actor_positions, ' ') as positions_text,
        array_to_string(article_cases.actor_institutions, ' ') as institutions_text
    from article_cases
    where
        article_cases.article_case_id = article_cases.cluster_article_case_id
        or not exists (
            select 1 from article_cases as canonical
            where canonical.article_case_id = article_cases.cluster_article_case_id
        )

),

new_cases as (

    select * from representatives
    {% if is_incremental() %}
        where loaded_at > (select coalesce(max(previous.compared_at), '-infinity') from {{ this }} as previous)
    {% endif %}

),

candidates as (

    select
        new_cases.article_case_id,
        other_cases.article_case_id as matched_article_case_id,
        abs(new_cases.event_date - other_cases.event_date) as days_apart,
        coalesce(
            abs(new_cases.incident_date - other_cases.incident_date)
            <= {{ var('media_case_unnamed_incident_days') }},
            true
        ) as incident_dates_agree,
        new_cases.conduct_codes && other_cases.conduct_codes as conduct_overlaps,
        cardinality(new_cases.actor_names) > 0 and cardinality(other_cases.actor_names) > 0 as both_named,
        exists(
            select 1
            from
                unnest(new_cases.actor_names, new_cases.actor_initials, new_cases.actor_name_is_initials)
                    as a (actor_name, actor_initials, is_initials)
            cross join
                unnest(other_cases.actor_names, other_cases.actor_initials, other_cases.actor_name_is_initials)
                    as b (actor_name, actor_initials, is_initials)
            where
                not a.is_initials and not b.is_initials
                and similarity(lower(a.actor_name), lower(b.actor_name)) >= 0.6
        ) as names_match,
        initials.initials_match,
        initials.names_partly_match,
        similarity(new_cases.positions_text, other_cases.positions_text) as position_similarity,
        similarity(new_cases.institutions_text, other_cases.institutions_text) as institution_similarity,
        greatest(new_cases.loaded_at, other_cases.loaded_at) as compared_at

    from new_cases
    inner join representatives as other_cases
        on
            new_cases.block_key = other_cases.block_key
            and new_cases.article_id <> other_cases.article_id
            and abs(new_cases.event_date - other_cases.event_date) <= {{ var('media_case_window_days') }}
    -- Pairs of actors where one side is written as initials: the same initials, or partly the same.
    cross join lateral (
        select
            coalesce(bool_or(a.actor_initials = b.actor_initials), false) as initials_match,
            coalesce(
                bool_or({{ initials_partly_match('a.actor_initials', 'b.actor_initials') }}), false
            ) as names_partly_match
        from unnest(new_cases.actor_initials, new_cases.actor_name_is_initials) as a (actor_initials, is_initials)
        cross join
            unnest(other_cases.actor_initials, other_cases.actor_name_is_initials)
                as b (actor_initials, is_initials)
        where a.is_initials or b.is_initials
    ) as initials

),

matches as (

    select
        article_case_id,
        matched_article_case_id,
        days_apart,
        conduct_overlaps,
        names_match or initials_match as names_match,
        position_similarity,
        institution_similarity,
        compared_at

    from candidates
    where
        (both_named and names_match and (
            conduct_overlaps or position_similarity >= 0.5 or institution_similarity >= 0.5
        ))
        -- Initials name many people: a shared employer (everyone in a regency shares its Pemkab) is
        -- not enough beside them; the conduct or the post must agree too.
        or (both_named and initials_match and (conduct_overlaps or position_similarity >= 0.5))
        or (both_named and names_partly_match and conduct_overlaps and (
            position_similarity >= 0.5 or institution_similarity >= 0.5
        ))
        or (
            not both_named and conduct_overlaps and incident_dates_agree
            and position_similarity >= 0.6 and institution_similarity >= 0.6
        )

),

self_rows as (

    select
        article_case_id,
        article_case_id as matched_article_case_id,
        0 as days_apart,
        true as conduct_overlaps,
        true as names_match,
        1.0::real as position_similarity,
        1.0::real as institution_similarity,
        loaded_at as compared_at

    from new_cases

),

unioned as (

    select * from self_rows
    union all
    select * from matches

),

final as (

    select
        md5(article_case_id || '|' || matched_article_case_id) as article_case_pair_id,
        *
    from unioned

)

select * from final
