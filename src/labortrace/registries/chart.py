"""Charts of registration counts: a PNG (matplotlib, Agg) for files and an inline SVG for the HTML report.

One region (or a --region filter): bars per period, or a line when cumulative. Several regions: one line each
for the largest MAX_SERIES, the rest summed as 'other'. Labels are English; a CJK font is used when installed
and a label needs it, else Han labels are written in pinyin, so no glyph is ever missing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

from pypinyin import lazy_pinyin

from labortrace.registries.stats import RegistrationCounts

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MAX_SERIES = 8
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Droid Sans Fallback")
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")


def chart_series(counts: RegistrationCounts) -> list[tuple[str, list[int]]]:
    """(label, values per period) for the largest regions, the rest summed as 'other'."""
    shown = counts.regions[:MAX_SERIES]
    series = [(r, counts.series(r)) for r in shown]
    rest = counts.regions[MAX_SERIES:]
    if rest:
        sums = [sum(values) for values in zip(*(counts.series(r) for r in rest))]
        series.append((f"other ({len(rest)})", sums))
    return series


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _latin(label: str) -> str:
    return label if label.isascii() else " ".join(lazy_pinyin(label))


def write_chart(counts: RegistrationCounts, path: Path) -> Path:
    """Draw the counts as a PNG at `path` (parents created); returns the path."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    series = chart_series(counts)
    font = _cjk_font() if any(not label.isascii() for label, _ in series) else None
    if font is None:
        series = [(_latin(label), values) for label, values in series]
    with plt.rc_context({"font.sans-serif": [font, "DejaVu Sans"]} if font else None):
        fig, ax = plt.subplots(figsize=(max(6.0, 0.35 * len(counts.periods) + 3), 4.5), dpi=100)
        try:
            _draw(ax, counts, series)
            path.parent.mkdir(parents=True, exist_ok=True)
            fig.tight_layout()
            fig.savefig(path, format="png", metadata={"Software": None})
        finally:
            plt.close(fig)
    return path


def _draw(ax: Axes, counts: RegistrationCounts, series: list[tuple[str, list[int]]]) -> None:
    x = list(range(len(counts.periods)))
    if len(series) == 1 and not counts.cumulative:
        ax.bar(x, series[0][1], color=COLOURS[0], label=series[0][0])
    else:
        for i, (label, values) in enumerate(series):
            ax.plot(x, values, marker="o", markersize=3, color=COLOURS[i % len(COLOURS)], label=label)
    step = max(1, len(x) // 24)
    ax.set_xticks(x[::step], counts.periods[::step], rotation=45 if len(x) > 6 else 0, ha="right")
    ax.set_ylabel("companies" if counts.companies else "registrations")
    ax.set_title(f"{counts.title()} — {counts.total:,} in all")
    ax.grid(axis="y", alpha=0.3)
    ax.set_ylim(bottom=0)
    if series:
        ax.legend(fontsize="small", frameon=False)


# -- SVG ------------------------------------------------------------------------------------------------
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 720, 320, 48, 150, 28, 52


def chart_svg(counts: RegistrationCounts) -> str:
    """A self-contained SVG line chart (no script, no fonts to load), deterministic for golden-file tests."""
    series = chart_series(counts)
    top = max((v for _, values in series for v in values), default=0) or 1
    svg = ET.Element("svg", {"class": "registrations-chart", "viewBox": f"0 0 {WIDTH} {HEIGHT}",
                             "role": "img", "aria-label": f"{counts.title()}: {counts.total} in all"})
    ET.SubElement(svg, "title").text = counts.title()
    _axes(svg, counts.periods, top)
    for i, (label, values) in enumerate(series):
        _line(svg, values, top, COLOURS[i % len(COLOURS)])
        _text(svg, label, LEFT + _plot_w() + 10, TOP + 14 + 16 * i, fill=COLOURS[i % len(COLOURS)])
    return ET.tostring(svg, encoding="unicode")


def _plot_w() -> int:
    return WIDTH - LEFT - RIGHT


def _xy(i: int, n: int, value: int, top: int) -> tuple[float, float]:
    plot_h = HEIGHT - TOP - BOTTOM
    x = LEFT + (_plot_w() * i / (n - 1) if n > 1 else _plot_w() / 2)
    return round(x, 1), round(TOP + plot_h * (1 - value / top), 1)


def _axes(svg: ET.Element, periods: list[str], top: int) -> None:
    base = HEIGHT - BOTTOM
    ET.SubElement(svg, "line", {"x1": str(LEFT), "y1": str(base), "x2": str(LEFT + _plot_w()), "y2": str(base),
                                "stroke": "#999"})
    _text(svg, str(top), LEFT - 6, TOP + 4, anchor="end")
    _text(svg, "0", LEFT - 6, base + 4, anchor="end")
    step = max(1, len(periods) // 12)
    for i in range(0, len(periods), step):
        x, _ = _xy(i, len(periods), 0, top)
        _text(svg, periods[i], x, base + 18, anchor="middle")


def _line(svg: ET.Element, values: list[int], top: int, colour: str) -> None:
    points = " ".join(f"{x},{y}" for x, y in (_xy(i, len(values), v, top) for i, v in enumerate(values)))
    ET.SubElement(svg, "polyline", {"points": points, "fill": "none", "stroke": colour, "stroke-width": "2"})


def _text(svg: ET.Element, text: str, x: float, y: float, anchor: str = "start", fill: str = "#333") -> None:
    element = ET.SubElement(svg, "text", {"x": f"{x:g}", "y": f"{y:g}", "text-anchor": anchor, "fill": fill,
                                          "font-size": "12"})
    element.text = text
