"""People something was done to or who tell of it are no actors: a counted group with its classifier ("dua orang
camat"), a post joined to the one gathered ("... beserta tenaga honorer"), the unnamed source of a quote, and
posts a headline's bare verb acts on ("Kumpulkan Staf dan Honorer")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from nlp.components.accused_patients import acted_on_in_title, mostly_patient
from nlp.model import PersonMention

Run = Callable[[str, str], Doc]


def mention(text: str, words: str) -> PersonMention:
    start = text.index(words)
    return PersonMention(start, start + len(words), words, None, "honorer", "LAINNYA")


def test_a_count_with_its_classifier_is_a_group(run_until: Run) -> None:
    doc = run_until(
        "Bawaslu sudah meminta keterangan dua orang camat yang wilayahnya menjadi lokasi.", "netra_persons"
    )
    assert [(p.position, p.group) for p in doc._.persons] == [("Camat", True)]


def test_a_post_joined_to_the_one_gathered_is_acted_on_too() -> None:
    text = "Kepala dinas itu mengumpulkan seluruh staf kantor dinas beserta tenaga honorer di rumahnya."
    assert mostly_patient(text, [mention(text, "tenaga honorer")])
    text = "Kepala dinas itu bersama tenaga honorer memasang baliho."
    assert not mostly_patient(text, [mention(text, "tenaga honorer")])


def test_the_unnamed_source_of_a_quote_tells_of_it() -> None:
    text = '"Kami semua takut," ungkap sumber itu, seorang honorer yang bekerja di kantor itu.'
    assert mostly_patient(text, [mention(text, "honorer")])


def test_a_headlines_bare_verb_acts_on_the_posts_it_joins() -> None:
    assert acted_on_in_title("Kepala Distrik Diduga Kumpulkan Staf dan Honorer") == {"staf", "honorer"}
    assert acted_on_in_title("Kepala Distrik dan Staf Pasang Baliho Paslon") == set()


def test_those_burdened_with_a_duty_are_acted_on() -> None:
    text = "Kepala sekolah itu membebani setiap guru honorer dengan target menggalang pemilih."
    assert mostly_patient(text, [mention(text, "guru honorer")])
    text = "Guru honorer yang dibebani target itu akhirnya bercerita kepada pengawas."
    assert mostly_patient(text, [mention(text, "Guru honorer")])


def test_a_room_named_for_a_post_is_nobody(run_until: Run) -> None:
    doc = run_until(
        "Poster calon bupati itu ditemukan tertempel di pintu ruang guru dan ruangan tata usaha SMP tersebut.",
        "netra_persons",
    )
    assert [p.position for p in doc._.persons] == []
