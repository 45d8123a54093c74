{#- Initials of a person's name as registers write them: "Ahmad Fauzan Hasibuan" -> "AFH",
    "M.Y." -> "MY", "SR" -> "SR". A name already written as initials is kept. -#}
{% macro initials(raw_name_expr) -%}
    {#- Titles before the name (Drs., H., Hj.) and degrees after it (", S.Pd.", " M.Si") are not initials. -#}
    {%- set before_comma = "split_part(" ~ raw_name_expr ~ ", ',', 1)" -%}
    {#- Only a written-out name has degrees: "A. S. H." stays three initials. -#}
    {%- set without_degrees = "case when " ~ before_comma ~ " ~ '[A-Za-z]{3,}' then regexp_replace(" ~ before_comma ~ ", '\\s+(S|M|D|A)\\.\\s?(Pd|Si|Sos|H|E|M|T|Kom|Ag|IP|Kes|Kep|Hum|Psi|AP|Ak|Md|Sc)\\.?(\\s?I\\.?)?(?=\\s|$)', '', 'g') else " ~ before_comma ~ " end" -%}
    {%- set name_expr = "btrim(regexp_replace(" ~ without_degrees ~ ", '^((drs|dra|dr|ir|hj|h|prof|kh)\\.?\\s+)+', '', 'i'))" -%}
    case
        when {{ name_expr }} is null or btrim({{ name_expr }}) = '' then null
        when regexp_replace({{ name_expr }}, '[\s.]', '', 'g') ~ '^[A-Z]{1,5}$'
            then regexp_replace({{ name_expr }}, '[\s.]', '', 'g')
        else upper(array_to_string(array(
            select left(w.word, 1)
            from regexp_split_to_table(
                btrim(regexp_replace({{ name_expr }}, '[^[:alpha:][:space:]]', ' ', 'g')), '\s+'
            ) with ordinality as w (word, n)
            where w.word <> ''
            order by w.n
        ), ''))
    end
{%- endmacro %}

{#- The initials of every name in a text array. -#}
{% macro initials_array(names_expr) -%}
    array(select {{ initials('n.name') }} from unnest({{ names_expr }}) as n (name))
{%- endmacro %}

{#- Initials that differ by one left-out name ("YB" for Yakobus Benu, "YBN" in a register that knows
    a third name): same first letter, one letter more, the shorter a subsequence of the longer. -#}
{% macro initials_partly_match(a, b) -%}
    (
        left({{ a }}, 1) = left({{ b }}, 1)
        and abs(length({{ a }}) - length({{ b }})) = 1
        and case
            when length({{ a }}) < length({{ b }})
                then {{ b }} ~ ('^' || regexp_replace({{ a }}, '(.)', '\1.*', 'g'))
            else {{ a }} ~ ('^' || regexp_replace({{ b }}, '(.)', '\1.*', 'g'))
        end
    )
{%- endmacro %}
