-- Official case records with the register's wording normalised like the media side's
-- ("Kepsek SDN 2 X" -> "kepala sekolah sd negeri 2"), and the respondent's initials.
with

official as (

    select * from {{ ref('stg_official__cases') }}

),

final as (

    select
        official_case_key,
        official_source,
        official_body,
        report_number,
        reported_on,
        respondent_name,
        respondent_position,
        respondent_institution,
        province,
        regency,
        violation_text,
        conduct_code,
        incident_date,
        recommendation,
        follow_up_status,
        followed_up_on,
        first_loaded_at,
        updated_at,
        {{ initials('respondent_name') }} as respondent_initials,
        coalesce(respondent_name ~ '^[A-Z][A-Z. ]{0,11}$', false) as name_is_initials,
        {{ strip_region(normalise_words('respondent_position'), 'regency', 'province') }} as position_normalised,
        {{ strip_region(normalise_words('respondent_institution'), 'regency', 'province') }} as institution_normalised,
        {{ numbers_in('respondent_position') }} as position_numbers,
        {{ numbers_in('respondent_institution') }} as institution_numbers

    from official

)

select * from final
