"""Statistics periods as the corpus README settles them: a boundary known only to the month is its first
day as a start and its last as an end; "hingga"/"per" a date is an end with no start; a law's year is none."""

from __future__ import annotations

from nlp.dates import find_period


def test_month_only_boundaries_are_the_months_first_and_last_day() -> None:
    assert find_period("sejak pertengahan Februari 2024 hingga akhir April") == ("2024-02-01", "2024-04-30")
    assert find_period("sepanjang Juli hingga September 2024, tercatat") == ("2024-07-01", "2024-09-30")
    assert find_period("sejak Desember hingga Februari 2024") == ("2023-12-01", "2024-02-29")


def test_words_between_the_keyword_and_the_dates() -> None:
    text = "Sejak masa tenang dimulai 11 Februari hingga Rabu (14/2/2024), pengawas menangani 9 laporan."
    assert find_period(text) == ("2024-02-11", "2024-02-14")
    text = "sejak awal Oktober 2023 hingga hari pemungutan suara 14 Februari 2024"
    assert find_period(text) == ("2023-10-01", "2024-02-14")


def test_an_end_alone_has_no_start() -> None:
    assert find_period("Hingga Jumat (6/9/2024), Bawaslu mencatat 31 laporan.") == (None, "2024-09-06")
    assert find_period("BKN melaporkan, per 31 Agustus 2024 ada 140 ASN") == (None, "2024-08-31")
    # No year at the end: the last one written before it.
    assert find_period("selama tahapan Pilkada 2024 hingga pertengahan November.") == (None, "2024-11-30")
    # A stage that began in an election year is no start date.
    assert find_period("sejak tahapan Pilkada 2024 dimulai hingga Kamis (3/10/2024)") == (None, "2024-10-03")


def test_an_event_or_a_statute_is_no_period() -> None:
    assert find_period("mulai dari guru, lurah, hingga kepala desa") is None
    assert find_period("hingga Pilkada 2024 usai") is None
    assert find_period("diatur dalam Peraturan Pemerintah Nomor 94 Tahun 2021 tentang disiplin") is None
