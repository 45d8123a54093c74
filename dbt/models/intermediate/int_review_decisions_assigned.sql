-- The review decisions in force by the media case their case_key now belongs to (a decision's
-- case_key may name any article-case of a case). After merges two former cases' decisions on one
-- field meet: the latest per (media case, field) wins again. Serves the reviewed cases (edits,
-- confirm/reject) and the case links (link/unlink) alike.
with

decisions as (

    select * from {{ ref('int_review_decisions_resolved') }}

),

grouped as (

    select * from {{ ref('int_article_cases_grouped') }}

),

final as (

    select distinct on (grouped.media_case_id, decisions.field)
        md5(grouped.media_case_id || '|' || decisions.field) as case_decision_id,
        grouped.media_case_id,
        decisions.case_key,
        decisions.field,
        decisions.decision_id,
        decisions.decision,
        decisions.decision_value,
        decisions.reason_code,
        decisions.note,
        decisions.user_id,
        decisions.decided_at
    from decisions
    inner join grouped on decisions.case_key = grouped.article_case_id
    order by grouped.media_case_id asc, decisions.field asc, decisions.decided_at desc, decisions.decision_id desc

)

select * from final
