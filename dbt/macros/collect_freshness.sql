{#- Source freshness that tells an empty table (a fresh install, nothing loaded yet) from a stale
    one: dbt's own query returns no max(loaded_at) for an empty table and the check fails as an
    error, which stops the Cosmos task group before any model runs. An empty table reads as loaded
    var('empty_source_age_hours') ago instead: past the 2-day warning, short of the 14-day error,
    so it warns. -#}
{% macro postgres__collect_freshness(source, loaded_at_field, filter) %}
    {% call statement('collect_freshness', fetch_result=True, auto_begin=False) -%}
        select
            coalesce(
                max({{ loaded_at_field }}),
                {{ current_timestamp() }} - interval '{{ var("empty_source_age_hours") | int }} hours'
            ) as max_loaded_at,
            {{ current_timestamp() }} as snapshotted_at
        from {{ source }}
        {% if filter %}
            where {{ filter }}
        {% endif %}
    {%- endcall %}
    {{ return(load_result('collect_freshness')) }}
{% endmacro %}
