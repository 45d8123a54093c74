"""Short news briefs (a few paragraphs, under ~150 words): the chrome around them stays out.

trafilatura reads every text-bearing ``<div>`` of the content frame as a paragraph when a
page's ``<p>`` text is short; on a brief written in ``<p>``s that brought in the ad slot,
share bar and reader comments around it (scrapers.extract lowers that bar for such pages).
"""

from __future__ import annotations

import pytest

from scrapers.extract import extract

URL = "http://kabarlokal.example/daerah/2024/01/15/kabid-ditegur"
PARAGRAPHS = [
    "Bawaslu Kabupaten Sumber Jaya menegur seorang kepala bidang di dinas pendidikan setempat setelah "
    "fotonya bersama calon legislatif beredar di grup percakapan warga.",
    "Dalam foto itu, pegawai berinisial HS tampak mengacungkan dua jari di depan spanduk partai saat "
    "acara syukuran di Desa Lembah Hijau, Minggu (14/1/2024).",
    "Ketua Bawaslu setempat, Rina Marlina, mengatakan teguran sudah dikirim dan laporan diteruskan "
    "kepada pejabat pembina kepegawaian untuk ditindaklanjuti.",
    "Ia meminta aparatur lain di Sumber Jaya menahan diri dari unggahan yang bisa dibaca sebagai "
    "dukungan kepada peserta pemilu selama masa kampanye.",
]
# Chrome whose class names and wording no cleanup rule knows: only the layout tells it apart.
CHROME = [
    "Diskon Tiket Kapal Mudik, Pesan Lewat Aplikasi Mitra Kami Hari Ini",
    "Sebarkan kabar ini kepada kerabat dan sahabat lewat tombol di bawah",
    "Sudah sepantasnya pegawai negeri menjaga sikap selama masa kampanye berlangsung.",
    "Semoga teguran ini tidak berhenti di atas kertas saja, warga menunggu sanksinya.",
]


def _page(content: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>Kabid Dinas Ditegur - Kabar Lokal</title>'
        '<meta property="og:type" content="article"></head><body>'
        '<div class="kepala"><a href="/">Beranda</a> <a href="/daerah">Daerah</a></div>'
        f'<article class="halaman-berita"><h1>Kabid Dinas Ditegur</h1>{content}'
        f'<div class="slot-mitra"><div>{CHROME[0]}</div></div>'
        f'<div class="tombol-sebar">{CHROME[1]}</div>'
        f'<div class="ulasan-pembaca"><div class="ulasan">{CHROME[2]}</div>'
        f'<div class="ulasan">{CHROME[3]}</div></div>'
        "</article></body></html>"
    )


@pytest.mark.parametrize("count", [2, 3, 4])
def test_brief_in_paragraphs_leaves_div_chrome_out(count: int) -> None:
    paragraphs = PARAGRAPHS[:count]
    article = extract(_page("".join(f"<p>{p}</p>" for p in paragraphs)), URL)
    assert article is not None
    assert article.text.split("\n\n") == paragraphs


def test_brief_written_in_divs_is_still_read() -> None:
    """The other side of the rule: a page without <p>s has its text in divs, and keeps it."""
    content = "<div class='isi'>" + "<br><br>".join(PARAGRAPHS) + "</div>"
    article = extract(_page(content), URL)
    assert article is not None
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
