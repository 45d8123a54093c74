"""Warehouse benchmark: `dbt build` on 100,000 articles, then an incremental run after 1,000 more.

Articles come from the crawl benchmark's generator (``netra.demo.synthetic``), with
synthetic annotations in the ``netra annotate`` shape: about a third report a case
(some are follow-ups of an earlier case, some have syndicated copies), the rest are
not relevant. About 2,000 official register records (most of them the same incidents,
worded as registers do) go through ``netra load-reports``. Everything runs on a
private embedded PostgreSQL that the benchmark starts and deletes.

Times the runs exactly as the README tells operators to run them: the first complete build
(`netra build`, which checks source freshness and saves the state daily runs compare with),
then the daily run after 1,000 new articles (`netra build --daily`), their ratio (target: at
most 10%), the daily run with nothing new, and the floor: the smallest `netra build` there is
(one view, no freshness check), what any run pays before and after its nodes. Also the slowest
nodes and linkage precision/recall on the synthetic register; saves a chart to
bench/results/bench_dbt.png.

    .venv/bin/python bench/bench_dbt.py [--articles 100000] [--new 1000]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import psycopg
from rich.console import Console
from rich.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netra.db import embedded, migrate  # noqa: E402
from netra.demo.synthetic import SyntheticSite  # noqa: E402
from netra.loaders.report_values import CONDUCT_CODES  # noqa: E402
from netra.loaders.reports import load_files  # noqa: E402

out = Console()
RESULTS = ROOT / "bench" / "results"
SITES = ["sintesis.example", "tribunnusa.example", "detakdaerah.example", "radarpesisir.example"]
FIRST = [
    "Ahmad",
    "Siti",
    "Budi",
    "Dewi",
    "Yohanes",
    "Made",
    "Nur",
    "Rudi",
    "Sri",
    "Hendra",
    "Rina",
    "Agus",
    "Markus",
    "Fitri",
    "Bambang",
    "Yuliana",
    "Andi",
    "Ketut",
    "Taufik",
    "Maria",
    "Joko",
    "Lestari",
]
LAST = [
    "Santoso",
    "Rahmawati",
    "Siregar",
    "Nainggolan",
    "Wibowo",
    "Lestari",
    "Pattiasina",
    "Hasibuan",
    "Saputra",
    "Tefa",
    "Rumbewas",
    "Suardana",
    "Lubis",
    "Kurniawan",
    "Daeng",
    "Harahap",
    "Sinaga",
]
POSITIONS = [
    ("Kepala Sekolah", "SD Negeri {n} {place}", "Kepsek SDN {n} {place}"),
    ("guru", "SMP Negeri {n} {place}", "Guru SMPN {n} {place}"),
    ("Camat", "Pemerintah {reg}", "Camat {place}"),
    ("Lurah", "Pemerintah {reg}", "Lurah {place}"),
    ("Kepala Dinas Pendidikan", "Dinas Pendidikan {reg}", "Kadis Pendidikan"),
    ("Kepala Desa", "Pemerintah Desa {place}", "Kades {place}"),
    ("bidan", "Puskesmas {place}", "Bidan Puskesmas {place}"),
]
# The twelve conducts a synthetic incident draws from (not the catch-alls C13, C14, C99).
CONDUCT = [c for c in CONDUCT_CODES if c < "C13"]
KIND = {c: ("KECURANGAN_PEMILU" if c == "C12_POLITIK_UANG" else "NETRALITAS") for c in CONDUCT}


def regions() -> list[tuple[str, str]]:
    with (ROOT / "nlp" / "data" / "regions.csv").open(encoding="utf-8") as f:
        return [(r["province"], r["regency"]) for r in csv.DictReader(f)]


class Generator:
    """Deterministic synthetic articles, annotations, clusters and register rows."""

    def __init__(self, seed: int = 11) -> None:
        self.site = SyntheticSite(10**7)
        self.rng = random.Random(seed)
        self.regions = regions()
        self.incidents: list[dict] = []  # cases that follow-ups and registers refer back to

    def incident(self, i: int) -> dict:
        rng = self.rng
        province, regency = rng.choice(self.regions)
        place = regency.split(" ", 1)[1]
        position, employer, register_position = rng.choice(POSITIONS)
        n = rng.randint(1, 40)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        return {
            "name": name if rng.random() < 0.6 else "".join(w[0] for w in name.split()),
            "full_name": name,
            "position": position,
            "institution": employer.format(n=n, place=place, reg=regency),
            "register_position": register_position.format(n=n, place=place),
            "province": province,
            "regency": regency,
            "conduct": rng.choice(CONDUCT),
            "date": self.site.published(i).date() - timedelta(days=rng.randint(1, 6)),
            "article": i,
        }

    def article(self, i: int) -> tuple[dict, dict, list[dict]]:
        """(article row, annotation payload, syndicated copies) of article ``i``."""
        a = self.site.article(i)
        text = "\n\n".join(a.paragraphs[:5])
        url = f"https://{SITES[i % len(SITES)]}/berita/{i}"
        row = {
            "canonical_url": url,
            "source_name": SITES[i % len(SITES)],
            "title": a.title,
            "published_at": a.published_at.isoformat(),
            "text": text,
        }
        cases = []
        r = self.rng.random()
        if r < 0.33:
            if self.incidents and self.rng.random() < 0.15:
                base = self.rng.choice(self.incidents[-500:])  # a follow-up of a recent incident
                inc = dict(base, name=base["name"] if self.rng.random() < 0.5 else base["full_name"])
            else:
                inc = self.incident(i)
                self.incidents.append(inc)
            sentence = a.paragraphs[0]
            cases.append(
                {
                    "actors": [
                        {
                            "name": inc["name"],
                            "position": inc["position"],
                            "actor_type": "PNS",
                            "institution": inc["institution"],
                            "region": {"province": inc["province"], "regency": inc["regency"]},
                        }
                    ],
                    "conduct": [inc["conduct"]],
                    "violation_kind": [KIND[inc["conduct"]]],
                    "incident_date": inc["date"].isoformat(),
                    "region": {"province": inc["province"], "regency": inc["regency"]},
                    "status": "REPORTED",
                    "evidence": [{"start": 0, "end": len(sentence), "text": sentence}],
                }
            )
        payload = {
            "id": str(i),
            "url": url,
            "title": a.title,
            "published_at": row["published_at"],
            "text": text,
            "article_types": ["CASE_REPORT"] if cases else ["IRRELEVANT"],
            "relevant": bool(cases),
            "cases": cases,
            "institutions": [
                {"name": f"Bawaslu {c['region']['regency']}", "role": "OVERSIGHT", "mentions": []}
                for c in cases
            ],
            "statistics": [],
        }
        copies = []
        if cases and self.rng.random() < 0.1:
            copies.append(
                {**row, "canonical_url": url.replace("/berita/", "/salinan/"), "source_name": SITES[0]}
            )
        return row, payload, copies

    def register(self, count: int) -> tuple[list[dict], dict[str, int]]:
        """Register rows: most of them incidents the news reported, worded as registers do."""
        rows, truth = [], {}
        chosen = self.rng.sample(self.incidents, min(len(self.incidents), int(count * 0.6)))
        for k, inc in enumerate(chosen):
            nomor = f"SYN/{k:05d}"
            initials = "".join(w[0] for w in inc["full_name"].split())
            rows.append(
                {
                    "nomor_laporan": nomor,
                    "sumber": "KASN",
                    "tanggal_laporan": (inc["date"] + timedelta(days=14)).isoformat(),
                    "nama_terlapor": ".".join(initials) + ".",
                    "jabatan": inc["register_position"],
                    "instansi": inc["institution"].replace("Pemerintah Kabupaten", "Pemkab"),
                    "provinsi": inc["province"],
                    "kabupaten_kota": inc["regency"],
                    "jenis_pelanggaran": inc["conduct"],
                    "tanggal_kejadian": inc["date"].strftime("%d/%m/%Y"),
                    "rekomendasi": "sanksi moral",
                    "status_tindak_lanjut": "belum ditindaklanjuti",
                    "tanggal_tindak_lanjut": "",
                }
            )
            truth[f"KASN {nomor}"] = inc["article"]
        for k in range(len(chosen), count):
            inc = self.incident(self.rng.randint(1, 100_000))
            nomor = f"SYN/{k:05d}"
            rows.append(
                {
                    "nomor_laporan": nomor,
                    "sumber": "KASN",
                    "tanggal_laporan": (inc["date"] + timedelta(days=30)).isoformat(),
                    "nama_terlapor": "".join(w[0] for w in inc["full_name"].split()),
                    "jabatan": inc["register_position"],
                    "instansi": inc["institution"],
                    "provinsi": inc["province"],
                    "kabupaten_kota": inc["regency"],
                    "jenis_pelanggaran": inc["conduct"],
                    "tanggal_kejadian": "",
                    "rekomendasi": "sanksi moral",
                    "status_tindak_lanjut": "dalam proses",
                    "tanggal_tindak_lanjut": "",
                }
            )
        return rows, truth


def copy_rows(conn: psycopg.Connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    with conn.cursor().copy(f"copy raw.{table} ({', '.join(columns)}) from stdin") as copy:
        for row in rows:
            copy.write_row(row)


def load_articles(conninfo: str, gen: Generator, first: int, last: int, progress: Progress) -> None:
    """Articles, clusters and annotations first..last, in batches of 5,000 (COPY)."""
    task = progress.add_task(f"articles {first:,}-{last:,}", total=last - first + 1)
    with psycopg.connect(conninfo) as conn:
        if first == 1:
            copy_rows(conn, "sources", ["name", "domain"], [(s, s) for s in SITES])
        for lo in range(first, last + 1, 5000):
            hi = min(last, lo + 4999)
            rows, payloads, copies = [], {}, {}
            for i in range(lo, hi + 1):
                row, payload, cps = gen.article(i)
                rows.append(row)
                payloads[row["canonical_url"]] = payload
                for c in cps:
                    rows.append(c)
                    payloads[c["canonical_url"]] = {**payload, "url": c["canonical_url"]}
                    copies[c["canonical_url"]] = row["canonical_url"]
            copy_rows(
                conn,
                "articles",
                ["canonical_url", "source_name", "title", "published_at", "text", "content_hash"],
                [
                    (
                        r["canonical_url"],
                        r["source_name"],
                        r["title"],
                        r["published_at"],
                        r["text"],
                        hashlib.sha256(r["text"].encode()).hexdigest(),
                    )
                    for r in rows
                ],
            )
            ids = dict(
                conn.execute(
                    "select canonical_url, article_id from raw.articles where canonical_url = any(%s)",
                    (list(payloads),),
                ).fetchall()
            )
            copy_rows(
                conn,
                "article_clusters",
                ["article_id", "cluster_id", "is_canonical", "similarity"],
                [(ids[c], ids[o], False, 1.0) for c, o in copies.items()]
                + [(ids[o], ids[o], True, 1.0) for o in set(copies.values())],
            )
            copy_rows(
                conn,
                "annotations",
                ["article_id", "pipeline_version", "relevant", "article_types", "payload"],
                [
                    (ids[u], "bench-1", p["relevant"], p["article_types"], json.dumps(p))
                    for u, p in payloads.items()
                ],
            )
            conn.commit()
            progress.advance(task, hi - lo + 1)


def build(env: dict[str, str], label: str, log: Path, *args: str) -> tuple[float, dict]:
    started = time.perf_counter()
    with out.status(f"{label}: netra build {' '.join(args)} ..."), log.open("w") as f:
        proc = subprocess.run(
            [sys.executable, "-m", "netra", "build", *args],
            env=env,
            stdout=f,
            stderr=subprocess.STDOUT,
            check=False,
        )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        out.print(f"[red]{label} failed[/], see {log}")
        sys.exit(1)
    path = Path(env["NETRA_HOME"]) / "dbt" / "target" / "run_results.json"
    # A run that selects nothing writes no results.
    results = json.loads(path.read_text()) if path.exists() else {"results": []}
    return elapsed, results


def slowest(results: dict, n: int = 6) -> list[tuple[str, float]]:
    nodes = [(r["unique_id"].split(".")[-1], r["execution_time"]) for r in results["results"]]
    return sorted(nodes, key=lambda x: -x[1])[:n]


def by_layer(results: dict) -> dict[str, float]:
    layers: dict[str, float] = {}
    for r in results["results"]:
        uid = r["unique_id"]
        name = uid.split(".")[-1]
        kind = uid.split(".")[0]
        layer = kind if kind != "model" else name.split("_")[0]
        layers[layer] = layers.get(layer, 0.0) + r["execution_time"]
    return layers


def linkage(conninfo: str, truth: dict[str, int]) -> tuple[float, float]:
    with psycopg.connect(conninfo) as conn:
        linked = conn.execute(
            "select l.official_case_key, (regexp_match(a.canonical_url, '/berita/(\\d+)$'))[1]::int "
            "from marts.fct_case_links as l join marts.fct_media_case_articles as a using (media_case_id) "
            "where a.article_order = 1"
        ).fetchall()
        # A follow-up's incident is known by its first article: resolve truth the same way.
        first = dict(
            conn.execute(
                "select (regexp_match(b.canonical_url, '/berita/(\\d+)$'))[1]::int, "
                "(regexp_match(f.canonical_url, '/berita/(\\d+)$'))[1]::int "
                "from marts.fct_media_case_articles as b join marts.fct_media_case_articles as f "
                "on f.media_case_id = b.media_case_id and f.article_order = 1 where b.canonical_url like '%/berita/%'"
            ).fetchall()
        )
    predicted = dict(linked)
    expected = {k: first.get(v, v) for k, v in truth.items()}
    correct = sum(1 for k, v in predicted.items() if expected.get(k) == v)
    return correct / max(len(predicted), 1), correct / max(len(expected), 1)


def chart(
    layers_full: dict[str, float], layers_incr: dict[str, float], walls: dict[str, float]
) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    RESULTS.mkdir(parents=True, exist_ok=True)
    keys = sorted(set(layers_full) | set(layers_incr), key=lambda k: -layers_full.get(k, 0))
    full, incr = walls["full build"], walls["daily, 1,000 new"]
    fig, (walls_ax, ax) = plt.subplots(1, 2, figsize=(13, 4), gridspec_kw={"width_ratios": [2, 3]})
    names = list(walls)
    bars = walls_ax.bar(names, [walls[n] for n in names], color=["C0", "C1", "C2", "C7"])
    walls_ax.axhline(0.1 * full, color="red", linestyle="--", label="10% of the full build")
    walls_ax.bar_label(bars, fmt="%.1f s")
    walls_ax.set_ylabel("seconds (wall, whole command)")
    walls_ax.set_title("netra build")
    walls_ax.tick_params(axis="x", labelsize=8)
    walls_ax.legend()
    xs = range(len(keys))
    ax.bar(
        [x - 0.2 for x in xs],
        [layers_full.get(k, 0) for k in keys],
        0.4,
        label=f"full build ({full:.0f}s wall)",
    )
    ax.bar(
        [x + 0.2 for x in xs],
        [layers_incr.get(k, 0) for k in keys],
        0.4,
        label=f"daily run ({incr:.0f}s wall)",
    )
    ax.set_xticks(list(xs), keys)
    ax.set_ylabel("seconds (sum of node times)")
    ax.set_title("dbt nodes by layer: 100,000 articles, then 1,000 new")
    ax.legend()
    fig.tight_layout()
    path = RESULTS / "bench_dbt.png"
    fig.savefig(path, dpi=120)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--register", type=int, default=2_000)
    args = parser.parse_args()

    # The home (with the dbt logs) is kept only when a build failed.
    with embedded.scratch("netra-bench-dbt-", "bench", keep_on_error=True) as (home, server):
        import sqlalchemy as sa

        url = server.url("bench")
        engine = sa.create_engine(url)
        migrate.upgrade(engine)
        gen = Generator()
        t0 = time.perf_counter()
        with Progress(console=out) as progress:
            load_articles(server.conninfo("bench"), gen, 1, args.articles, progress)
        rows, truth = gen.register(args.register)
        register = home / "register.csv"
        with register.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        (report,), _ = load_files(engine, [register])
        out.print(
            f"loaded {args.articles:,} articles ({len(gen.incidents):,} incidents), "
            f"{report.loaded:,} register rows ({report.rejected} rejected) in {time.perf_counter() - t0:.0f}s"
        )

        env = {k: v for k, v in os.environ.items() if not k.startswith("NETRA_")}
        env.update(NETRA_HOME=str(home), NETRA_DATABASE_URL=url)
        # The first complete build, as operators run it: freshness, everything, the state saved.
        full, full_results = build(env, "full build", home / "full.log")
        precision, recall = linkage(server.conninfo("bench"), truth)

        with Progress(console=out) as progress:
            load_articles(
                server.conninfo("bench"), gen, args.articles + 1, args.articles + args.new, progress
            )
        incremental, incr_results = build(env, "daily run", home / "daily.log", "--daily")
        idle, idle_results = build(env, "nothing new", home / "idle.log", "--daily")
        floor, _ = build(env, "floor", home / "floor.log", "--no-freshness", "--select", "stg_news__sources")
        load = os.getloadavg()

        ratio = incremental / full
        out.print(f"\n[bold]netra build, {args.articles:,} articles:[/] {full:.1f} s")
        out.print(f"[bold]netra build --daily after {args.new:,} new articles:[/] {incremental:.1f} s")
        verdict = "[green]meets[/]" if ratio <= 0.10 else "[red]misses[/]"
        out.print(f"[bold]ratio:[/] {ratio:.1%} ({verdict} the 10% target)")
        out.print(
            f"netra build --daily with nothing new: {idle:.1f} s ({len(idle_results['results'])} nodes; "
            f"the daily run selected {len(incr_results['results'])} of {len(full_results['results'])})"
        )
        out.print(
            f"floor (netra build --no-freshness --select stg_news__sources, one view): {floor:.1f} s = "
            f"{floor / full:.1%} of the full build; the daily run is {incremental / floor:.1f}x the floor"
        )
        out.print(f"load average during the runs: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        out.print(f"linkage on the synthetic register: precision {precision:.3f}, recall {recall:.3f}")
        for label, results in (("full", full_results), ("daily", incr_results)):
            top = ", ".join(f"{name} {secs:.1f}s" for name, secs in slowest(results))
            out.print(f"slowest ({label}): {top}")
        buf = io.StringIO()
        for layer, secs in sorted(by_layer(full_results).items(), key=lambda x: -x[1]):
            buf.write(f"{layer} {secs:.1f}s / {by_layer(incr_results).get(layer, 0):.1f}s; ")
        out.print(f"by layer, sum of node times (full / daily): {buf.getvalue()}")
        walls = {
            "full build": full,
            "daily, 1,000 new": incremental,
            "daily, nothing new": idle,
            "floor": floor,
        }
        path = chart(by_layer(full_results), by_layer(incr_results), walls)
        if path:
            out.print(f"chart: {path.relative_to(ROOT)}")
        engine.dispose()


if __name__ == "__main__":
    main()
