"""The demo sites' server: a proxy by host name, conditional GET, a real listen backlog."""

from __future__ import annotations

import http.client
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from netra.demo.server import LISTEN_BACKLOG, DemoServer
from netra.demo.sites import serve


def _get(port: int, url: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", url, headers=headers or {})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def test_proxy_requests_conditional_get_and_concurrency(corpus_dir: Path) -> None:
    assert DemoServer.request_queue_size == LISTEN_BACKLOG >= 128
    with serve(corpus_dir=corpus_dir) as demo:
        first = _get(demo.port, "http://tribunnusa.example/sitemap.xml")
        assert first.status == 200 and first.getheader("ETag")
        again = _get(
            demo.port, "http://tribunnusa.example/sitemap.xml", {"If-None-Match": first.getheader("ETag")}
        )
        assert again.status == 304
        assert _get(demo.port, "http://unknown.example/").status == 502
        # 200 connections at once: http.server's default backlog of 5 would refuse some.
        with ThreadPoolExecutor(max_workers=100) as pool:
            statuses = list(
                pool.map(lambda _: _get(demo.port, "http://detakdaerah.example/rss").status, range(200))
            )
        assert statuses == [200] * 200
