-- The codebook's conduct codes with their violation kind.
with

conduct as (

    select * from {{ ref('conduct_codes') }}

),

kinds as (

    select * from {{ ref('violation_kinds') }}

),

final as (

    select
        conduct.conduct_code,
        conduct.violation_kind,
        conduct.label_en,
        conduct.label_id,
        kinds.label_en as violation_kind_label_en,
        kinds.label_id as violation_kind_label_id,
        conduct.sort_order
    from conduct
    inner join kinds on conduct.violation_kind = kinds.violation_kind

)

select * from final
