"""`labortrace demo` end to end: fictional data generated, loaded, screened, reported, checked against its known answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "COLUMNS": "200", "LABORTRACE_CACHE": str(out / "cache")}
    res = subprocess.run([sys.executable, "-m", "labortrace", "demo", "--out", str(out / "ws")],
                         capture_output=True, text=True, env=env, timeout=300)
    return out / "ws", res


def test_demo_prints_the_summary_and_writes_the_report(demo_dir: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    ws, res = demo_dir
    assert res.returncode == 0, res.stderr
    assert "FICTIONAL" in res.stdout and "Screening results" in res.stdout
    assert str(ws / "results" / "report.html") in res.stdout.replace("\n", "")
    html = (ws / "results" / "report.html").read_text(encoding="utf-8")
    assert "FICTIONAL DEMO DATA" in html


def test_demo_levels_equal_the_known_answers(demo_dir: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    ws, _ = demo_dir
    expected = json.loads((ws / "data" / "expected.json").read_text(encoding="utf-8"))
    results = json.loads((ws / "results" / "results.json").read_text(encoding="utf-8"))["results"]
    assert [r["row"] for r in results] == [e["row"] for e in expected["rows"]]
    wrong = [(e["row"], e["name"], e["level"], r["risk"]["level"])
             for e, r in zip(expected["rows"], results) if e["level"] != r["risk"]["level"]]
    assert wrong == []
    for e, r in zip(expected["rows"], results):
        if e["level"] == "high":  # the listed entity is among the matches, and the reason names its dataset
            assert e["entity_id"] in [m["entity_id"] for m in r["matches"]]
            assert any("demo_forced_labour_list" in reason for reason in r["risk"]["reasons"])


def test_demo_is_repeatable(demo_dir: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    ws, _ = demo_dir
    env = {**os.environ, "LABORTRACE_CACHE": str(tmp_path / "cache")}
    res = subprocess.run([sys.executable, "-m", "labortrace", "demo", "--out", str(ws)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    history = subprocess.run([sys.executable, "-m", "labortrace", "--db", f"sqlite:///{ws / 'demo.db'}", "history"],
                             capture_output=True, text=True, env={**env, "COLUMNS": "200"}, timeout=120)
    assert history.stdout.count("demo_forced_labour_list") == 2  # the second run is a new version of the same data
