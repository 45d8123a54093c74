{#- Distinct, sorted, non-empty text values of a JSON array (or of one key of an array of objects). -#}
{% macro json_text_array(json_expr, key=none) -%}
    array(
        select distinct btrim(v.item) as item
        from jsonb_array_elements(coalesce({{ json_expr }}, '[]'::jsonb)) as e (value)
        cross join lateral (
            select {% if key %}e.value ->> '{{ key }}'{% else %}e.value #>> '{}'{% endif %} as item
        ) as v
        where nullif(btrim(v.item), '') is not null
        order by item
    )
{%- endmacro %}
