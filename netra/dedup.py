"""Near-duplicate clustering: syndicated copies and rewrites of one story become one cluster.

Texts are reduced to MinHash signatures of word 3-shingles (datasketch); a MinHash
LSH index finds candidate pairs above the threshold, their estimated Jaccard
similarity confirms them, and connected pairs form clusters. A copy that names
its original (the syndication line) joins the original's cluster whatever its
text. Each cluster's canonical article is the original: not syndicated, then
earliest published, then first stored. ``raw.article_clusters`` gets one row per
clustered article, so the warehouse counts stories, not copies.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

import sqlalchemy as sa
from datasketch import MinHash, MinHashLSH

from netra.db import schema
from netra.db.upsert import upsert

NUM_PERM = 128
SHINGLE = 3
_WORD = re.compile(r"\w+", re.U)


@dataclass
class Doc:
    article_id: int
    text: str
    published_at: datetime | None
    canonical_url: str
    syndicated_from_url: str | None


@dataclass
class Assignment:
    article_id: int
    cluster_id: int
    is_canonical: bool
    similarity: float | None


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    # datasketch derives the permutations from the seed for every MinHash: derive them once.
    return MinHash(num_perm=num_perm, seed=1)


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


def signature(text: str, num_perm: int = NUM_PERM) -> MinHash:
    """MinHash of the text's shingles (crc32 hashes: C speed, and 32 bits is what MinHash uses)."""
    template = _template(num_perm)
    mh = MinHash(
        num_perm=num_perm,
        seed=1,
        hashfunc=_crc32,
        permutations=template.permutations,
        scheme=template.scheme,
    )
    mh.update_batch(list(shingles(text)))
    return mh


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster(docs: Sequence[Doc], threshold: float, num_perm: int = NUM_PERM) -> list[Assignment]:
    """Cluster assignments for every doc that has at least one near-duplicate."""
    if not docs:
        return []
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sigs: dict[int, MinHash] = {}
    uf = _UnionFind()
    for doc in docs:
        sig = signature(doc.text, num_perm)
        sigs[doc.article_id] = sig
        for other in lsh.query(sig):
            if sig.jaccard(sigs[other]) >= threshold:
                uf.union(doc.article_id, other)
        lsh.insert(doc.article_id, sig)
    # The crawler stores the syndication URL canonicalised, so it matches the original's key.
    by_url = {d.canonical_url: d.article_id for d in docs}
    for doc in docs:
        original = by_url.get(doc.syndicated_from_url or "")
        if original is not None and original != doc.article_id:
            uf.union(doc.article_id, original)
    return _assign(docs, uf, sigs)


def _assign(docs: Sequence[Doc], uf: _UnionFind, sigs: dict[int, MinHash]) -> list[Assignment]:
    groups: dict[int, list[Doc]] = {}
    for doc in docs:
        groups.setdefault(uf.find(doc.article_id), []).append(doc)
    out: list[Assignment] = []
    far = float("inf")
    for members in groups.values():
        if len(members) < 2:
            continue
        canonical = min(
            members,
            key=lambda d: (
                d.syndicated_from_url is not None,
                d.published_at.timestamp() if d.published_at else far,
                d.article_id,
            ),
        )
        for doc in members:
            is_canonical = doc is canonical
            sim = 1.0 if is_canonical else float(sigs[doc.article_id].jaccard(sigs[canonical.article_id]))
            out.append(Assignment(doc.article_id, canonical.article_id, is_canonical, round(sim, 4)))
    return out


def _window_docs(conn: sa.Connection, around: Iterable[int], window_days: int) -> list[Doc]:
    """The articles published within ``window_days`` of any of the given articles (and those without a date)."""
    a = schema.articles
    ids = list(around)
    if not ids:
        return []
    bounds = conn.execute(
        sa.select(sa.func.min(a.c.published_at), sa.func.max(a.c.published_at)).where(a.c.article_id.in_(ids))
    ).one()
    query = sa.select(a.c.article_id, a.c.text, a.c.published_at, a.c.canonical_url, a.c.syndicated_from_url)
    if bounds[0] is not None:
        lo, hi = bounds[0] - timedelta(days=window_days), bounds[1] + timedelta(days=window_days)
        query = query.where(sa.or_(a.c.published_at.between(lo, hi), a.c.published_at.is_(None)))
    return [Doc(*row) for row in conn.execute(query.order_by(a.c.article_id))]


def update_clusters(
    conn: sa.Connection, article_ids: Iterable[int], *, threshold: float, window_days: int
) -> set[int]:
    """Re-cluster the articles around ``article_ids``; returns those of them that are duplicates.

    Only the neighbourhood in time is compared (syndication happens within days), which
    keeps the cost flat as the archive grows. Articles that no longer have a duplicate
    lose their cluster row.
    """
    ids = set(article_ids)
    docs = _window_docs(conn, ids, window_days)
    assignments = cluster(docs, threshold)
    c = schema.article_clusters
    rows = [
        {
            "article_id": x.article_id,
            "cluster_id": x.cluster_id,
            "is_canonical": x.is_canonical,
            "similarity": x.similarity,
            "method": "minhash",
        }
        for x in assignments
    ]
    if rows:
        upsert(conn, c, rows, key=["article_id"], compare=["cluster_id", "is_canonical", "similarity"])
    clustered = {x.article_id for x in assignments}
    window = [d.article_id for d in docs]
    stale = [i for i in window if i not in clustered]
    if stale:
        conn.execute(sa.delete(c).where(c.c.article_id.in_(stale)))
    return {x.article_id for x in assignments if not x.is_canonical and x.article_id in ids}
