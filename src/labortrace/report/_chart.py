"""The risk-level bar chart, drawn server-side as inline SVG so the report needs no script to show it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping

from markupsafe import Markup

# Geometry in SVG user units; the SVG scales with its container through viewBox.
LABEL_WIDTH = 96
BAR_AREA = 480
COUNT_WIDTH = 64
BAR_HEIGHT = 26
GAP = 12
PAD = 8


def _bar_width(count: int, largest: int) -> float:
    """Scale a count to the bar area; a non-zero count always gets a visible sliver."""
    if count == 0 or largest == 0:
        return 0.0
    return max(3.0, BAR_AREA * count / largest)


def _text(parent: ET.Element, text: str, **attrs: str) -> None:
    element = ET.SubElement(parent, "text", attrs)
    element.text = text


def _bar(svg: ET.Element, level: str, count: int, largest: int, y: float) -> None:
    group = ET.SubElement(svg, "g", {"class": f"bar level-{level}"})
    ET.SubElement(group, "title").text = f"{level}: {count} row{'' if count == 1 else 's'}"
    mid = f"{y + BAR_HEIGHT / 2:g}"
    _text(group, level, x=f"{LABEL_WIDTH - 10}", y=mid, **{"class": "bar-label"})
    width = _bar_width(count, largest)
    ET.SubElement(
        group,
        "rect",
        {"x": f"{LABEL_WIDTH}", "y": f"{y:g}", "width": f"{width:g}", "height": f"{BAR_HEIGHT}", "rx": "3"},
    )
    _text(group, str(count), x=f"{LABEL_WIDTH + width + 8:g}", y=mid, **{"class": "bar-count"})


def risk_bar_chart(counts: Mapping[str, int]) -> Markup:
    """Draw one horizontal bar per risk level, labelled with its count, with accessible titles."""
    levels = list(counts)
    height = PAD * 2 + len(levels) * BAR_HEIGHT + max(0, len(levels) - 1) * GAP
    width = LABEL_WIDTH + BAR_AREA + COUNT_WIDTH
    svg = ET.Element(
        "svg",
        {
            "class": "risk-chart",
            "viewBox": f"0 0 {width} {height}",
            "role": "img",
            "aria-labelledby": "risk-chart-title risk-chart-desc",
        },
    )
    ET.SubElement(svg, "title", {"id": "risk-chart-title"}).text = "Rows by risk level"
    summary = ", ".join(f"{level} {count}" for level, count in counts.items())
    ET.SubElement(svg, "desc", {"id": "risk-chart-desc"}).text = f"Bar chart of rows per risk level: {summary}."
    largest = max(counts.values(), default=0)
    for index, level in enumerate(levels):
        _bar(svg, level, counts[level], largest, PAD + index * (BAR_HEIGHT + GAP))
    # ElementTree escapes every text and attribute value, so the markup is safe to inline.
    return Markup(ET.tostring(svg, encoding="unicode", short_empty_elements=True))
