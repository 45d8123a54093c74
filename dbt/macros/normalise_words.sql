{#- Lower-case words of an organisation or position with register abbreviations expanded through
    the register_abbreviations seed: "Kepsek SDN 2 Dawan" -> "kepala sekolah sd negeri 2 dawan",
    "Disdikbud Kab. X" -> "dinas pendidikan dan kebudayaan kabupaten x". A token whose expansion
    is empty ("UPT") is dropped. -#}
{% macro normalise_words(text_expr) -%}
    (
        select nullif(btrim(regexp_replace(string_agg(
            case when abbreviations.token is null then w.word else coalesce(abbreviations.expansion, '') end,
            ' ' order by w.n
        ), '\s+', ' ', 'g')), '')
        from regexp_split_to_table(
            btrim(lower(regexp_replace(coalesce({{ text_expr }}, ''), '[^[:alnum:]]+', ' ', 'g'))), '\s+'
        ) with ordinality as w (word, n)
        left join {{ ref('register_abbreviations') }} as abbreviations on w.word = abbreviations.token
        where w.word <> ''
    )
{%- endmacro %}

{#- The words of a normalised name that do not repeat the region it is in: employers in one
    regency all end in "kabupaten x", which says nothing about which employer it is. -#}
{% macro strip_region(normalised_expr, regency_expr, province_expr) -%}
    nullif(btrim(regexp_replace(regexp_replace(
        replace(replace(
            ' ' || coalesce({{ normalised_expr }}, '') || ' ',
            ' ' || lower(regexp_replace(coalesce({{ regency_expr }}, '~'), '^(Kabupaten|Kota) ', '')) || ' ', ' '
        ), ' ' || lower(coalesce({{ province_expr }}, '~')) || ' ', ' '),
        '\m(kabupaten|kota|provinsi|pemerintah)\M', ' ', 'g'
    ), '\s+', ' ', 'g')), '')
{%- endmacro %}
