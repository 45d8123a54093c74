"""`netra.loaders.annotations`: annotate what raw.articles needs, per pipeline version, idempotently."""

from __future__ import annotations

import hashlib

import jsonschema
import pytest
import sqlalchemy as sa
from spacy.language import Language

from netra.db import schema
from netra.loaders import annotations as loader
from tests.nlp.conftest import schema_errors

CASE = (
    "KENDARI - PNS berinisial LA itu kedapatan menempelkan stiker bergambar wajah seorang bakal calon wali kota "
    "Kendari di kaca mobil pribadinya. Bawaslu Kota Kendari memanggil LA untuk klarifikasi menjelang Pilkada 2024."
)
OTHER = "MAKASSAR - Harga cabai rawit di pasar tradisional naik menjelang akhir pekan karena hujan deras."


def add_article(conn: sa.Connection, url: str, text: str) -> int:
    return conn.execute(
        sa.insert(schema.articles)
        .values(
            canonical_url=url,
            source_name="kendaripos",
            title="Judul",
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        .returning(schema.articles.c.article_id)
    ).scalar_one()


@pytest.fixture
def articles(engine: sa.Engine) -> dict[str, int]:
    with engine.begin() as conn:
        conn.execute(sa.insert(schema.sources).values(name="kendaripos", domain="kendaripos.example"))
        return {
            "case": add_article(conn, "https://kendaripos.example/1", CASE),
            "other": add_article(conn, "https://kendaripos.example/2", OTHER),
            "empty": add_article(conn, "https://kendaripos.example/3", ""),
        }


def rows(engine: sa.Engine) -> list[sa.Row]:
    with engine.connect() as conn:
        return conn.execute(sa.select(schema.annotations).order_by(schema.annotations.c.article_id)).all()


def test_annotates_once_then_only_what_changed(
    engine: sa.Engine, articles: dict[str, int], nlp: Language, validator: jsonschema.Draft202012Validator
) -> None:
    first = loader.annotate_pending(engine, nlp=nlp, batch_size=2)
    assert (first.selected, first.annotated, first.errors, first.batches) == (3, 3, 1, 2)
    stored = {r.article_id: r for r in rows(engine)}
    case = stored[articles["case"]]
    assert case.pipeline_version == first.pipeline_version and case.relevant is True
    assert case.article_types == ["CASE_REPORT"] and case.error is None
    assert schema_errors(validator, case.payload) == []
    assert case.payload["source"] == "kendaripos.example"
    assert case.payload["cases"][0]["conduct"] == ["C03_ALAT_PERAGA"]
    assert stored[articles["other"]].relevant is False
    assert stored[articles["empty"]].error == "empty text" and stored[articles["empty"]].relevant is None

    again = loader.annotate_pending(engine, nlp=nlp)
    assert (again.selected, again.annotated) == (0, 0)

    changed = OTHER + " Pedagang mengeluh."
    with engine.begin() as conn:
        conn.execute(
            sa.update(schema.articles)
            .where(schema.articles.c.article_id == articles["other"])
            .values(text=changed, content_hash=hashlib.sha256(changed.encode()).hexdigest())
        )
    third = loader.annotate_pending(engine, nlp=nlp)
    assert (third.selected, third.updated, third.inserted) == (1, 1, 0)
    assert "Pedagang" in {r.article_id: r for r in rows(engine)}[articles["other"]].payload["text"]


def test_a_new_pipeline_version_annotates_everything_again_beside_the_old(
    engine: sa.Engine, articles: dict[str, int], nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader.annotate_pending(engine, nlp=nlp)
    monkeypatch.setattr("nlp.version.VERSION", "99.0.0")
    newer = loader.annotate_pending(engine, nlp=nlp, limit=2)
    assert newer.pipeline_version.endswith("99.0.0") and (newer.selected, newer.inserted) == (2, 2)
    versions = [r.pipeline_version for r in rows(engine)]
    assert len(versions) == 5 and versions.count(newer.pipeline_version) == 2
