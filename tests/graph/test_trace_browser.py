"""trace.html in a real headless Chromium: the bundled graph view runs and a #focus link highlights paths."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from labortrace.graph import build, entity_risk, render_html, trace
from labortrace.service import Workspace
from tests.graph.test_trace import BUYER
from tests.report.test_report_browser import CHROMIUM, chromium

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (Debian package chromium)")


def test_the_graph_view_runs_and_focuses_a_node_from_the_link(world: Workspace, tmp_path: Path) -> None:
    paths = trace(build(world.store), [BUYER], entity_risk(world.store), depth=2)
    page = tmp_path / "trace.html"
    page.write_text(render_html(paths, "trace"), encoding="utf-8")
    assert "<script src" not in page.read_text(encoding="utf-8")  # bundled, nothing fetched
    dom = chromium(tmp_path, page.as_uri() + "#focus=hetian-taida", "--dump-dom")
    assert 'data-ready="yes"' in dom
    assert 'class="graph focus"' in dom  # the node's paths are highlighted:
    assert re.search(r'<g class="node [^"]*\bhl\b[^"]*" data-id="hetian-taida"', dom)
    assert "Hetian Taida Apparel" in dom.split('id="graph-info"', 1)[1].split("</p>", 1)[0]
    plain = chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert 'data-ready="yes"' in plain and 'class="graph focus"' not in plain
