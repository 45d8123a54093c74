"""Monitors' decisions on media cases, written to ``raw.review_decisions``.

The payload of each kind is the warehouse's contract (the latest decision per
field wins on the next ``netra build``):

- ``confirm`` ``{}``; ``reject`` ``{}`` with a ``reason_code`` from
  :data:`REASON_CODES` and a note;
- ``edit`` any of ``{"conduct": [...], "region": {"province", "regency"},
  "actors": [...], "status": "..."}``;
- ``merge`` ``{"into": "<media_case_id>"}``; ``split`` ``{"article_ids": [...]}``;
- ``link`` / ``unlink`` ``{"source", "nomor_laporan"}``;
- ``report_onward`` ``{"to": "KASN|BKN|BAWASLU", "note"}``.

Every form carries a ``request_id`` (a UUID made when the page was drawn), so
a form posted twice is stored once.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from netra.app.i18n import Labelled
from netra.db.schema import REVIEW_DECISIONS, official_cases, review_decisions, users
from nlp.regions import gazetteer

REASON_CODES = (
    "NOT_ASN",
    "NOT_ELECTION",
    "NO_INCIDENT",
    "DUPLICATE",
    "WRONG_EXTRACTION",
    "INSUFFICIENT_EVIDENCE",
    "OTHER",
)
ONWARD_TO = ("KASN", "BKN", "BAWASLU")
CASE_STATUSES = ("REPORTED", "UNDER_REVIEW", "RECOMMENDED", "SANCTIONED", "DISMISSED")
ACTOR_TYPES = (
    "PNS",
    "PPPK",
    "ASN",
    "KEPALA_DESA",
    "PERANGKAT_DESA",
    "TNI",
    "POLRI",
    "PEJABAT_POLITIK",
    "LAINNYA",
)
CONDUCT_CODE = re.compile(r"^C[0-9]{2}_[A-Z_]+$")
CONFIRMABLE = ("actors", "conduct", "region", "status")
# Decisions that take a case out of the queue at once, before the next warehouse build.
CLOSING = ("confirm", "reject", "merge")
NOTE_MAX = 2000


class DecisionError(Labelled):
    """A decision form that cannot be stored; the message names the field."""


@dataclass(frozen=True)
class CaseFacts:
    """What validation needs to know about the case being decided."""

    media_case_id: str
    article_ids: Sequence[int] = ()
    conduct_codes: Sequence[str] = ()  # every known code (dim_conduct)
    linked: Sequence[tuple[str, str]] = ()  # (source, nomor_laporan) of current links


@dataclass
class Decision:
    case_key: str
    decision: str
    payload: dict[str, Any] = field(default_factory=dict)
    reason_code: str | None = None
    note: str | None = None


def _one(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    if isinstance(value, list):
        value = value[-1] if value else ""
    return (value or "").strip() if isinstance(value, str) else ""


def _many(form: Mapping[str, Any], name: str) -> list[str]:
    value = form.get(name)
    items = value if isinstance(value, list) else [value] if value else []
    return [v.strip() for v in items if isinstance(v, str) and v.strip()]


def _note(form: Mapping[str, Any]) -> str | None:
    note = _one(form, "note")
    if len(note) > NOTE_MAX:
        raise DecisionError("decision.note_too_long", limit=NOTE_MAX)
    return note or None


def parse(kind: str, form: Mapping[str, Any], case: CaseFacts, conn: sa.Connection) -> Decision:
    """Turn a posted form into a Decision, or raise DecisionError naming what is wrong."""
    if kind not in REVIEW_DECISIONS:
        raise DecisionError("decision.unknown_kind", kind=kind)
    decision = Decision(case.media_case_id, kind, note=_note(form))
    if kind == "confirm":
        chosen = set(_many(form, "fields"))
        if chosen - set(CONFIRMABLE):
            raise DecisionError("decision.bad_fields", choices=", ".join(CONFIRMABLE))
        # No "fields" (or all of them) confirms the whole case, as the warehouse reads an empty payload.
        if chosen and chosen != set(CONFIRMABLE):
            decision.payload = {"fields": sorted(chosen)}
    elif kind == "reject":
        reason = _one(form, "reason_code")
        if reason not in REASON_CODES:
            raise DecisionError("decision.bad_reason", choices=", ".join(REASON_CODES))
        if reason == "OTHER" and not decision.note:
            raise DecisionError("decision.note_needed")
        decision.reason_code = reason
    elif kind == "edit":
        decision.payload = _edit_payload(form, case)
    elif kind == "merge":
        into = _one(form, "into")
        if not into or into == case.media_case_id:
            raise DecisionError("decision.into_needed")
        decision.payload = {"into": into}
    elif kind == "split":
        try:
            chosen = sorted({int(v) for v in _many(form, "article_ids")})
        except ValueError:
            raise DecisionError("decision.not_article_numbers") from None
        unknown = set(chosen) - set(case.article_ids)
        if unknown:
            raise DecisionError("decision.foreign_articles", ids=sorted(unknown))
        if not chosen or len(chosen) >= len(set(case.article_ids)):
            raise DecisionError("decision.split_some")
        decision.payload = {"article_ids": chosen}
    elif kind in ("link", "unlink"):
        source, nomor = _one(form, "source"), _one(form, "nomor_laporan")
        if not source or not nomor:
            raise DecisionError("decision.link_needs_both")
        if kind == "link" and not _official_exists(conn, source, nomor):
            raise DecisionError("decision.no_official_record", nomor=nomor, source=source)
        if kind == "unlink" and (source, nomor) not in set(case.linked):
            raise DecisionError("decision.not_linked", nomor=nomor, source=source)
        decision.payload = {"source": source, "nomor_laporan": nomor}
    elif kind == "report_onward":
        to = _one(form, "to")
        if to not in ONWARD_TO:
            raise DecisionError("decision.bad_onward", choices=", ".join(ONWARD_TO))
        decision.payload = {"to": to, "note": decision.note or ""}
    return decision


def _edit_payload(form: Mapping[str, Any], case: CaseFacts) -> dict[str, Any]:
    payload: dict[str, Any] = {}
    conduct = _many(form, "conduct")
    if conduct:
        known = set(case.conduct_codes)
        bad = [c for c in conduct if not CONDUCT_CODE.match(c) or (known and c not in known)]
        if bad:
            raise DecisionError("decision.unknown_codes", codes=bad)
        payload["conduct"] = sorted(set(conduct))
    province, regency = _one(form, "province"), _one(form, "regency")
    if province or regency:
        places = gazetteer()
        if province not in places.provinces:
            raise DecisionError("decision.not_province", province=province)
        if regency:
            region = places.regencies.get(regency)
            if region is None or region.province != province:
                raise DecisionError("decision.not_regency", regency=regency, province=province)
        payload["region"] = {"province": province, "regency": regency or None}
    actor = {
        "name": _one(form, "actor_name"),
        "position": _one(form, "actor_position"),
        "actor_type": _one(form, "actor_type"),
        "institution": _one(form, "actor_institution"),
    }
    if any(actor.values()):
        if actor["actor_type"] and actor["actor_type"] not in ACTOR_TYPES:
            raise DecisionError("decision.bad_actor_type", choices=", ".join(ACTOR_TYPES))
        payload["actors"] = [{k: (v or None) for k, v in actor.items()}]
    status = _one(form, "status")
    if status:
        if status not in CASE_STATUSES:
            raise DecisionError("decision.bad_status", choices=", ".join(CASE_STATUSES))
        payload["status"] = status
    if not payload:
        raise DecisionError("decision.nothing_to_edit")
    return payload


def _official_exists(conn: sa.Connection, source: str, nomor: str) -> bool:
    stmt = sa.select(sa.literal(1)).where(
        official_cases.c.source == source, official_cases.c.nomor_laporan == nomor
    )
    return conn.execute(stmt).first() is not None


def request_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        raise DecisionError("decision.reload") from None


def store(conn: sa.Connection, decision: Decision, request: uuid.UUID, user_id: int) -> int | None:
    """Insert the decision; None when this request was stored before (a double post)."""
    stmt = (
        insert(review_decisions)
        .values(
            request_id=request,
            case_key=decision.case_key,
            decision=decision.decision,
            payload=decision.payload,
            reason_code=decision.reason_code,
            note=decision.note,
            user_id=user_id,
        )
        .on_conflict_do_nothing(index_elements=["request_id"])
        .returning(review_decisions.c.decision_id)
    )
    return conn.execute(stmt).scalar()


def history(conn: sa.Connection, case_keys: Sequence[str]) -> list[sa.RowMapping]:
    """Decisions on any of ``case_keys`` (the case and its article-cases), newest first, with who took them."""
    stmt = (
        sa.select(
            review_decisions.c.decision_id,
            review_decisions.c.case_key,
            review_decisions.c.decision,
            review_decisions.c.payload,
            review_decisions.c.reason_code,
            review_decisions.c.note,
            review_decisions.c.decided_at,
            users.c.username,
            users.c.display_name,
        )
        .join(users, users.c.user_id == review_decisions.c.user_id)
        .where(review_decisions.c.case_key.in_(list(case_keys)))
        .order_by(review_decisions.c.decided_at.desc(), review_decisions.c.decision_id.desc())
    )
    return list(conn.execute(stmt).mappings())
