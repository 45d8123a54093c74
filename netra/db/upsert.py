"""Idempotent batched upserts keyed on natural keys.

Every loader goes through :func:`upsert`, so re-running a load is safe: a row
whose key exists is updated only when one of its compared columns changed, and
the result tells how many rows were inserted, updated and left unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert


@dataclass
class UpsertResult:
    """Counts of one upsert, plus the keys of rows that were written."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0

    def __iadd__(self, other: UpsertResult) -> UpsertResult:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self

    @property
    def total(self) -> int:
        return self.inserted + self.updated + self.unchanged


def _batches(rows: Iterable[Mapping[str, Any]], size: int) -> Iterable[list[Mapping[str, Any]]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def upsert(
    conn: sa.Connection,
    table: sa.Table,
    rows: Iterable[Mapping[str, Any]],
    key: Sequence[str],
    *,
    compare: Sequence[str] | None = None,
    touch: Sequence[str] = ("updated_at",),
    batch_size: int = 1000,
    returning: Sequence[str] = (),
) -> tuple[UpsertResult, list[sa.Row]]:
    """Insert ``rows`` into ``table``, or update them where ``key`` already exists.

    ``compare`` lists the columns whose change makes an update (default: every
    column given except the key); unchanged rows are not written at all, so
    their ``updated_at`` stays put. Columns in ``touch`` that exist on the
    table are set to ``now()`` on update. Returns the counts and, for written
    rows, the ``returning`` columns.
    """
    result = UpsertResult()
    written: list[sa.Row] = []
    for raw_batch in _batches(rows, batch_size):
        # PostgreSQL refuses to update one row twice in a statement: last duplicate wins.
        batch = list({tuple(r[k] for k in key): r for r in raw_batch}.values())
        columns = list(batch[0].keys())
        compare_cols = [c for c in (compare or columns) if c not in key]
        stmt = insert(table).values(batch)
        excluded = stmt.excluded
        set_ = {c: excluded[c] for c in columns if c not in key}
        for col in touch:
            if col in table.c and col not in set_:
                set_[col] = sa.func.now()
        changed = (
            sa.or_(*[table.c[c].is_distinct_from(excluded[c]) for c in compare_cols])
            if compare_cols
            else None
        )
        if set_:
            stmt = stmt.on_conflict_do_update(index_elements=list(key), set_=set_, where=changed)
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=list(key))
        # xmax = 0 only for a freshly inserted tuple: the standard way to tell insert from update.
        inserted_flag = sa.literal_column("(xmax = 0)").label("_inserted")
        stmt = stmt.returning(inserted_flag, *[table.c[c] for c in returning])
        rows_out = conn.execute(stmt).all()
        ins = sum(1 for r in rows_out if r._inserted)
        result.inserted += ins
        result.updated += len(rows_out) - ins
        result.unchanged += len(raw_batch) - len(rows_out)
        written.extend(rows_out)
    return result, written
