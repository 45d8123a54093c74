-- Which media case each article-case belongs to: its component after splits
-- (int_article_cases_split), then the monitors' merge decisions (a decision's case_key may name
-- any article-case of a case; "into" names the case it joins, and chains of merges are
-- followed to their end).
with

regrouped as (

    select * from {{ ref('int_article_cases_split') }}

),

decisions as (

    select * from {{ ref('int_review_decisions_resolved') }}

),

merge_targets as (

    -- A group's merge in force: the latest decision on any of its article-cases.
    select distinct on (source_group.group_case_id)
        source_group.group_case_id as from_group_id,
        target_group.group_case_id as into_group_id,
        decisions.decided_at
    from decisions
    inner join regrouped as source_group on decisions.case_key = source_group.article_case_id
    inner join regrouped as target_group on target_group.article_case_id = decisions.decision_value ->> 'into'
    where decisions.decision = 'merge'
    order by source_group.group_case_id asc, decisions.decided_at desc

),

merge_edges as (

    select * from merge_targets
    where from_group_id <> into_group_id

),

walks as (

    -- Follow merge chains to their end (A into B, then B into C: A ends in C); a walk stops
    -- before it would visit a group twice, so cycles end too.
    select
        walk.from_group_id,
        walk.reached_id,
        walk.visited
    from (
        with recursive walk (from_group_id, reached_id, visited) as (
            select
                merge_edges.from_group_id,
                merge_edges.into_group_id as reached_id,
                array[merge_edges.from_group_id, merge_edges.into_group_id] as visited
            from merge_edges
            union all
            select
                walk.from_group_id,
                merge_edges.into_group_id as reached_id,
                walk.visited || merge_edges.into_group_id as visited
            from walk
            inner join merge_edges on walk.reached_id = merge_edges.from_group_id
            where not merge_edges.into_group_id = any(walk.visited)
        )

        select * from walk
    ) as walk

),

walk_ends as (

    -- The longest walk of each group, and where its last group's own merge points (back into
    -- the walk for a cycle).
    select distinct on (walks.from_group_id)
        walks.from_group_id,
        walks.reached_id,
        walks.visited,
        array_position(walks.visited, onward.into_group_id) as cycle_start
    from walks
    left join merge_edges as onward on walks.reached_id = onward.from_group_id
    order by walks.from_group_id asc, cardinality(walks.visited) desc

),

chain_ends as (

    -- A chain ends in the group that merges nowhere. A cycle (A into B, later B into A) ends in
    -- its member whose own merge is the oldest: the later decisions overrode it.
    select
        walk_ends.from_group_id,
        case
            when walk_ends.cycle_start is null then walk_ends.reached_id
            else (
                select member.from_group_id
                from merge_edges as member
                where member.from_group_id = any(walk_ends.visited[walk_ends.cycle_start:])
                order by member.decided_at asc, member.from_group_id asc
                limit 1
            )
        end as into_group_id
    from walk_ends

),

final as (

    select
        regrouped.article_case_id,
        regrouped.article_id,
        regrouped.node_id as representative_article_case_id,
        regrouped.article_case_id <> regrouped.node_id as is_syndicated_copy,
        regrouped.component_case_id,
        regrouped.split_id is not null as was_split,
        coalesce(chain_ends.into_group_id, regrouped.group_case_id) <> regrouped.group_case_id as was_merged,
        coalesce(chain_ends.into_group_id, regrouped.group_case_id) as media_case_id

    from regrouped
    left join chain_ends on regrouped.group_case_id = chain_ends.from_group_id

)

select * from final
