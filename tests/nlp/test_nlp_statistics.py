"""Published figures: Indonesian number formats, units, periods, source organisation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc

from nlp.dates import find_dates, find_period, resolve
from nlp.numerals import parse_number

Run = Callable[[str, str], Doc]


def test_indonesian_numbers() -> None:
    assert parse_number("2.034") == 2034
    assert parse_number("78,5") == 78.5
    assert parse_number("1.234.567") == 1234567
    assert parse_number("1,2", "juta") == 1_200_000


def test_figures_units_and_the_bracketed_percentage(run_until: Run) -> None:
    doc = run_until(
        "Dia menjelaskan bahwa berdasar data KASN pada 2020 dan 2021, terdapat 2.034 laporan dugaan pelanggaran "
        'netralitas ASN. "Sejumlah 1.413 ASN (88,5%) telah ditindaklanjuti," katanya. Ia memanggil 3 kali '
        "dan mengumpulkan 9 kepala desa pada pukul 10.00 di TPS 05.",
        "netra_statistics",
    )
    found = [(s.value, s.unit) for s in doc._.statistics]
    assert found == [(2034, "reports"), (1413, "persons"), (88.5, "percent")]
    first = doc._.statistics[0]
    assert (first.period_start, first.period_end) == ("2020-01-01", "2021-12-31")
    assert first.source_org == "Komisi Aparatur Sipil Negara"
    assert first.subject.startswith("laporan dugaan pelanggaran")


def test_a_figure_without_unit_word_takes_the_previous_one_and_repeats_count_once(run_until: Run) -> None:
    doc = run_until(
        "Bawaslu Provinsi Sulawesi Selatan mencatat sebanyak 63 dugaan pelanggaran sepanjang tahun 2023. "
        '"Dari 63 dugaan pelanggaran itu, 41 berasal dari temuan pengawas," jelasnya. '
        "Media sosial menjadi ladang terbesar, yakni 46,2 persen.",
        "netra_statistics",
    )
    assert [(s.value, s.unit) for s in doc._.statistics] == [(63, "cases"), (41, "cases"), (46.2, "percent")]
    assert {s.source_org for s in doc._.statistics} == {"Bawaslu Provinsi Sulawesi Selatan"}
    assert {s.period_end for s in doc._.statistics} == {"2023-12-31"}


def test_periods() -> None:
    assert find_period("sejak Mei hingga November 2023") == ("2023-05-01", "2023-11-30")
    assert find_period("sejak Juni 2023 hingga akhir Maret 2024") == ("2023-06-01", "2024-03-31")
    assert find_period("periode Januari-Maret 2024") == ("2024-01-01", "2024-03-31")
    assert find_period("tanpa periode") is None


def test_relative_dates_resolve_against_publication() -> None:
    published = dt.date(2023, 12, 1)
    text = "kata dia, Kamis (30/11). Diunggah Sabtu (6/1/2024) malam dan Rabu kemarin, lalu 14 Februari."
    resolved = [resolve(m, published) for m in find_dates(text)]
    assert resolved == [
        dt.date(2023, 11, 30),
        dt.date(2024, 1, 6),
        dt.date(2023, 11, 29),
        dt.date(2023, 2, 14),
    ]
    # Early January stories about late December belong to the year before.
    (december,) = find_dates("Kamis (28/12)")
    assert resolve(december, dt.date(2024, 1, 3)) == dt.date(2023, 12, 28)
