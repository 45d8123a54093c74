-- The review decisions in force: the latest decision per (case, field) wins.
-- Fields: `review` (confirm/reject), one per edited key (conduct, region, actors, status),
-- `merge`, `report_onward`, `link <source> <nomor_laporan>` (link/unlink); every split stays
-- in force (a later split of other articles does not undo it).
with

decisions as (

    select * from {{ ref('stg_review__decisions') }}

),

fields as (

    select
        decisions.*,
        'review' as field
    from decisions
    where decisions.decision in ('confirm', 'reject')

    union all

    select
        decisions.*,
        edited.key as field
    from decisions
    cross join
        lateral jsonb_object_keys(
            case when jsonb_typeof(decisions.payload) = 'object' then decisions.payload else '{}'::jsonb end
        ) as edited (key)
    where decisions.decision = 'edit' and edited.key in ('conduct', 'region', 'actors', 'status')

    union all

    select
        decisions.*,
        decisions.decision as field
    from decisions
    where decisions.decision in ('merge', 'report_onward')

    union all

    select
        decisions.*,
        'split ' || decisions.decision_id as field
    from decisions
    where decisions.decision = 'split'

    union all

    select
        decisions.*,
        'link ' || coalesce(decisions.payload ->> 'source', '') || ' ' || coalesce(decisions.payload ->> 'nomor_laporan', '')
            as field
    from decisions
    where decisions.decision in ('link', 'unlink')

),

ranked as (

    select
        fields.*,
        row_number() over (partition by fields.case_key, fields.field order by fields.decided_at desc, fields.decision_id desc) as field_rank
    from fields

),

final as (

    select
        md5(case_key || '|' || field) as resolved_decision_id,
        case_key,
        field,
        decision_id,
        decision,
        case when decision = 'edit' then payload -> field else payload end as decision_value,
        reason_code,
        note,
        user_id,
        decided_at

    from ranked
    where field_rank = 1

)

select * from final
