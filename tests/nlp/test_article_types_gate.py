"""The article-type gate (``netra_article_types``): which cases a story the classifier reads as statistics keeps."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from nlp.annotation import to_annotation
from nlp.components.article_types import ArticleTyper

# Written for the test: a tally of cases that also recounts one named camat's case, and the same tally with
# only an unnamed village head in it.
NAMED = (
    "Bawaslu Catat 31 Dugaan Pelanggaran Netralitas ASN di Kabupaten Sumbawa\n\n"
    "SUMBAWA - Bawaslu Kabupaten Sumbawa mencatat 31 dugaan pelanggaran netralitas ASN selama tahapan "
    "Pilkada 2024. Dari jumlah itu, 12 kasus sudah diteruskan ke Badan Kepegawaian Negara. "
    "Salah satunya melibatkan Camat Lape berinisial RK yang diduga ikut menghadiri deklarasi dukungan "
    "pasangan calon bupati dan membacakan ikrar dukungan di atas panggung."
)
UNNAMED = (
    "Bawaslu Catat 31 Dugaan Pelanggaran Netralitas ASN di Kabupaten Sumbawa\n\n"
    "SUMBAWA - Bawaslu Kabupaten Sumbawa mencatat 31 dugaan pelanggaran netralitas ASN selama tahapan "
    "Pilkada 2024. Dari jumlah itu, 12 kasus sudah diteruskan ke Badan Kepegawaian Negara. "
    "Salah satunya melibatkan seorang kepala desa di Kecamatan Lape yang diduga ikut menghadiri deklarasi dukungan pasangan calon "
    "bupati dan membacakan ikrar dukungan di atas panggung."
)


def _typed(run_until: Callable[[str, str], Doc], text: str, cats: dict[str, float]) -> Doc:
    doc = run_until(text, "netra_cases")
    doc.cats = cats
    return ArticleTyper(min_topic_hits=2, min_score=0.5)(doc)


STATS = {"CASE_REPORT": 0.2, "AGGREGATE_STATS": 0.95, "POLICY": 0.01, "IRRELEVANT": 0.01}


def test_a_statistics_story_keeps_a_named_accused_case(run_until: Callable[[str, str], Doc]) -> None:
    doc = _typed(run_until, NAMED, STATS)
    assert doc._.article_types == ["CASE_REPORT", "AGGREGATE_STATS"]
    assert [a.name for c in doc._.cases for a in c.actors] == ["RK"]


def test_a_statistics_story_drops_an_unnamed_accused(run_until: Callable[[str, str], Doc]) -> None:
    assert run_until(UNNAMED, "netra_cases")._.cases  # the rules found one, the gate drops it
    doc = _typed(run_until, UNNAMED, STATS)
    assert doc._.article_types == ["AGGREGATE_STATS"]
    assert doc._.cases == []


def test_a_story_read_as_neither_drops_a_named_case(run_until: Callable[[str, str], Doc]) -> None:
    policy = {"CASE_REPORT": 0.2, "AGGREGATE_STATS": 0.1, "POLICY": 0.9, "IRRELEVANT": 0.01}
    doc = _typed(run_until, NAMED, policy)
    assert "CASE_REPORT" not in doc._.article_types
    assert doc._.cases == []


def test_a_story_that_names_the_election_in_one_sentence_reports_no_case(rules_nlp: Language) -> None:
    # Embezzled village funds; the election comes up once, as why witnesses were busy.
    text = (
        "MUARA ENIM - Kejaksaan Negeri Muara Enim menahan Kepala Desa Sukarami berinisial HD (51), Selasa. "
        "Ia diduga menyalahgunakan dana desa dan memakai mobil dinas desa untuk keperluan pribadi.\n\n"
        "Pemeriksaan sempat tertunda karena sejumlah saksi bertugas sebagai panitia pemungutan suara Pemilu "
        "2024.\n\n"
        "Atas perbuatannya, HD dijerat pasal tindak pidana korupsi."
    )
    assert to_annotation(rules_nlp(text), id="t")["cases"] == []
