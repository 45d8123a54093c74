"""`netra load-reports`: official case registers and statistics, validated, loaded idempotently.

Real files (CSV and XLSX, in netra/demo/reports and tests/fixtures/official), a real
PostgreSQL per test, and the real CLI in a subprocess.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from netra.db import schema
from netra.loaders.report_files import FileRefused
from netra.loaders.report_values import conduct_code, parse_date, parse_number
from netra.loaders.reports import load_files

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "netra" / "demo" / "reports"
BROKEN = ROOT / "tests" / "fixtures" / "official"
KASN_CSV = DEMO / "kasn_rekomendasi_2024.csv"
BAWASLU_XLSX = DEMO / "bawaslu_register_2024.xlsx"
STATISTICS_CSV = DEMO / "statistik_netralitas.csv"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-11-30", date(2023, 11, 30)),
        ("30/11/2023", date(2023, 11, 30)),
        ("30 November 2023", date(2023, 11, 30)),
        ("5 Agustus 2024", date(2024, 8, 5)),
        ("", None),
    ],
)
def test_dates_in_the_three_formats(text: str, expected: date | None) -> None:
    assert parse_date("tanggal_laporan", text) == expected


@pytest.mark.parametrize("text", ["31/02/2024", "2024-13-01", "kemarin", "30 Brumaire 2023"])
def test_impossible_dates_are_refused_in_words(text: str) -> None:
    with pytest.raises(ValueError, match=f"tanggal_laporan '{text}' is not a date"):
        parse_date("tanggal_laporan", text)


@pytest.mark.parametrize(
    ("text", "expected"), [("2.034", 2034), ("78,5", 78.5), ("1.234,5", 1234.5), ("59", 59), ("88,5%", 88.5)]
)
def test_indonesian_numbers(text: str, expected: float) -> None:
    assert parse_number("nilai", text) == expected


def test_conduct_codes_given_or_implied_by_the_wording() -> None:
    assert conduct_code("jenis_pelanggaran", "C02_FOTO_SIMBOL") == "C02_FOTO_SIMBOL"
    assert conduct_code("jenis_pelanggaran", "Foto pose jari bersama bakal calon") == "C02_FOTO_SIMBOL"
    assert conduct_code("jenis_pelanggaran", "Politik uang (amplop) kepada wali murid") == "C12_POLITIK_UANG"
    assert (
        conduct_code("jenis_pelanggaran", "Penggunaan mobil dinas untuk kampanye") == "C07_FASILITAS_NEGARA"
    )
    assert conduct_code("jenis_pelanggaran", "lain-lain") is None
    with pytest.raises(ValueError, match="not a codebook conduct code"):
        conduct_code("jenis_pelanggaran", "C77_TERBANG")


def _cases(engine: sa.Engine) -> dict[tuple[str, str], sa.Row]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(schema.official_cases)).all()
    return {(r.source, r.nomor_laporan): r for r in rows}


def test_registers_load_from_csv_and_xlsx_with_canonical_regions(engine: sa.Engine) -> None:
    reports, refused = load_files(engine, [KASN_CSV, BAWASLU_XLSX, STATISTICS_CSV])
    assert refused == []
    counts = {r.file_name: (r.kind, r.loaded, r.updated, r.unchanged, r.rejected) for r in reports}
    assert counts == {
        KASN_CSV.name: ("case", 28, 0, 0, 0),
        BAWASLU_XLSX.name: ("case", 14, 0, 0, 0),
        STATISTICS_CSV.name: ("statistic", 13, 0, 0, 0),
    }
    cases = _cases(engine)
    gowa = cases[("KASN", "KASN/R/0112/I/2024")]  # written "Sulsel", "Kab. Gowa", 06/01/2024
    assert (gowa.provinsi, gowa.kabupaten_kota) == ("Sulawesi Selatan", "Kabupaten Gowa")
    assert gowa.tanggal_kejadian == date(2024, 1, 6)
    assert gowa.conduct_code == "C01_MEDSOS"
    jambi = cases[("KASN", "KASN/R/0655/VIII/2024")]  # "12 Agustus 2024"
    assert jambi.tanggal_laporan == date(2024, 8, 12)
    # A regional office keeps its region, named canonically ("Bawaslu Kab. Gowa" in the file).
    assert ("Bawaslu Kabupaten Gowa", "015/Reg/LP/PB/Kab/27.06/IX/2024") in cases
    assert (
        "Bawaslu Provinsi Sulawesi Tenggara",
        "004/Reg/LP/PB/Prov/28.00/IV/2024",
    ) in cases  # "Bawaslu Sultra"
    xlsx_date = cases[("Bawaslu Kabupaten Banyuwangi", "003/Reg/LP/PL/Kab/16.12/II/2024")]
    assert xlsx_date.tanggal_laporan == date(2024, 2, 19)  # a real date cell
    with engine.connect() as conn:
        nilai = dict(
            conn.execute(
                sa.select(schema.official_statistics.c.metrik, schema.official_statistics.c.nilai).where(
                    schema.official_statistics.c.dimensi == "",
                    schema.official_statistics.c.satuan != "persen",
                )
            ).all()
        )
    assert nilai["laporan dugaan pelanggaran netralitas"] == 2034  # "2.034"


def test_loading_the_same_files_twice_changes_nothing(engine: sa.Engine) -> None:
    load_files(engine, [KASN_CSV, BAWASLU_XLSX, STATISTICS_CSV, BROKEN / "kasn_broken_rows.csv"])

    def state() -> tuple:
        with engine.connect() as conn:
            return tuple(
                sorted(map(tuple, conn.execute(sa.select(t)).all()), key=repr)
                for t in (
                    schema.official_cases,
                    schema.official_case_history,
                    schema.official_statistics,
                    schema.official_rejects,
                    schema.report_files,
                )
            )

    before = state()
    reports, refused = load_files(
        engine, [KASN_CSV, BAWASLU_XLSX, STATISTICS_CSV, BROKEN / "kasn_broken_rows.csv"]
    )
    assert refused == []
    assert [(r.loaded, r.updated) for r in reports] == [(0, 0)] * 4
    assert [r.unchanged for r in reports] == [28, 14, 13, 2]
    assert state() == before


def test_a_changed_row_updates_its_record_and_keeps_its_history(engine: sa.Engine, tmp_path: Path) -> None:
    load_files(engine, [KASN_CSV])
    changed = tmp_path / "kasn_rekomendasi_2024_rev2.csv"
    text = KASN_CSV.read_text().replace(
        "KASN/R/0871/X/2024,KASN,2024-10-28,ZE,Lurah,Pemko Pekanbaru,Riau,Pekanbaru,C01_MEDSOS,,sanksi moral,belum ditindaklanjuti,",
        "KASN/R/0871/X/2024,KASN,2024-10-28,ZE,Lurah,Pemko Pekanbaru,Riau,Pekanbaru,C01_MEDSOS,,sanksi moral,sudah ditindaklanjuti,20/12/2024",
    )
    assert text != KASN_CSV.read_text()
    changed.write_text(text)
    (report,), _ = load_files(engine, [changed])
    assert (report.loaded, report.updated, report.unchanged, report.rejected) == (0, 1, 27, 0)
    record = _cases(engine)[("KASN", "KASN/R/0871/X/2024")]
    assert record.status_tindak_lanjut == "sudah ditindaklanjuti"
    assert record.tanggal_tindak_lanjut == date(2024, 12, 20)
    with engine.connect() as conn:
        history = conn.execute(
            sa.select(schema.official_case_history.c.record)
            .where(schema.official_case_history.c.nomor_laporan == "KASN/R/0871/X/2024")
            .order_by(schema.official_case_history.c.history_id)
        ).all()
    assert [h.record["status_tindak_lanjut"] for h in history] == [
        "belum ditindaklanjuti",
        "sudah ditindaklanjuti",
    ]


def test_broken_rows_land_in_rejects_with_reasons_a_clerk_understands(engine: sa.Engine) -> None:
    (report,), refused = load_files(engine, [BROKEN / "kasn_broken_rows.csv"])
    assert refused == []
    assert (report.loaded, report.rejected) == (2, 8)
    reasons = {r.row_number: r.reasons for r in report.rejects}
    assert reasons[1] == [
        "tanggal_laporan '31/02/2024' is not a date (write 2023-11-30, 30/11/2023 or 30 November 2023)"
    ]
    assert reasons[2] == ["kabupaten_kota 'Kab. Atlantis' is not a regency or city of Indonesia"]
    assert reasons[3] == ["sumber 'KPK' is not KASN, BKN or BAWASLU (or a regional Bawaslu office)"]
    assert reasons[4] == ["nomor_laporan is empty: every record needs its report number"]
    assert reasons[5] == [
        "jenis_pelanggaran 'C77_TERBANG' is not a codebook conduct code",
        "status_tindak_lanjut 'selesai' is not one of: sudah ditindaklanjuti, belum ditindaklanjuti, dalam proses",
    ]
    assert reasons[6] == ["tanggal_kejadian 20/03/2024 is after tanggal_laporan 05/03/2024"]
    assert reasons[8] == ["nomor_laporan 'KASN/T/007' appears twice in this file (rows 7 and 8)"]
    assert reasons[9] == ["kabupaten_kota 'Kab. Jombang' is not in provinsi 'Jawa Barat'"]
    with engine.connect() as conn:
        stored = conn.execute(
            sa.select(
                schema.official_rejects.c.row_number,
                schema.official_rejects.c.reasons,
                schema.official_rejects.c.raw_row,
            )
        ).all()
        loaded = conn.execute(
            sa.select(schema.official_cases.c.nomor_laporan, schema.official_cases.c.status_tindak_lanjut)
        ).all()
    assert {r.row_number: r.reasons for r in stored} == reasons
    assert {r.row_number: r.raw_row["tanggal_laporan"] for r in stored}[1] == "31/02/2024"
    assert dict(loaded) == {"KASN/T/007": "sudah ditindaklanjuti", "KASN/T/010": "dalam proses"}


def test_broken_statistics_rows(engine: sa.Engine) -> None:
    (report,), _ = load_files(engine, [BROKEN / "statistik_broken.csv"])
    assert (report.kind, report.loaded, report.rejected) == ("statistic", 2, 3)
    assert [r.reasons for r in report.rejects] == [
        ["periode_selesai 31/12/2021 is before periode_mulai 01/01/2022"],
        ["nilai 'dua ribu' is not a number (write 2.034 for two thousand thirty-four, 78,5 for 78.5)"],
        ["satuan 'buah' is not one of: kasus, laporan, orang, persen"],
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("laporan_kasn.pdf.csv", "laporan_kasn.pdf.csv: this is a PDF document, not a CSV or XLSX file"),
        ("empty.csv", "empty.csv: the file is empty"),
        ("other_header.csv", "other_header.csv: header matches no known kind"),
        ("utf16.csv", "utf16.csv: the text is UTF-16; save the CSV as UTF-8"),
    ],
)
def test_a_file_in_the_wrong_format_is_refused_whole(engine: sa.Engine, name: str, message: str) -> None:
    reports, refused = load_files(engine, [BROKEN / name])
    assert reports == []
    assert len(refused) == 1 and refused[0].startswith(message)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.report_files)).scalar() == 0


def test_a_kind_given_that_the_header_contradicts_is_refused(engine: sa.Engine) -> None:
    _, refused = load_files(engine, [STATISTICS_CSV], kind="case")
    assert refused == [
        f"{STATISTICS_CSV.name}: header is not a case file: missing column(s) nomor_laporan, tanggal_laporan"
    ]
    with pytest.raises(FileRefused):
        from netra.loaders import report_files

        report_files.read(BROKEN / "empty.csv")


def test_cli_prints_counts_rejects_and_refusals(database_url: str, netra_env: dict[str, str]) -> None:
    env = {**netra_env, "NETRA_DATABASE_URL": database_url, "COLUMNS": "200"}
    files = [KASN_CSV, BROKEN / "kasn_broken_rows.csv", BROKEN / "laporan_kasn.pdf.csv"]
    proc = subprocess.run(
        [sys.executable, "-m", "netra", "load-reports", *map(str, files)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = proc.stdout
    assert proc.returncode == 1, proc.stdout + proc.stderr  # one file refused
    assert "kasn_rekomendasi_2024.csv │ case │     28 │       0 │         0 │        0" in out
    assert "kasn_broken_rows.csv      │ case │      2 │       0 │         0 │        8" in out
    assert "rejected kasn_broken_rows.csv row 1: tanggal_laporan '31/02/2024' is not a date" in out
    assert "refused laporan_kasn.pdf.csv: this is a PDF document, not a CSV or XLSX file" in out
    again = subprocess.run(
        [sys.executable, "-m", "netra", "load-reports", str(KASN_CSV)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert "kasn_rekomendasi_2024.csv │ case │      0 │       0 │        28 │        0" in again.stdout
