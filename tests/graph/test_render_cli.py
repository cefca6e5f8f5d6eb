"""The trace in every format, and `labortrace trace` as a real process."""

from __future__ import annotations

import json
import re
from pathlib import Path

from labortrace.graph import build, entity_risk, render_dot, render_html, render_text, trace
from labortrace.service import Workspace
from tests.cli.test_cli import run
from tests.graph.test_trace import BUYER


def test_text_dot_and_html(world: Workspace) -> None:
    paths = trace(build(world.store), [BUYER], entity_risk(world.store), depth=2)
    text = render_text(paths)
    assert "1. [high] Hetian Taida Apparel Co., Ltd. (2 steps)" in text
    assert "Hetian Taida Apparel Co., Ltd. shipped to Gold Bridge Trading Ltd: 2 shipments; 2020-03-15 to 2020-04-02" in text
    dot = render_dot(paths)
    assert dot.startswith("digraph trace {") and f'"hetian-taida" -> "{paths[0].nodes[1].id}"' in dot
    page = render_html(paths, "trace <Peach>")
    assert "<svg" in page and "trace &lt;Peach&gt;" in page and "BL002" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # self-contained: nothing fetched
    assert "No upstream path" in render_text([]) and "No upstream path" in render_html([], "t")


def test_trace_command(world: Workspace, tmp_path: Path, db_url: str) -> None:
    world.close()
    res = run("trace", "Peach State Medical Supply Inc", "--format", "json", db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert [n["caption"] for n in doc["paths"][0]["nodes"]][-1] == "Hetian Taida Apparel Co., Ltd."
    res = run("trace", "kashgar-cotton", "--format", "html", "--out", str(tmp_path / "t.html"), db=db_url, cwd=tmp_path)
    assert res.returncode == 0 and "<svg" in (tmp_path / "t.html").read_text(encoding="utf-8")
    res = run("trace", "Nobody Such Company", db=db_url, cwd=tmp_path)
    assert res.returncode == 2 and "no entity" in res.stderr
