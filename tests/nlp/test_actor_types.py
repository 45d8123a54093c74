"""Actor types as the corpus README's "Actor types" rule gives them: the status the story states, else what the
post implies; a functional post a PPPK may hold too (guru, penyuluh, bidan) says no more than ``ASN``."""

from __future__ import annotations

from spacy.language import Language

from nlp.extensions import with_title


def actors(nlp: Language, title: str, text: str) -> list[tuple[str | None, str | None, str | None]]:
    doc = nlp(with_title(nlp.make_doc(text), title))
    return [(a.name, a.position, a.actor_type) for case in doc._.cases for a in case.actors]


TITLE = "{post} di Lembah Hijau Bagikan Stiker Paslon, Bawaslu Periksa"
STORY = (
    "LEMBAH HIJAU - Bawaslu Kabupaten Lembah Hijau memeriksa Hendra Saputra, {post} di Kecamatan Tanjung "
    "Raya, Senin (4/11/2024). Hendra diduga membagikan stiker bergambar pasangan calon bupati kepada petani "
    "saat penyuluhan. Ia juga mengajak warga memilih pasangan calon itu."
)


def test_a_functional_post_with_no_status_stated_is_asn(nlp: Language) -> None:
    found = actors(nlp, TITLE.format(post="Penyuluh"), STORY.format(post="penyuluh pertanian"))
    assert found == [("Hendra Saputra", "penyuluh pertanian", "ASN")]


def test_a_functional_post_takes_the_status_the_story_states(nlp: Language) -> None:
    found = actors(nlp, TITLE.format(post="Penyuluh"), STORY.format(post="penyuluh pertanian berstatus PNS"))
    assert found == [("Hendra Saputra", "penyuluh pertanian", "PNS")]
    # stated in the headline only ("Penyuluh PNS"), or as "pegawai negeri" without "sipil"
    found = actors(nlp, TITLE.format(post="Penyuluh PNS"), STORY.format(post="penyuluh pertanian"))
    assert found == [("Hendra Saputra", "penyuluh pertanian", "PNS")]
    story = STORY.format(post="penyuluh pertanian") + " Ia masih aktif sebagai pegawai negeri."
    assert actors(nlp, TITLE.format(post="Penyuluh"), story) == [
        ("Hendra Saputra", "penyuluh pertanian", "PNS")
    ]


def test_a_post_only_a_pns_holds_stays_pns(nlp: Language) -> None:
    found = actors(nlp, TITLE.format(post="Camat"), STORY.format(post="Camat Tanjung Raya"))
    assert found == [("Hendra Saputra", "Camat", "PNS")]
