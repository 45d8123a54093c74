"""Chart geometry for server-rendered SVG: bars, grouped columns and a tile map of provinces.

Pure functions from numbers to shapes; the templates (``_charts.html``) draw
them as inline SVG, escaped like everything else, so charts need no script and
work offline. Each chart also comes with its numbers as a table for screen
readers and for copying.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nlp.regions import REGIONS_CSV

# Sequential blues, light to dark; index 0 is "no cases".
PALETTE = ("#eef1f5", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
DARK_FROM = 4  # buckets from here on get white labels

# Province tiles (column, row), roughly where each lies on the map, west to east.
TILES: dict[str, tuple[int, int]] = {
    "Aceh": (0, 0),
    "Sumatera Utara": (1, 1),
    "Riau": (2, 1),
    "Kepulauan Riau": (3, 1),
    "Sumatera Barat": (1, 2),
    "Jambi": (2, 2),
    "Kepulauan Bangka Belitung": (3, 2),
    "Bengkulu": (1, 3),
    "Sumatera Selatan": (2, 3),
    "Lampung": (2, 4),
    "DKI Jakarta": (3, 4),
    "Banten": (3, 5),
    "Jawa Barat": (4, 5),
    "Jawa Tengah": (5, 5),
    "DI Yogyakarta": (5, 6),
    "Jawa Timur": (6, 5),
    "Bali": (7, 5),
    "Nusa Tenggara Barat": (8, 5),
    "Nusa Tenggara Timur": (9, 5),
    "Kalimantan Barat": (4, 2),
    "Kalimantan Utara": (6, 1),
    "Kalimantan Tengah": (5, 3),
    "Kalimantan Timur": (6, 2),
    "Kalimantan Selatan": (6, 3),
    "Sulawesi Barat": (7, 3),
    "Sulawesi Tengah": (8, 2),
    "Gorontalo": (9, 2),
    "Sulawesi Utara": (10, 1),
    "Sulawesi Selatan": (7, 4),
    "Sulawesi Tenggara": (8, 4),
    "Maluku Utara": (11, 2),
    "Maluku": (11, 4),
    "Papua Barat Daya": (12, 2),
    "Papua Barat": (13, 2),
    "Papua Tengah": (13, 3),
    "Papua": (14, 2),
    "Papua Pegunungan": (14, 3),
    "Papua Selatan": (14, 4),
}


@lru_cache(maxsize=1)
def province_codes() -> dict[str, str]:
    """Province -> its ISO 3166-2 code without the country ("JI" for Jawa Timur)."""
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        return {row["province"]: row["province_iso"].removeprefix("ID-") for row in csv.DictReader(fh)}


def bucket(value: float, maximum: float, buckets: int = len(PALETTE) - 1) -> int:
    """0 for nothing, else 1..buckets on a square-root scale (a few big provinces dominate)."""
    if value <= 0 or maximum <= 0:
        return 0
    return max(1, min(buckets, math.ceil(buckets * math.sqrt(value / maximum))))


@dataclass(frozen=True)
class Tile:
    province: str
    code: str
    x: float
    y: float
    size: float
    value: int
    fill: str
    dark: bool


def tile_map(counts: Mapping[str, int], size: float = 44, gap: float = 4) -> dict[str, object]:
    """Tiles of every province coloured by its count, with the SVG's width and height."""
    codes = province_codes()
    peak = max(counts.values(), default=0)
    tiles = []
    for province, (col, row) in TILES.items():
        value = int(counts.get(province, 0))
        level = bucket(value, peak)
        tiles.append(
            Tile(
                province=province,
                code=codes.get(province, province[:2].upper()),
                x=col * (size + gap),
                y=row * (size + gap),
                size=size,
                value=value,
                fill=PALETTE[level],
                dark=level >= DARK_FROM,
            )
        )
    cols = 1 + max(c for c, _ in TILES.values())
    rows = 1 + max(r for _, r in TILES.values())
    return {
        "tiles": tiles,
        "width": cols * (size + gap),
        "height": rows * (size + gap),
        "peak": peak,
        "palette": PALETTE,
    }


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: float
    width: float
    key: str


def bars(
    items: Sequence[tuple[str, float, str]], *, width: float = 420, label_width: float = 170, row: float = 22
) -> dict[str, object]:
    """Horizontal bars for ``(label, value, key)`` items, longest scaled to the plot width."""
    plot = width - label_width - 50
    peak = max((v for _, v, _ in items), default=0) or 1
    rows = [
        Bar(label=label, value=value, y=i * row, width=plot * value / peak, key=key)
        for i, (label, value, key) in enumerate(items)
    ]
    return {
        "bars": rows,
        "width": width,
        "height": max(row, len(rows) * row),
        "label_width": label_width,
        "row": row,
    }


@dataclass(frozen=True)
class Column:
    label: str
    x: float
    heights: tuple[float, ...]
    values: tuple[float, ...]


def columns(
    items: Sequence[tuple[str, Sequence[float]]],
    *,
    series: int = 1,
    width: float = 640,
    height: float = 220,
    bottom: float = 40,
    left: float = 40,
) -> dict[str, object]:
    """Vertical (grouped) columns: ``(label, values per series)``, on an axis of round steps."""
    peak = max((v for _, values in items for v in values), default=0)
    top, step = axis(peak)
    plot_h = height - bottom - 10
    slot = (width - left - 10) / max(1, len(items))
    bar_w = max(2.0, slot * 0.8 / series)
    cols = [
        Column(
            label=label,
            x=left + i * slot + slot * 0.1,
            heights=tuple(plot_h * v / top if top else 0 for v in values),
            values=tuple(values),
        )
        for i, (label, values) in enumerate(items)
    ]
    ticks = (
        [(plot_h + 10 - plot_h * k * step / top, k * step) for k in range(round(top / step) + 1)]
        if top
        else []
    )
    # Label every n-th column so that labels do not overlap.
    every = max(1, math.ceil(len(items) / max(1, (width - left) // 56)))
    return {
        "columns": cols,
        "bar_width": bar_w,
        "width": width,
        "height": height,
        "baseline": plot_h + 10,
        "left": left,
        "ticks": ticks,
        "every": every,
        "series": series,
    }


def axis(peak: float, *, integer: bool = True) -> tuple[float, float]:
    """(top, step) of a value axis: 4 or 5 steps of 1, 2 or 5 x 10^n covering ``peak``."""
    if peak <= 0:
        return 0, 1
    raw = peak / 5
    exponent = 10 ** math.floor(math.log10(raw))
    step = next(m * exponent for m in (1, 2, 5, 10) if m * exponent >= raw)
    if integer:
        step = max(1, step)
    return math.ceil(peak / step) * step, step


@dataclass(frozen=True)
class Group:
    label: str
    y: float
    widths: tuple[float, ...]
    values: tuple[float, ...]


def grouped_bars(
    items: Sequence[tuple[str, Sequence[float]]],
    *,
    width: float = 640,
    label_width: float = 260,
    bar: float = 9,
    gap: float = 10,
) -> dict[str, object]:
    """Horizontal bars in groups (one bar per series), all on one scale."""
    plot = width - label_width - 60
    series = max((len(v) for _, v in items), default=1)
    peak = max((x for _, values in items for x in values), default=0) or 1
    step = series * bar + gap
    groups = [
        Group(
            label=label,
            y=i * step,
            widths=tuple(plot * v / peak for v in values),
            values=tuple(values),
        )
        for i, (label, values) in enumerate(items)
    ]
    return {
        "groups": groups,
        "width": width,
        "height": max(step, len(groups) * step),
        "label_width": label_width,
        "bar": bar,
        "series": series,
    }
