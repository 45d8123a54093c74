{#- The media cases a per-case incremental model must compute again, with the fingerprint of their
    members: every case whose article-cases (which ones, which are syndicated copies, and when each
    was last read from its annotation) differ from the fingerprint the model stored, and every new
    case. On a full build, or when the model has no fingerprint yet (a table built before it became
    incremental), every case. Cases that are gone are removed by delete_gone_media_cases(). -#}
{% macro changed_media_cases() -%}
    {#- `execute` is false while dbt parses (and in sqlfluff's templater): no catalog query then. -#}
    {%- set compare = execute and is_incremental()
        and 'members_fingerprint' in (adapter.get_columns_in_relation(this) | map(attribute='name') | list) -%}
    select
        fingerprints.media_case_id,
        fingerprints.members_fingerprint
    from (
        select
            grouped.media_case_id,
            md5(string_agg(
                grouped.article_case_id || ':' || grouped.is_syndicated_copy::text || ':' || members.loaded_at::text,
                ',' order by grouped.article_case_id
            )) as members_fingerprint
        from {{ ref('int_article_cases_grouped') }} as grouped
        inner join {{ ref('int_article_cases_unnested') }} as members
            on grouped.article_case_id = members.article_case_id
        group by grouped.media_case_id
    ) as fingerprints
    {% if compare %}
        where not exists (
            select 1 from {{ this }} as previous
            where
                previous.media_case_id = fingerprints.media_case_id
                and previous.members_fingerprint = fingerprints.members_fingerprint
        )
    {% endif %}
{%- endmacro %}

{#- Post-hook of a per-case incremental model: drop the rows of media cases that no longer exist
    (merged into another, split up, their articles re-annotated away). -#}
{% macro delete_gone_media_cases() -%}
    {% if is_incremental() %}
        delete from {{ this }} as kept
        where not exists (
            select 1 from {{ ref('int_article_cases_grouped') }} as grouped
            where grouped.media_case_id = kept.media_case_id
        )
    {% endif %}
{%- endmacro %}
