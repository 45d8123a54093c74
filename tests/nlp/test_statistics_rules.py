"""Statistics by the corpus README's settled rules: ranges and pairs are two figures, a bare figure goes on
about the count before it, counts at ceremonies, vote shares and pay cuts are no case figures."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[[str, str], Doc]


def figures(run_until: Run, text: str) -> list[tuple[float, str]]:
    return [(s.value, s.unit) for s in run_until(text, "netra_statistics")._.statistics]


def test_range_and_pair_take_the_unit_written_once(run_until: Run) -> None:
    text = (
        "Perludem memperkirakan antara 15 sampai 18 persen pelanggaran netralitas tidak pernah dilaporkan. "
        "Kabupaten Sumba Barat dan Kabupaten Alor mencatat pelanggaran terbanyak, masing-masing 8 dan 5 kasus."
    )
    assert figures(run_until, text) == [(15, "percent"), (18, "percent"), (8, "cases"), (5, "cases")]


def test_a_bare_figure_goes_on_about_the_last_count(run_until: Run) -> None:
    text = (
        "Bawaslu Kabupaten Sikka menangani 27 laporan dugaan pelanggaran netralitas ASN selama masa kampanye. "
        '"Kami tidak main-main dengan netralitas," kata Ketua Bawaslu Sikka. '
        "Sebanyak 11 di antaranya berkaitan dengan unggahan di media sosial, sedangkan 4 lainnya dihentikan."
    )
    assert figures(run_until, text) == [(27, "reports"), (11, "reports"), (4, "reports")]


def test_the_whole_named_before_a_bare_figure_and_the_predicate_give_its_unit(run_until: Run) -> None:
    text = (
        "Bawaslu Provinsi Maluku Utara mencatat 52 dugaan pelanggaran netralitas sepanjang 2024. "
        '"Ini angka yang tinggi," ujarnya. "Kami terus mengawasi," lanjutnya. '
        "Dari seluruh perkara itu, 33 menyeret kepala desa. "
        "Dari jumlah itu pula, 19 merupakan laporan warga."
    )
    assert figures(run_until, text) == [(52, "cases"), (33, "cases"), (19, "reports")]


def test_a_count_of_thousands_with_its_unit_is_a_figure_money_is_not(run_until: Run) -> None:
    text = (
        "Bawaslu Provinsi Jawa Barat menangani sekitar 1,5 ribu dugaan pelanggaran selama tahapan pemilu, "
        "sementara anggaran pengawasan mencapai Rp 2,5 miliar."
    )
    assert figures(run_until, text) == [(1500, "cases")]


def test_a_share_after_a_percentage_keeps_the_count_it_is_about(run_until: Run) -> None:
    text = (
        "Data BKN menunjukkan 240 ASN atau 61,2 persen terbukti melanggar netralitas, dan 150 di antaranya "
        "sudah dijatuhi sanksi."
    )
    assert figures(run_until, text) == [(240, "persons"), (61.2, "percent"), (150, "persons")]


def test_ceremonies_vote_targets_and_pay_cuts_are_not_case_figures(run_until: Run) -> None:
    text = (
        "Sebanyak 210 kepala desa se-Kabupaten Banggai menandatangani pakta integritas netralitas. "
        "Dalam rapat itu, camat meminta perolehan suara minimal 65 persen bagi calon bupati. "
        "Pemkab menjatuhkan hukuman berupa pemotongan tunjangan kinerja 30 persen selama tiga bulan. "
        "Bawaslu mencatat 12 ASN dilaporkan melanggar netralitas."
    )
    assert figures(run_until, text) == [(12, "persons")]


def test_ranked_counts_of_people_are_figures(run_until: Run) -> None:
    text = (
        "Anggota Bawaslu Provinsi Bali menyebut guru menjadi kelompok terbanyak dengan 31 orang. "
        "Kabupaten Badung menempati urutan teratas dengan 14 ASN, disusul Gianyar 9 ASN."
    )
    assert figures(run_until, text) == [(31, "persons"), (14, "persons"), (9, "persons")]


def test_the_body_a_count_was_forwarded_to_is_not_its_source(run_until: Run) -> None:
    text = (
        "Hingga Jumat (8/11/2024), Bawaslu Kabupaten Sumbawa telah menangani 15 laporan netralitas ASN. "
        "Dari jumlah itu, 8 laporan telah diteruskan ke Badan Kepegawaian Negara (BKN)."
    )
    doc = run_until(text, "netra_statistics")
    assert [(s.value, s.source_org) for s in doc._.statistics] == [
        (15, "Bawaslu Kabupaten Sumbawa"),
        (8, "Bawaslu Kabupaten Sumbawa"),
    ]
