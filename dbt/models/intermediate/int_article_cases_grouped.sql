-- Which media case each article-case belongs to: its component after splits
-- (int_article_cases_split), then the monitors' merge decisions (a decision's case_key may name
-- any article-case of a case; "into" names the case it joins).
with

regrouped as (

    select * from {{ ref('int_article_cases_split') }}

),

decisions as (

    select * from {{ ref('int_review_decisions_resolved') }}

),

merge_targets as (

    select distinct on (source_group.group_case_id)
        source_group.group_case_id as from_group_id,
        target_group.group_case_id as into_group_id
    from decisions
    inner join regrouped as source_group on decisions.case_key = source_group.article_case_id
    inner join regrouped as target_group on target_group.article_case_id = decisions.decision_value ->> 'into'
    where decisions.decision = 'merge'
    order by source_group.group_case_id asc, decisions.decided_at desc

),

final as (

    select
        regrouped.article_case_id,
        regrouped.article_id,
        regrouped.node_id as representative_article_case_id,
        regrouped.article_case_id <> regrouped.node_id as is_syndicated_copy,
        regrouped.component_case_id,
        regrouped.split_id is not null as was_split,
        merge_targets.into_group_id is not null as was_merged,
        coalesce(merge_targets.into_group_id, regrouped.group_case_id) as media_case_id

    from regrouped
    left join merge_targets on regrouped.group_case_id = merge_targets.from_group_id

)

select * from final
