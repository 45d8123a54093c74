"""Wording that introduces a person as the accused: "berinisial", "Terlapor ialah", a passive verb's
agent, "laporan terhadap", a sanction given to them, a named member of an accused group."""

from __future__ import annotations

import re

INTRODUCED = re.compile(
    r"(?:berinisial|inisial(?:nya)?|bernama|adalah|ialah|Terlapor|terlapor|Teradu|teradu|Terdakwa|terdakwa)\s+$"
)
# "Ketiga teradu ialah Ketua PPK Tambang, Irwansyah, ...": the introducer comes before the position the name is
# set beside.
# So does what a report or case is about ("Laporan kedua menyangkut Kepala Dinas Sosial Kota X, Y"), the post
# written in full with its region, the name maybe after a degree ("Ir.").
INTRODUCED_APPOSED = re.compile(
    r"\b(?:ialah|adalah|yakni|yaitu|[Tt]erlapor(?:nya)?|[Tt]eradu(?:nya)?|[Tt]erdakwa(?:nya)?|menyangkut|"
    r"melibatkan|menyeret|menjerat|(?:laporan|aduan|pengaduan|penanganan|pemeriksaan|sanksi|hukuman)\s+terhadap)"
    r"\s+[A-Z][^,.;:\"“”]{2,100},\s+(?:(?:Ir|Drs?|Hj?|Prof)\.\s*)?$"
)
# "KTP itu dikumpulkan Kaur Pemerintahan kampung, Wayan Sudarma, ...": the post and name right after a passive
# verb are who did it (not after verbs of speech, nor of what is done to an official: dilantik, diperiksa ...).
PASSIVE_AGENT = re.compile(
    r"\bdi(?!katakan|sampaikan|ungkapkan|jelaskan|tegaskan|benarkan|akui|konfirmasi|lantik|copot|mutasi|rotasi|"
    r"periksa|panggil|laporkan|tegur|jatuhi|berhentikan|nonaktifkan|sanksi|tetapkan|minta|perintah|instruksikan|"
    r"ancam|tekan|kerahkan|undang|temui|hubungi|pimpin|sebut|nilai)[a-z]{3,}\s+(?:oleh\s+)?"
    r"[A-Za-z][^,.;:\"“”]{2,80},\s+(?:(?:Ir|Drs?|Hj?|Prof)\.\s*)?$"
)
# "berinisial AF (38) dan SR (42)", "Terlapor ialah RD, YF, dan MN": a name in a list after the introducer.
INTRODUCED_LIST = re.compile(
    r"(?:berinisial|inisial|bernama|yakni|yaitu|ialah|adalah|[Tt]erlapor(?:nya)?|[Tt]eradu(?:nya)?|[Tt]erdakwa(?:nya)?)\s+"
    # "berinisial AH (34) yang berstatus PNS dan RK (27)": a short relative clause may follow a name in the list.
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*\(\d{2}\))?(?:\s+yang\s+[^,.;:\"“”]{2,40}?)?"
    r"(?:\s*,\s*(?:dan\s+)?|\s+dan\s+))+$"
)
# "laporan terhadap Kepala Desa Tabumela", "sanksi terhadap AS": a report or sanction against them.
AGAINST = re.compile(
    r"\b(?:laporan|aduan|pengaduan|penanganan|pemeriksaan|sanksi|hukuman)\s+terhadap\s+"
    r"(?:(?:seorang|salah\s+(?:satu|seorang)|oknum)\s+)?$"
)
# "teguran tertulis dijatuhkan antara lain kepada tiga staf", "sanksi diberikan kepada": a sanction given to them.
SANCTIONED = re.compile(
    r"\b(?:sanksi|teguran|hukuman)\b[^.;:\"“”]{0,40}\b(?:dijatuhkan|diberikan|dikenakan|dijatuhi)\s+"
    r"(?:(?:antara\s+lain|di\s+antaranya|juga)\s+)?kepada\s+(?:\w+\s+){0,2}$"
)
# "Salah satunya Yuliana ...", "Salah satu pegawai yang disebut dalam aduan, JS (31), ...": a named member of the
# group the sentence before accuses.
# "Salah satu yang terlihat paling depan adalah Andi ...".
MEMBER = re.compile(
    r"(?:\b[Ss]alah\s+(?:satu|seorang)(?:nya)?\s+"
    r"(?:[^.;:,\"“”]{0,50}?\b(?:adalah|ialah|yakni|yaitu)\s+|[^.;:\"“”]{2,60},\s+)?"
    # "Di antaranya Kepala Desa X, Name", "Seorang di antaranya, Name": one of the group just counted.
    r"|\b(?:[Dd]i\s+antaranya|[Ss]eorang\s+di\s+antaranya|[Tt]ermasuk\s+di\s+antaranya)\s+"
    r"(?:(?:adalah|ialah|yakni|yaitu)\s+|[^.;:\"“”]{2,60},\s+)?)$"
)
