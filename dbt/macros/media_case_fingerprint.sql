{#- What int_media_case_actors_listed reads of a reviewed media case, and the abbreviations it
    expands with, as one md5: a case whose fingerprint is unchanged since the last run keeps its
    actor rows (nothing to re-normalise); a changed register_abbreviations seed re-lists them all. -#}
{% macro media_case_fingerprint(alias) -%}
    md5(row(
        {{ alias }}.actors, {{ alias }}.province, {{ alias }}.regency, {{ alias }}.conduct_codes,
        {{ alias }}.incident_date, {{ alias }}.first_reported_at, {{ alias }}.latest_reported_at,
        {{ alias }}.review_status,
        (
            select string_agg(abbreviations.token || '=' || coalesce(abbreviations.expansion, ''), ',' order by abbreviations.token)
            from {{ ref('register_abbreviations') }} as abbreviations
        )
    )::text)
{%- endmacro %}
