"""What the person component found in a text, as (name, position, actor type) triples."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[[str, str], Doc]


def people(run: Run, text: str) -> list[tuple[str | None, str | None, str | None]]:
    doc = run(text, "netra_persons")
    return [(p.name, p.position, p.actor_type) for p in doc._.persons]
