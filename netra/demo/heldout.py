"""Held-out templates: the labelled corpus rendered in layouts the cleanup rules were not tuned on.

The six demo templates and :mod:`scrapers.cleanup` grew up together, so their scores
are optimistic. These templates imitate other real Indonesian layouts (a Kompas-like
page, a Jawa Pos Radar-like page, an Antara/Suara-like page with a reader discussion,
and a Liputan6/Okezone-like page written after the cleanup was generalised on the
first three) and are used only to score extraction (the quality benchmark and its
test): the demo sites never serve them, so demo counts stay as they are.

Every article is rendered whole on one page (held-out layouts do not page).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from netra.demo.quality import LabelledPage
from netra.demo.render import render_article
from netra.demo.world import SITES, World, _rng

HELDOUT_TEMPLATES = ("kompas_like", "radar_like", "suara_like", "liputan_like")

# Chrome the held-out templates print besides the shared captions, ads, comments and lists.
_EXTRA = {
    "video_title": "Video Rekomendasi: Pengawas Ingatkan Aparatur Jaga Netralitas Jelang Pencoblosan",
    "breaking": "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
    "whatsapp": "Pilih saluran andalanmu akses berita {outlet}.com WhatsApp Channel :",
    "install_wa": "Pastikan kamu sudah install aplikasi WhatsApp ya.",
    "google_news": "Baca berita {outlet} lainnya dengan mengikuti kanal kami di Google News",
    "kompas_copyright": "Copyright 2008 - {year} PT. {outlet} Cyber Media. All Rights Reserved.",
    "radar_google_news": "Dapatkan berita terkini {outlet} lewat Google News, klik di sini lalu ikuti kanal kami",
    "radar_network": "{outlet} adalah bagian dari jaringan Radar Nusantara Group",
    "video_pilihan": "Simak Video Pilihan Berikut Ini:",
    "cek_fakta": (
        "* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp ke nomor "
        "Cek Fakta {outlet} 0811 9787 670 hanya dengan ketik kata kunci yang diinginkan."
    ),
    "ai_notice": (
        "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI "
        "di situs web ini tanpa izin tertulis dari {outlet}."
    ),
}
_RADAR_CAPTIONS = (
    "SIAGA: Petugas pengawas pemilu memantau kegiatan di kantor kecamatan, {day}. ({outlet_upper}/FOTO)",
    "TEGAS: Ketua pengawas pemilu menyampaikan keterangan kepada wartawan, {day}. (DOK. {outlet_upper})",
    "DIPERIKSA: Sejumlah aparatur memenuhi panggilan klarifikasi di kantor pengawas. ({outlet_upper})",
)


def heldout_pages(world: World, template: str) -> Iterator[LabelledPage]:
    """Every labelled article in one held-out template, whole on one page, with its gold text."""
    for article in world.labelled():
        whole = replace(article, page_breaks=[])
        outlet = SITES[article.site].outlet
        extra = {
            key: value.format(outlet=outlet, year=article.published_at.year) for key, value in _EXTRA.items()
        }
        caption = _RADAR_CAPTIONS[_rng(article.key + template).randrange(len(_RADAR_CAPTIONS))]
        extra["radar_caption"] = caption.format(
            day=f"{article.published_at.day}/{article.published_at.month}", outlet_upper=outlet.upper()
        )
        rendered = render_article(world, whole, 1, template=f"heldout/{template}.html", extra=extra)
        yield LabelledPage(article, article.url, rendered.body, rendered.gold or "", rendered.markers)
