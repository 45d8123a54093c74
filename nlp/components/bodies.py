"""The regional bodies :mod:`nlp.components.institutions` recognises: how each is written and named.

Each :class:`Body` is a pattern for how stories write the body ("Badan Pengawas Pemilu", "Dinas
Pendidikan"), its default role, and templates for its canonical name with the province or regency
after it ("Bawaslu Provinsi {p}", "Bawaslu {r}"); ``BARE_BODIES`` are those a story may write with
no region at all.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Body:
    """A regional body: how it is written and how its canonical name is built."""

    kind: str
    pattern: str
    role: str
    national: str | None  # canonical name when written without a region (None: needs one)
    province: str | None  # template with {p}
    regency: str | None  # template with {r}
    local: bool = False  # without a region, belongs to the region the text is about
    hints: tuple[str, ...] = ()  # a rarely named body: its pattern runs only on texts holding one of these


BODIES = [
    Body(
        "bawaslu",
        r"Bawaslu|Badan Pengawas Pemilu(?:han Umum)?",
        "OVERSIGHT",
        "Badan Pengawas Pemilihan Umum",
        "Bawaslu Provinsi {p}",
        "Bawaslu {r}",
    ),
    Body(
        "panwaslih",
        r"Panwaslih|Panitia Pengawas Pemilihan",
        "OVERSIGHT",
        None,
        "Panwaslih {p}",
        "Panwaslih {r}",
    ),
    Body(
        "kpu",
        r"KPU|Komisi Pemilihan Umum",
        "OVERSIGHT",
        "Komisi Pemilihan Umum",
        "KPU Provinsi {p}",
        "KPU {r}",
    ),
    Body("kip", r"KIP|Komisi Independen Pemilihan", "OVERSIGHT", None, "KIP {p}", "KIP {r}"),
    Body(
        "ombudsman",
        r"Ombudsman(?:\s+RI|\s+Republik\s+Indonesia)?(?:\s+Perwakilan)?",
        "OVERSIGHT",
        "Ombudsman Republik Indonesia",
        "Ombudsman RI Perwakilan {p}",
        "Ombudsman RI Perwakilan {p}",
    ),
    Body(
        "bkpsdm",
        r"BKPSDM|BKPSDMD|BKDPSDM|BKPP|BKPPD|BKSDM|Badan Kepegawaian dan Pengembangan Sumber Daya Manusia(?: Daerah)?",
        "OVERSIGHT",
        None,
        "BKPSDM Provinsi {p}",
        "BKPSDM {r}",
        local=True,
    ),
    Body(
        "bkd", r"BKD|Badan Kepegawaian Daerah", "OVERSIGHT", None, "BKD Provinsi {p}", "BKD {r}", local=True
    ),
    Body(
        "inspektorat",
        # Written lower-case in running text ("tim dari inspektorat") it is still the story's own (README).
        r"Inspektorat(?:\s+Daerah)?|inspektorat(?!\s+jenderal)",
        "OVERSIGHT",
        None,
        "Inspektorat Provinsi {p}",
        "Inspektorat {r}",
        local=True,
    ),
    Body(
        "setda",
        r"Sekretariat Daerah|Setda|Setdakab|Setdako|Setdaprov",
        "EMPLOYER",
        None,
        "Sekretariat Daerah Provinsi {p}",
        "Sekretariat Daerah {r}",
        local=True,
    ),
    Body(
        "pemda",
        # In running text "pemerintah daerah" is mostly every regional government ("semua pemda di NTT",
        # "instansi pemerintah daerah"); with a demonstrative ("acara resmi pemerintah daerah tersebut") it is
        # the story's own (README "Institutions").
        r"Pemda|Pemerintah Daerah|(?:pemerintah daerah|pemda)(?=\s+(?:tersebut|itu|setempat)\b)",
        "EMPLOYER",
        None,
        "Pemerintah Provinsi {p}",
        "Pemerintah {r}",
        local=True,
    ),
    Body(
        "kemenag",
        r"Kantor Kementerian Agama|Kankemenag|Kemenag|Kementerian Agama",
        "EMPLOYER",
        "Kementerian Agama",
        "Kantor Wilayah Kementerian Agama Provinsi {p}",
        "Kantor Kementerian Agama {r}",
    ),
    Body(
        "kanwil_kemenag",
        r"Kantor Wilayah Kementerian Agama|Kanwil Kemenag|Kanwil Kementerian Agama",
        "EMPLOYER",
        None,
        "Kantor Wilayah Kementerian Agama Provinsi {p}",
        None,
    ),
    Body(
        "dprd",
        r"DPRD|Dewan Perwakilan Rakyat Daerah(?:\s+\(DPRD\))?",
        "OTHER",
        None,
        "DPRD Provinsi {p}",
        "DPRD {r}",
    ),
    # Aceh's regency councils: "DPRK Aceh Utara", "Dewan Perwakilan Rakyat Kabupaten (DPRK) Aceh Utara".
    Body(
        "dprk",
        r"DPRK|Dewan Perwakilan Rakyat (?:Kabupaten|Kota)(?:\s+\(DPRK\))?(?=\s+Aceh|\s+\(DPRK\)|\s+[A-Z])",
        "OTHER",
        None,
        None,
        "DPRK {r}",
        hints=("DPRK", "Dewan Perwakilan Rakyat"),
    ),
    Body(
        "gakkumdu",
        r"Sentra\s+Gakkumdu|Gakkumdu|Sentra\s+Penegakan\s+Hukum\s+Terpadu(?:\s+\(Gakkumdu\))?",
        "OTHER",
        "Sentra Gakkumdu",
        "Sentra Gakkumdu Provinsi {p}",
        "Sentra Gakkumdu {r}",
        local=True,
    ),
    # Branches of national associations of civil servants and village officials (OTHER, like the
    # associations themselves): "Korpri Kota Tarakan", "PGRI Bengkulu Utara" -> "PGRI Kabupaten ...".
    Body(
        "apdesi",
        r"APDESI|Apdesi|Asosiasi Pemerintah Desa Seluruh Indonesia",
        "OTHER",
        "Asosiasi Pemerintah Desa Seluruh Indonesia",
        "APDESI Provinsi {p}",
        "APDESI {r}",
        hints=("APDESI", "Apdesi", "Asosiasi Pemerintah Desa"),
    ),
    Body(
        "korpri",
        r"Korpri|KORPRI|Korps Pegawai Republik Indonesia",
        "OTHER",
        "Korps Pegawai Republik Indonesia",
        "Korpri Provinsi {p}",
        "Korpri {r}",
        hints=("Korpri", "KORPRI", "Korps Pegawai"),
    ),
    Body(
        "pgri",
        r"PGRI|Persatuan Guru Republik Indonesia",
        "OTHER",
        "Persatuan Guru Republik Indonesia",
        "PGRI Provinsi {p}",
        "PGRI {r}",
        hints=("PGRI", "Persatuan Guru"),
    ),
    # A vertical agency's regional offices: "BPS Kota Jambi", "Badan Pusat Statistik (BPS) Kabupaten Buleleng".
    Body(
        "bps",
        r"Badan\s+Pusat\s+Statistik(?:\s+\(BPS\))?|BPS",
        "OTHER",
        "Badan Pusat Statistik",
        "Badan Pusat Statistik Provinsi {p}",
        "Badan Pusat Statistik {r}",
        hints=("BPS", "Badan Pusat Statistik"),
    ),
    Body(
        "satpol",
        r"Satpol\s+PP|Satuan\s+Polisi\s+Pamong\s+Praja",
        "EMPLOYER",
        None,
        "Satuan Polisi Pamong Praja Provinsi {p}",
        "Satuan Polisi Pamong Praja {r}",
        local=True,
    ),
]

# Bodies written without a region: which office they mean depends on the rest of the story.
# Written alone, these are the story's own branch when it names one ("Korpri Kota Tarakan ... sekretariat Korpri").
BARE_BODIES = frozenset(
    {"Bawaslu", "KPU", "Ombudsman", "Badan Pengawas Pemilu", "Komisi Pemilihan Umum"}
    | {"Korpri", "KORPRI", "PGRI", "APDESI", "Apdesi"}
)
