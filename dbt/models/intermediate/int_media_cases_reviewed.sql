-- Media cases with the monitors' decisions applied: edits override the NLP's conduct, region,
-- actors and status; confirm/reject set the review status; the case says which fields a person
-- confirmed or edited. A decision's case_key may name any article-case of the case.
with

cases as (

    select * from {{ ref('int_media_cases_merged') }}

),

decisions as (

    select * from {{ ref('int_review_decisions_assigned') }}

),

conduct_codes as (

    select * from {{ ref('conduct_codes') }}

),

pivoted as (

    select
        media_case_id,
        max(decision) filter (where field = 'review') as review_decision,
        max(decided_at) filter (where field = 'review') as reviewed_at,
        max(user_id) filter (where field = 'review') as reviewed_by_user_id,
        max(reason_code) filter (where field = 'review' and decision = 'reject') as reject_reason_code,
        max(note) filter (where field = 'review') as review_note,
        (array_agg(decision_value) filter (where field = 'review'))[1] as review_payload,
        (array_agg(decision_value) filter (where field = 'conduct'))[1] as edited_conduct,
        (array_agg(decision_value) filter (where field = 'region'))[1] as edited_region,
        (array_agg(decision_value) filter (where field = 'actors'))[1] as edited_actors,
        (array_agg(decision_value) filter (where field = 'status'))[1] as edited_status,
        array_agg(field order by field) filter (
            where field in ('conduct', 'region', 'actors', 'status')
        ) as edited_fields,
        max(decision_value ->> 'to') filter (where field = 'report_onward') as reported_onward_to,
        max(decided_at) filter (where field = 'report_onward') as reported_onward_at,
        max(decided_at) as last_decision_at

    from decisions
    group by media_case_id

),

applied as (

    select
        cases.*,
        pivoted.review_decision,
        pivoted.reviewed_at,
        pivoted.reviewed_by_user_id,
        pivoted.reject_reason_code,
        pivoted.review_note,
        pivoted.review_payload,
        coalesce(pivoted.edited_fields, '{}'::text[]) as edited_fields,
        pivoted.reported_onward_to,
        pivoted.reported_onward_at,
        pivoted.last_decision_at,
        case
            when jsonb_typeof(pivoted.edited_conduct) = 'array'
                then array(
                    select distinct c.code from jsonb_array_elements_text(pivoted.edited_conduct) as c (code)
                    order by c.code
                )
            else cases.conduct_codes
        end as final_conduct_codes,
        coalesce(nullif(pivoted.edited_region ->> 'province', ''), cases.province) as final_province,
        case
            when pivoted.edited_region ? 'regency' then nullif(pivoted.edited_region ->> 'regency', '')
            else cases.regency
        end as final_regency,
        case
            when jsonb_typeof(pivoted.edited_actors) = 'array' then pivoted.edited_actors
            else cases.actors
        end as final_actors,
        coalesce(pivoted.edited_status #>> '{}', cases.reported_status) as final_status

    from cases
    left join pivoted on cases.media_case_id = pivoted.media_case_id

),

final as (

    select
        media_case_id,
        article_count,
        independent_article_count,
        syndicated_copy_count,
        outlet_count,
        source_names,
        first_reported_at,
        latest_reported_at,
        incident_date,
        final_province as province,
        final_regency as regency,
        final_actors as actors,
        final_conduct_codes as conduct_codes,
        case
            when cardinality(edited_fields) > 0 and 'conduct' = any(edited_fields)
                then array(
                    select distinct conduct_codes.violation_kind
                    from conduct_codes
                    where conduct_codes.conduct_code = any(applied.final_conduct_codes)
                    order by conduct_codes.violation_kind
                )
            else violation_kinds
        end as violation_kinds,
        final_status as status,
        best_evidence_article_id,
        best_evidence_url,
        best_evidence_start,
        best_evidence_end,
        best_evidence_text,
        nlp_confidence,
        case review_decision
            when 'confirm' then 'confirmed'
            when 'reject' then 'rejected'
            else 'unreviewed'
        end as review_status,
        case
            when review_decision = 'confirm' and jsonb_typeof(review_payload -> 'fields') = 'array'
                then array(
                    select f.field from jsonb_array_elements_text(applied.review_payload -> 'fields') as f (field)
                    order by f.field
                )
            when review_decision = 'confirm' then array['actors', 'conduct', 'region', 'status']
            else '{}'::text[]
        end as confirmed_fields,
        edited_fields,
        reviewed_at,
        reviewed_by_user_id,
        reject_reason_code,
        review_note,
        reported_onward_to,
        reported_onward_at,
        last_decision_at

    from applied

)

select * from final
