-- Best evidence offsets are a real span: start before end.
select media_case_id
from {{ ref('fct_media_cases') }}
where best_evidence_start is not null and best_evidence_start >= best_evidence_end
