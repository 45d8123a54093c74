"""The demo sites' HTTP server: one threaded server on 127.0.0.1 for every ``*.example`` host.

Crawlers reach it as an HTTP proxy (absolute-URI requests, ``GET http://site.example/...``)
and it answers by host, so page URLs keep their real-looking form whatever the port.
It honours conditional GET (ETag / Last-Modified), and serves the broken pages the
crawler must survive. Its listen backlog is large: ``http.server``'s default of 5
collapses under a crawler's concurrency.

Run it alone with ``python -m netra.demo.server`` (prints ``READY <port>``), or use
:func:`netra.demo.sites.serve`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import signal
import sys
import threading
import time
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from netra.demo.render import (
    RenderedPage,
    feed,
    render_article,
    render_listing,
    robots,
    sitemap,
)
from netra.demo.synthetic import HOST as SYNTHETIC_HOST
from netra.demo.synthetic import SyntheticSite
from netra.demo.world import REDIRECT_LOOP_TWIN, SITES, World, build_world

TOO_LARGE_BYTES = 10 * 1024 * 1024
LISTEN_BACKLOG = 1024


class DemoApp:
    """Maps (host, path) to a page of the demo world."""

    def __init__(
        self,
        world: World,
        synthetic: SyntheticSite | None,
        slow_seconds: float,
        access_log: Path | None = None,
    ) -> None:
        self.world = world
        self.access_log = access_log.open("a", encoding="utf-8", buffering=1) if access_log else None
        self.synthetic = synthetic
        self.slow_seconds = slow_seconds
        self._lock = threading.Lock()
        self._flaky_hits = 0
        self.listing_pages: dict[tuple[str, str], int] = {}
        for host, site in SITES.items():
            pages = max(1, -(-len(world.by_site[host]) // site.per_listing_page))
            for n in range(1, pages + 1):
                self.listing_pages[(host, site.listing_path(n))] = n
            self.listing_pages.setdefault((host, "/"), 1)

    def log_request(
        self, handler: BaseHTTPRequestHandler, host: str, target: str, status: int | None
    ) -> None:
        """A JSON line when a request arrives (status null) and one when it is answered (tests
        check what the crawler asked for, how, and what it got)."""
        if self.access_log is None:
            return
        record = {
            "method": handler.command,
            "host": host,
            "target": target,
            "status": status,
            "user_agent": handler.headers.get("User-Agent"),
            "conditional": bool(
                handler.headers.get("If-None-Match") or handler.headers.get("If-Modified-Since")
            ),
            "at": time.time(),
        }
        with self._lock:
            self.access_log.write(json.dumps(record) + "\n")

    def respond(self, host: str, target: str) -> RenderedPage:
        if host == SYNTHETIC_HOST and self.synthetic is not None:
            return self.synthetic.render(target) or _not_found()
        if host not in SITES:
            return RenderedPage(502, "text/plain", f"unknown host {host}\n".encode())
        if target == "/robots.txt":
            return robots(host)
        if (page := sitemap(self.world, host, target)) is not None:
            return page
        if (page := feed(self.world, host, target)) is not None:
            return page
        if (host, target) in self.listing_pages:
            return render_listing(self.world, host, self.listing_pages[(host, target)]) or _not_found()
        if (kind := self.world.broken_pages.get((host, target))) is not None:
            return self.broken(kind, host, target)
        if host == "radarpesisir.example" and target == REDIRECT_LOOP_TWIN:
            return self.broken("redirect_loop", host, target)
        return self.article(host, target)

    def article(self, host: str, target: str) -> RenderedPage:
        parts = urlsplit(target)
        query = parse_qs(parts.query)
        page_no = 1
        path = target
        if "page" in query and host == "tribunnusa.example":
            path = parts.path
            raw = query["page"][0]
            page_no = 0 if raw == "all" else int(raw) if raw.isdigit() else -1
        article = self.world.by_path.get((host, path))
        if article is None or article.broken is not None or page_no < 0 or page_no > article.page_count:
            return _not_found()
        if article is self.world.flaky:
            with self._lock:
                self._flaky_hits += 1
                first = self._flaky_hits == 1
            if first:
                return RenderedPage(503, "text/plain", b"Service Unavailable\n", headers={"Retry-After": "1"})
        if article is self.world.wrong_charset:
            page = render_article(self.world, article, 1, charset="utf-8")
            # Declared UTF-8, sent as Windows-1252: the classic small-site mistake.
            page.body = page.body.decode("utf-8").encode("cp1252", "replace")
            return page
        if page_no == 0:
            whole = render_article(self.world, article, 1)
            return whole
        return render_article(self.world, article, page_no)

    def broken(self, kind: str, host: str, target: str) -> RenderedPage:
        if kind == "http_500":
            return RenderedPage(
                500, "text/html", b"<html><body><h1>500 Internal Server Error</h1></body></html>"
            )
        if kind == "timeout":
            time.sleep(self.slow_seconds)
            return RenderedPage(200, "text/html", b"<html><body><p>Terlambat.</p></body></html>")
        if kind == "malformed_html":
            junk = bytes((i * 131 + 7) % 256 for i in range(6000))
            body = (
                b"<html><head><title>Laporan</ti\x00tle><body><p>Bawaslu <b><i>mem"
                + junk
                + b"</div></span></p>"
            )
            return RenderedPage(200, "text/html; charset=utf-8", body)
        if kind == "too_large":
            filler = b"<p>" + b"Rekapitulasi suara tingkat kecamatan. " * 25 + b"</p>\n"
            body = b"<html><body>" + filler * (TOO_LARGE_BYTES // len(filler) + 1) + b"</body></html>"
            return RenderedPage(200, "text/html; charset=utf-8", body)
        if kind == "redirect_loop":
            other = REDIRECT_LOOP_TWIN if target != REDIRECT_LOOP_TWIN else self._loop_start()
            return RenderedPage(302, "text/html", b"", headers={"Location": f"http://{host}{other}"})
        if kind == "not_html":
            body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            return RenderedPage(200, "application/pdf", body)
        return _not_found()

    def _loop_start(self) -> str:
        return next(path for (h, path), kind in self.world.broken_pages.items() if kind == "redirect_loop")


def _not_found() -> RenderedPage:
    return RenderedPage(
        404, "text/html; charset=utf-8", b"<html><body><h1>404 Halaman tidak ditemukan</h1></body></html>"
    )


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "NetraDemo/1"
    app: DemoApp

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _target(self) -> tuple[str, str]:
        raw = self.path
        if raw.startswith(("http://", "https://")):
            parts = urlsplit(raw)
            host = parts.hostname or ""
            target = parts.path or "/"
        else:
            parts = urlsplit(raw)
            host = (self.headers.get("Host") or "").split(":")[0]
            target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        return host.lower(), target

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, *, head: bool) -> None:
        host, target = self._target()
        self.app.log_request(self, host, target, None)
        try:
            page = self.app.respond(host, target)
        except Exception as exc:  # a demo server bug must show as a 500, not a hung crawler
            page = RenderedPage(500, "text/plain", f"demo server error: {exc}\n".encode())
        status = page.status
        headers = dict(page.headers)
        if status == 200:
            etag = '"' + hashlib.sha1(page.body, usedforsecurity=False).hexdigest()[:16] + '"'
            headers["ETag"] = etag
            if page.last_modified is not None:
                headers["Last-Modified"] = format_datetime(page.last_modified.astimezone(), usegmt=False)
            if self._not_modified(etag, page):
                status = 304
        self.app.log_request(self, host, target, status)
        body = b"" if status == 304 or head else page.body
        self.send_response(status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body) if head and status != 304 else len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the crawler gave up on a large or slow page

    def _not_modified(self, etag: str, page: RenderedPage) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match:
            return etag in [t.strip() for t in if_none_match.split(",")]
        since = self.headers.get("If-Modified-Since")
        if since and page.last_modified is not None:
            try:
                return page.last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False


class DemoServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = LISTEN_BACKLOG


def make_server(
    port: int = 0,
    *,
    corpus_dir: Path | None = None,
    updated: set[str] | None = None,
    synthetic: int = 0,
    slow_seconds: float = 30.0,
    access_log: Path | None = None,
    prerender: bool = False,
) -> DemoServer:
    world = (
        build_world(corpus_dir, updated=updated or set())
        if corpus_dir
        else build_world(updated=updated or set())
    )
    site = SyntheticSite(synthetic) if synthetic else None
    if site is not None and prerender:
        site.prerender()
    app = DemoApp(world, site, slow_seconds, access_log)
    handler = type("BoundHandler", (Handler,), {"app": app})
    return DemoServer(("127.0.0.1", port), handler)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve Netra's offline demo sites on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument(
        "--updated", default="", help="comma-separated corpus ids edited since the first crawl"
    )
    parser.add_argument("--synthetic", type=int, default=0, help="articles on the synthetic site")
    parser.add_argument("--slow-seconds", type=float, default=30.0, help="how long the slow page stalls")
    parser.add_argument("--access-log", type=Path, default=None, help="append one JSON line per request here")
    parser.add_argument("--prerender", action="store_true", help="render the synthetic site before serving")
    args = parser.parse_args(argv)
    server = make_server(
        args.port,
        corpus_dir=args.corpus,
        updated={u for u in args.updated.split(",") if u},
        synthetic=args.synthetic,
        slow_seconds=args.slow_seconds,
        access_log=args.access_log,
        prerender=args.prerender,
    )
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
    print(f"READY {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    sys.exit(0)


if __name__ == "__main__":
    main()
