"""The position lexicon: forms as news writes them, including the possessive of a unit's post."""

from __future__ import annotations

from nlp.positions import find_positions


def test_a_units_post_with_the_possessive_nya_is_that_post() -> None:
    found = find_positions("Warga Desa Sukarame mengadu. Kepala desanya, Rahmat, membagikan kalender caleg.")
    assert [(p.canonical, p.actor_type) for p in found] == [("Kepala Desa", "KEPALA_DESA")]
    found = find_positions("Lurahnya ikut berfoto dengan calon wali kota.")
    assert [p.canonical for p in found] == ["Lurah"]


def test_a_generic_post_takes_no_possessive() -> None:
    # "gurunya" (its teachers) and "pegawainya" (its staff) describe no one in particular.
    assert find_positions("Sekolah itu meminta gurunya dan pegawainya netral.") == []
