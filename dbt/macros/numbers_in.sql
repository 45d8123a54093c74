{#- The numbers in an employer's or position's wording ("SD Negeri 13 X" -> {13}): numbered units
    (schools, health centres, sub-districts "Kecamatan II") are different units when their numbers
    differ, however alike the rest of the wording is. -#}
{% macro numbers_in(text_expr) -%}
    array(select m.match[1] from regexp_matches(coalesce({{ text_expr }}, ''), '\d+', 'g') as m (match))
{%- endmacro %}
