"""The source registries: the real one's shape, the demo one against the demo sites."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from netra.config import PROJECT_ROOT
from netra.demo.world import World
from scrapers.registry import DEMO_REGISTRY, REAL_REGISTRY, RegistryError, load_registry, select

PROVINCES = {
    row["province"] for row in csv.DictReader((PROJECT_ROOT / "nlp" / "data" / "regions.csv").open())
}


def test_real_registry_lists_enough_real_outlets() -> None:
    sources = load_registry(REAL_REGISTRY)
    assert len(sources) >= 20
    assert len({s.name for s in sources}) == len(sources)
    networks = " ".join(s.network or "" for s in sources)
    for network in ("Tribun", "detik", "Kompas", "Jawa Pos", "ANTARA"):
        assert network in networks, network
    provinces = {s.province for s in sources if s.province}
    assert provinces <= PROVINCES, provinces - PROVINCES
    assert len(provinces) >= 8, "local outlets across several provinces"
    for s in sources:
        assert not s.domain.endswith(".example"), "the real registry has real outlets only"
        assert s.homepage.startswith("https://"), s.name
        for url in [*s.discovery.sitemaps, *s.discovery.feeds, *(item.url for item in s.discovery.listings)]:
            assert url.startswith("https://"), (s.name, url)
        re.compile(s.article_pattern)


def test_demo_registry_patterns_match_the_demo_sites(world: World) -> None:
    sources = {s.domain: s for s in load_registry(DEMO_REGISTRY)}
    for host, articles in world.by_site.items():
        source = sources[host]
        assert all(source.is_article_url(a.url) for a in articles), host
        assert not source.is_article_url(f"http://{host}/robots.txt")
    assert select(list(sources.values()), None) == [s for s in sources.values() if s.active]
    assert "sintesis" not in {s.name for s in select(list(sources.values()), None)}


def test_broken_registry_gives_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "sources.yml"
    bad.write_text("sources:\n  - name: x\n    outlet: X\n    domain: x.id\n    homepage: ftp://x.id\n")
    with pytest.raises(RegistryError, match=r"sources\.yml: sources\.0\.homepage|sources\.0\.discovery"):
        load_registry(bad)
    with pytest.raises(RegistryError, match="cannot read"):
        load_registry(tmp_path / "missing.yml")


def test_unknown_source_names_are_refused() -> None:
    sources = load_registry(DEMO_REGISTRY)
    with pytest.raises(RegistryError, match="unknown source"):
        select(sources, ["tribunnusa", "nope"])
