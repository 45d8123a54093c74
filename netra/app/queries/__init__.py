"""SQL over the warehouse marts (read) for the review app. Bound parameters only.

The marts belong to dbt (``dbt/models/marts``); column names here are theirs.
When the marts have not been built yet, queries raise :class:`WarehouseMissing`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from psycopg import errors as pg_errors

from netra.errors import NetraError


class WarehouseMissing(NetraError):
    """The marts schema or one of its tables does not exist: run `netra build`."""


@contextmanager
def reading(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A connection for reading the marts; a missing mart becomes WarehouseMissing."""
    try:
        with engine.connect() as conn:
            yield conn
    except sa.exc.ProgrammingError as exc:
        if isinstance(exc.orig, pg_errors.UndefinedTable | pg_errors.InvalidSchemaName):
            raise WarehouseMissing(str(exc.orig).splitlines()[0]) from None
        raise
