"""How `netra eval` scores a case's status and incident date: per case, a missed or a false case costs."""

from __future__ import annotations

from nlp.evaluate import FIELDS, evaluate


def _case(name: str, status: str | None, date: str | None) -> dict:
    return {"actors": [{"name": name, "position": "camat"}], "status": status, "incident_date": date}


def _article(*cases: dict) -> dict:
    return {"id": "a1", "relevant": True, "cases": list(cases), "institutions": [], "statistics": []}


def _counts(report, key: str) -> tuple[int, int, int]:
    score = report.scores[key]
    return score.tp, score.fp, score.fn


def test_missed_and_false_cases_count_against_status_and_date() -> None:
    gold = _article(_case("Budi", "SANCTIONED", "2024-10-02"), _case("Sari", "REPORTED", "2024-10-05"))
    pred = _article(_case("Budi", "SANCTIONED", "2024-10-02"), _case("Joko", "UNDER_REVIEW", "2024-10-07"))
    report = evaluate([gold], [pred])
    # Sari's case was missed (her values are misses), Joko's is false (his values are false positives).
    assert _counts(report, "status") == (1, 1, 1)
    assert _counts(report, "incident_date") == (1, 1, 1)
    # Read on the cases found, both values are right.
    assert _counts(report, "status (paired cases)") == (1, 0, 0)
    assert _counts(report, "incident_date (paired cases)") == (1, 0, 0)


def test_a_story_with_no_predicted_case_misses_every_gold_value() -> None:
    gold = _article(_case("Budi", "RECOMMENDED", None))
    report = evaluate([gold], [_article()])
    assert _counts(report, "status") == (0, 0, 1)
    assert _counts(report, "incident_date") == (0, 0, 0)  # no gold date: nothing to miss
    assert report.scores["status (paired cases)"].f1 == 1.0  # nothing paired, nothing wrong
    assert report.scores["status"].f1 == 0.0


def test_a_wrong_value_on_a_paired_case_is_a_miss_and_a_false_positive() -> None:
    gold = _article(_case("Budi", "RECOMMENDED", "2024-10-02"))
    pred = _article(_case("budi", "SANCTIONED", None))
    report = evaluate([gold], [pred])
    for key in ("status", "status (paired cases)"):
        assert _counts(report, key) == (0, 1, 1)
    for key in ("incident_date", "incident_date (paired cases)"):
        assert _counts(report, key) == (0, 0, 1)


def test_other_fields_are_scored_as_before_and_the_paired_rows_follow_their_field() -> None:
    gold = _article(_case("Budi", "SANCTIONED", None))
    pred = _article(_case("Budi", "SANCTIONED", None), _case("Joko", None, None))
    report = evaluate([gold], [pred])
    assert _counts(report, "actors") == (1, 1, 0)
    assert _counts(report, "status") == (1, 0, 0)  # the false case states no status: nothing false
    assert FIELDS.index("status (paired cases)") == FIELDS.index("status") + 1
    assert FIELDS.index("incident_date (paired cases)") == FIELDS.index("incident_date") + 1
    assert set(report.as_dict()["fields"]) == set(FIELDS)
