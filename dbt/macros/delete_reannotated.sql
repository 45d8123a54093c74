{#- Pre-hook of the incremental models keyed on article_id: drop the rows of every article
    re-annotated since the model's newest annotation, so what a new annotation no longer reports
    (a case, an organisation) goes too; the run then re-inserts what it still reports. -#}
{% macro delete_reannotated_articles() -%}
    {% if is_incremental() %}
        delete from {{ this }} where article_id in (
            select article_id from {{ ref('stg_nlp__annotations') }} where annotated_at > (
                select coalesce(max(annotated_at), '-infinity') from {{ this }}
            )
        )
    {% endif %}
{%- endmacro %}
