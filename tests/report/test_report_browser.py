"""report.html in a real headless Chromium: the script runs under our CSP, filters and sorts, and paints."""

from __future__ import annotations

import re
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest

from labortrace.report import write_report

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (Debian package chromium)")


def chromium(tmp_path: Path, url: str, *extra: str) -> str:
    """Run headless Chromium on a URL with a throw-away profile and return its stdout."""
    args = [str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, url]
    # The timeout only stops a hung browser from hanging the suite; nothing is asserted about time.
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def _visible_rows(dom: str) -> list[tuple[str, int, float]]:
    """(level, row, score) of every table row the script left visible, in DOM order."""
    rows = []
    for attrs, body in re.findall(r"<tr (data-level=[^>]*)>(.*?)</tr>", dom, re.S):
        if "hidden" in attrs:
            continue
        level = re.search(r'data-level="(\w+)"', attrs)
        row = re.search(r'data-row="(\d+)"', attrs)
        scores = re.findall(r'data-sort-value="(-?[\d.]+)"', body)
        assert level and row and len(scores) == 4
        rows.append((level.group(1), int(row.group(1)), float(scores[2])))
    return rows


def test_fragment_filters_and_sorts_in_the_browser(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    html = write_report(sample_doc, tmp_path / "out", formats=["html"])["html"]
    dom = chromium(tmp_path, html.as_uri() + "#filter=high,review&sort=score&dir=desc", "--dump-dom")
    assert 'data-report-ready="true"' in dom  # our script ran: the CSP hash matched
    assert '<div class="controls" id="row-controls">' in dom  # un-hidden by the script
    shown = _visible_rows(dom)
    expected = sorted(
        ((r["risk"]["level"], r["row"], r["matches"][0]["score"]) for r in sample_doc["results"]
         if r["risk"]["level"] in ("high", "review")),
        key=lambda item: -item[2],
    )
    assert shown == expected and len(shown) == 10
    assert "Showing 10 of 40 rows" in dom
    assert re.search(r'data-sort-key="score"[^>]*aria-sort="descending"', dom)


def test_screenshot_paints_the_page(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    html = write_report(sample_doc, tmp_path / "out", formats=["html"])["html"]
    png = tmp_path / "report.png"
    chromium(tmp_path, html.as_uri(), f"--screenshot={png}", "--window-size=1400,2000")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1400, 2000)
    assert len(data) > 50_000  # a blank page compresses to a few kilobytes
