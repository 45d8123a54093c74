-- Every conduct code of a media case is a codebook code.
select
    cases.media_case_id,
    c.conduct_code
from {{ ref('fct_media_cases') }} as cases
cross join lateral unnest(cases.conduct_codes) as c (conduct_code)
where not exists (
    select 1 from {{ ref('dim_conduct') }} as conduct
    where conduct.conduct_code = c.conduct_code
)
