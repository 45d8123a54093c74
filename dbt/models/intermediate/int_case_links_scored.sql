-- Candidate links between official case records and media cases, with a score and its reasons.
-- Registers write initials, positions and employers differently from news, so each piece of
-- evidence adds or takes away weight (a hand-set Fellegi-Sunter-style sum, measured against the
-- labelled set in tests/fixtures/official/linkage_labels.csv):
--   name: same name +4, same initials +3, initials one name apart +1.5, both known and different -4
--   position / employer (pg_trgm word similarity of the normalised wording): >= .75 +2, >= .5 +1,
--     both known and < .3 -1; both numbered (SD Negeri 13 / SD Negeri 22) with no number shared -2
--   conduct: the register's code among the case's +2, both known and different -1.5
--   incident dates: <= 3 days apart +2, <= 14 +1, > 60 -2
--   registration date: within [first report or incident - 30 days, latest report + 365 days] +1, else -3
--   regency: the same +1 (candidates share at least the province)
-- Each official record's best candidate is linked in fct_case_links when it scores at least
-- var('link_min_score') and beats the next media case by var('link_margin').
with

official as (

    select * from {{ ref('int_official_cases_normalised') }}

),

media_actors as (

    select * from {{ ref('int_media_case_actors_listed') }}

),

pairs as (

    select
        official.official_case_key,
        media_actors.media_case_id,
        media_actors.media_case_actor_id,
        coalesce(official.regency = media_actors.regency, false) as same_regency,
        official.respondent_name,
        media_actors.actor_name,
        case
            when official.respondent_name is null or media_actors.actor_name is null then null
            when not official.name_is_initials and not media_actors.name_is_initials
                then similarity(lower(official.respondent_name), lower(media_actors.actor_name))
        end as name_similarity,
        official.respondent_initials,
        media_actors.actor_initials,
        case
            when official.position_normalised is null or media_actors.position_normalised is null then null
            else greatest(
                word_similarity(official.position_normalised, media_actors.position_normalised),
                word_similarity(media_actors.position_normalised, official.position_normalised)
            )
        end as position_similarity,
        case
            when official.institution_normalised is null or media_actors.institution_normalised is null then null
            else greatest(
                word_similarity(official.institution_normalised, media_actors.institution_normalised),
                word_similarity(media_actors.institution_normalised, official.institution_normalised)
            )
        end as institution_similarity,
        -- Both sides number the unit (SD Negeri 13 / SD Negeri 22) and no number is shared.
        coalesce(
            cardinality(official.position_numbers) > 0 and cardinality(media_actors.position_numbers) > 0
            and not official.position_numbers && media_actors.position_numbers,
            false
        ) as position_numbers_differ,
        coalesce(
            cardinality(official.institution_numbers) > 0 and cardinality(media_actors.institution_numbers) > 0
            and not official.institution_numbers && media_actors.institution_numbers,
            false
        ) as institution_numbers_differ,
        case
            when official.conduct_code is null or cardinality(media_actors.conduct_codes) = 0 then null
            else official.conduct_code = any(media_actors.conduct_codes)
        end as conduct_matches,
        abs(official.incident_date - media_actors.incident_date) as incident_days_apart,
        -- A register may record a report before the news did (the incident date says how early).
        official.reported_on between (
            least(media_actors.first_reported_at::date, media_actors.incident_date) - 30
        ) and (media_actors.latest_reported_at::date + 365) as registered_in_window

    from official
    inner join media_actors
        on
            official.province = media_actors.province
            and (
                official.regency = media_actors.regency
                or official.regency is null
                or media_actors.regency is null
            )
    -- Skip pairs that can never link: different initials (one side only initials, so no name
    -- similarity can rescue them) and a different conduct cap the score at 1.5, below any
    -- threshold that makes sense, and below the best candidate's margin when it links.
    where not (
        official.respondent_initials <> media_actors.actor_initials
        and not {{ initials_partly_match('official.respondent_initials', 'media_actors.actor_initials') }}
        and (official.name_is_initials or media_actors.name_is_initials)
        and official.conduct_code <> all(media_actors.conduct_codes)
        and cardinality(media_actors.conduct_codes) > 0
    )

),

weighed as (

    select
        pairs.*,
        case
            when pairs.name_similarity >= 0.5 then 4.0
            when pairs.respondent_initials = pairs.actor_initials then 3.0
            when {{ initials_partly_match('pairs.respondent_initials', 'pairs.actor_initials') }} then 1.5
            when pairs.respondent_initials is not null and pairs.actor_initials is not null then -4.0
            else 0
        end as name_weight,
        case
            when pairs.position_numbers_differ then -2.0
            when pairs.position_similarity >= 0.75 then 2.0
            when pairs.position_similarity >= 0.5 then 1.0
            when pairs.position_similarity < 0.3 then -1.0
            else 0
        end as position_weight,
        case
            when pairs.institution_numbers_differ then -2.0
            when pairs.institution_similarity >= 0.75 then 2.0
            when pairs.institution_similarity >= 0.5 then 1.0
            when pairs.institution_similarity < 0.3 then -1.0
            else 0
        end as institution_weight,
        case when pairs.conduct_matches then 2.0 when not pairs.conduct_matches then -1.5 else 0 end as conduct_weight,
        case
            when pairs.incident_days_apart <= 3 then 2.0
            when pairs.incident_days_apart <= 14 then 1.0
            when pairs.incident_days_apart > 60 then -2.0
            else 0
        end as incident_weight,
        case when pairs.registered_in_window then 1.0 else -3.0 end as registration_weight,
        case when pairs.same_regency then 1.0 else 0 end as region_weight

    from pairs

),

scored as (

    select
        weighed.*,
        weighed.name_weight + weighed.position_weight + weighed.institution_weight + weighed.conduct_weight + weighed.incident_weight
        + weighed.registration_weight + weighed.region_weight as score,
        array_remove(array[
            case when weighed.same_regency then 'same regency' else 'same province' end,
            case
                when weighed.name_weight = 4 then 'same name (' || weighed.respondent_name || ' / ' || weighed.actor_name || ')'
                when weighed.name_weight = 3 then 'initials match (' || weighed.respondent_initials || ')'
                when weighed.name_weight = 1.5
                    then 'initials partly match (' || weighed.respondent_initials || ' / ' || weighed.actor_initials || ')'
                when weighed.name_weight < 0 then 'different names (' || weighed.respondent_initials || ' / ' || weighed.actor_initials || ')'
            end,
            case
                when weighed.position_weight > 0 then 'similar position (' || round(weighed.position_similarity::numeric, 2) || ')'
                when weighed.position_numbers_differ then 'different position (numbers differ)'
                when weighed.position_weight < 0 then 'different position'
            end,
            case
                when weighed.institution_weight > 0 then 'similar employer (' || round(weighed.institution_similarity::numeric, 2) || ')'
                when weighed.institution_numbers_differ then 'different employer (numbers differ)'
                when weighed.institution_weight < 0 then 'different employer'
            end,
            case when weighed.conduct_weight > 0 then 'same conduct' when weighed.conduct_weight < 0 then 'different conduct' end,
            case
                when weighed.incident_weight > 0 then 'incident dates ' || weighed.incident_days_apart || ' days apart'
                when weighed.incident_weight < 0 then 'incident dates far apart'
            end,
            case when weighed.registration_weight < 0 then 'registered outside the reporting window' end
        ], null) as reasons

    from weighed

),

best_actor as (

    -- A case with several actors: the actor that fits the record best speaks for the case.
    select distinct on (official_case_key, media_case_id)
        md5(official_case_key || '|' || media_case_id) as link_candidate_id,
        official_case_key,
        media_case_id,
        media_case_actor_id,
        score,
        reasons,
        name_weight,
        position_weight,
        institution_weight,
        conduct_weight,
        incident_weight,
        registration_weight,
        region_weight
    from scored
    order by official_case_key asc, media_case_id asc, score desc, media_case_actor_id asc

),

final as (

    select
        best_actor.*,
        row_number() over (partition by best_actor.official_case_key order by best_actor.score desc, best_actor.media_case_id asc) as candidate_rank,
        best_actor.score - coalesce(
            lead(best_actor.score) over (partition by best_actor.official_case_key order by best_actor.score desc, best_actor.media_case_id asc), -100
        ) as margin_over_next

    from best_actor

)

select * from final
