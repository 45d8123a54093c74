{#- An ISO date from JSON text, or null when the text is not a real date (2024-02-31 is not). -#}
{% macro safe_date(text_expr) -%}
    case
        when {{ text_expr }} ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])'
            and extract(
                month from make_date(substr({{ text_expr }}, 1, 4)::int, substr({{ text_expr }}, 6, 2)::int, 1)
                + (substr({{ text_expr }}, 9, 2)::int - 1)
            ) = substr({{ text_expr }}, 6, 2)::int
            then make_date(substr({{ text_expr }}, 1, 4)::int, substr({{ text_expr }}, 6, 2)::int, 1)
            + (substr({{ text_expr }}, 9, 2)::int - 1)
    end
{%- endmacro %}
