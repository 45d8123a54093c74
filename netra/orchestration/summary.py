"""What a pipeline run produced, read back from the database: the figures ``netra demo`` prints.

Every query reads tables that may not exist yet on a fresh or half-built
warehouse; a missing table counts as absent, never as an error.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import URL

# Names in the warehouse's contract (dbt/models/marts); absent ones are shown as "n/a".
MEDIA_CASES = "fct_media_cases"
CASE_LINKS = "fct_case_links"


@dataclass
class Summary:
    """Figures of the whole warehouse after a run."""

    sources: int = 0
    pages: int = 0
    articles: int = 0
    annotated: int = 0
    relevant: int = 0
    official_cases: int = 0
    official_rejects: int = 0
    media_cases: int | None = None
    linked_cases: int | None = None
    task_failures: int = 0
    marts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _count(conn: sa.Connection, sql: str) -> int | None:
    try:
        with conn.begin_nested():
            return int(conn.execute(sa.text(sql)).scalar_one() or 0)
    except sa.exc.ProgrammingError:  # table or column not there (yet)
        return None


def _tables(conn: sa.Connection, schema: str) -> list[str]:
    rows = conn.execute(
        sa.text(
            "select table_name from information_schema.tables "
            "where table_schema = :s and table_type = 'BASE TABLE' order by table_name"
        ),
        {"s": schema},
    )
    return [r[0] for r in rows]


def collect(engine: sa.Engine) -> Summary:
    """Read the figures from the raw tables and the marts."""
    s = Summary()
    with engine.connect() as conn:
        for name, sql in {
            "sources": "select count(*) from raw.sources where active",
            "pages": "select count(*) from raw.pages",
            "articles": "select count(*) from raw.articles",
            "annotated": "select count(distinct article_id) from raw.annotations where error is null",
            "relevant": "select count(distinct article_id) from raw.annotations where relevant",
            "official_cases": "select count(*) from raw.official_cases",
            "official_rejects": "select count(*) from raw.official_rejects",
            "task_failures": "select count(*) from raw.task_failures",
        }.items():
            setattr(s, name, _count(conn, sql) or 0)
        marts = _tables(conn, "marts")
        for table in marts:
            # Table names come from the catalogue, quoted as identifiers: no user input reaches SQL.
            quoted = conn.dialect.identifier_preparer.quote(table)
            s.marts[table] = _count(conn, f"select count(*) from marts.{quoted}") or 0  # noqa: S608
        if MEDIA_CASES in marts:
            s.media_cases = s.marts[MEDIA_CASES]
        if CASE_LINKS in marts:
            s.linked_cases = _count(conn, f"select count(distinct media_case_id) from marts.{CASE_LINKS}")  # noqa: S608
    return s


def psql_command(url: URL) -> str:
    """A ``psql`` command line that reaches the database (never with the password)."""
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    port = url.port or url.query.get("port") or 5432
    if isinstance(port, tuple):
        port = port[0]
    user = url.username or "postgres"
    return f'psql "host={host} port={port} dbname={url.database} user={user}"'
