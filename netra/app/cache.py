"""A small in-process cache for expensive read results (counts per filter, dashboard figures).

Entries live ``ttl`` seconds. A stale entry is still served while one background
thread recomputes it (for up to ``STALE_FACTOR`` times the TTL), so a busy page
never waits for its counts twice. Concurrent misses on one key compute once
(the others wait for that result). A decision clears the cache of its process;
other workers catch up within the TTL.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")
STALE_FACTOR = 10


@dataclass
class _Entry:
    value: Any
    at: float
    refreshing: bool = False


@dataclass
class _Flight:
    done: threading.Event = field(default_factory=threading.Event)
    value: Any = None
    ok: bool = False


class TTLCache:
    def __init__(self, ttl: float, max_entries: int = 512) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._flights: dict[Hashable, _Flight] = {}
        self._lock = threading.Lock()
        self._generation = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value of ``key``, computing it with ``compute`` (which opens its own connection)."""
        if self.ttl <= 0:
            return compute()
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                age = now - entry.at
                if age < self.ttl:
                    self._entries.move_to_end(key)
                    return entry.value
                if age < self.ttl * STALE_FACTOR:
                    if not entry.refreshing:
                        entry.refreshing = True
                        threading.Thread(target=self._refresh, args=(key, compute), daemon=True).start()
                    return entry.value
            flight = self._flights.get(key)
            owner = flight is None
            if flight is None:
                flight = self._flights[key] = _Flight()
        if not owner:
            if flight.done.wait(timeout=30) and flight.ok:
                return flight.value
            return compute()
        try:
            value = compute()
            flight.value, flight.ok = value, True
            self._store(key, value)
            return value
        finally:
            with self._lock:
                self._flights.pop(key, None)
            flight.done.set()

    def _refresh(self, key: Hashable, compute: Callable[[], Any]) -> None:
        generation = self._generation
        try:
            value = compute()
        except Exception:  # a failed refresh keeps the stale value; the next request retries
            with self._lock:
                entry = self._entries.get(key)
                if entry is not None:
                    entry.refreshing = False
            return
        if generation == self._generation:
            self._store(key, value)

    def _store(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._entries[key] = _Entry(value, time.monotonic())
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()
