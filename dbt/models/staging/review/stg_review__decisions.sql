with

source as (

    select * from {{ source('review', 'review_decisions') }}

),

renamed as (

    select
        decision_id,
        request_id,
        case_key,
        decision,
        payload,
        reason_code,
        note,
        user_id,
        decided_at

    from source

)

select * from renamed
