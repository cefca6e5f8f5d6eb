"""Reviewers' decisions: recorded in the terminal, honoured by later screenings, exported and imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from labortrace.errors import InputError
from labortrace.service import Workspace
from labortrace.store.judgements import Judgement, export_jsonl, import_jsonl
from tests.cli.test_cli import write_list


def screen(ws: Workspace, tmp_path: Path, *names: str) -> list[dict]:
    path = tmp_path / "s.csv"
    path.write_text("Supplier Name\n" + "\n".join(names) + "\n", encoding="utf-8")
    return ws.screen(path).doc["results"]


@pytest.fixture
def ws(tmp_path: Path, db_url: str) -> Workspace:
    workspace = Workspace(db_url)
    workspace.load(write_list(tmp_path / "list.ftm.json"), dataset="us_dhs_uflpa")
    return workspace


def test_review_in_the_terminal_then_screening_honours_it(ws: Workspace, tmp_path: Path, db_url: str) -> None:
    first = ws.screen(_csv(tmp_path, "XINJIANG ZHONGTAI CHEMICAL CO LTD", "Hubei Huaxin Garment Co")).doc
    run_id = first["run"]["id"]
    assert [r["risk"]["level"] for r in first["results"]] == ["high", "high"]
    env = {**os.environ, "LABORTRACE_DB": db_url, "COLUMNS": "160"}
    answers = "r\nsupplier is a different Zhongtai\nc\nsame USCC on invoice\n"
    res = subprocess.run([sys.executable, "-m", "labortrace", "review", run_id, "--reviewer", "Ana"], input=answers,
                         capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "2 decision(s) recorded" in res.stdout
    # the rejection was made on the English spelling; it holds for the Han name of the same supplier
    zt, hx = screen(ws, tmp_path, "新疆中泰化学股份有限公司", "Hubei Huaxin Garment Co")
    assert "zt" not in [m["entity_id"] for m in zt["matches"]]
    assert not any("Matches 'Xinjiang Zhongtai" in r for r in zt["risk"]["reasons"])
    assert any("rejected by Ana on" in r and "different Zhongtai" in r for r in zt["risk"]["reasons"])
    assert hx["risk"]["level"] == "high" and hx["matches"][0]["judgement"] == "confirm"
    assert hx["matches"][0]["score"] == 1.0
    assert any("confirmed by Ana on" in r for r in hx["risk"]["reasons"])


def test_latest_decision_wins(ws: Workspace, tmp_path: Path) -> None:
    ws.judge(Judgement("Hubei Huaxin Garment", "hx", "reject", "Ana"))
    assert screen(ws, tmp_path, "Hubei Huaxin Garment")[0]["risk"]["level"] == "none"
    ws.judge(Judgement("Hubei Huaxin Garment", "hx", "confirm", "Bo", "checked the licence"))
    (row,) = screen(ws, tmp_path, "Hubei Huaxin Garment")
    assert row["risk"]["level"] == "high" and "confirmed by Bo" in row["matches"][0]["explanation"]


def test_export_import_carries_decisions_to_another_workspace(ws: Workspace, tmp_path: Path) -> None:
    ws.judge(Judgement("Hubei Huaxin Garment", "hx", "reject", "Ana", "not them"))
    out = tmp_path / "judgements.jsonl"
    assert export_jsonl(ws.store.engine, out) == 1
    other = Workspace("sqlite:///" + str(tmp_path / "other.db"))
    other.load(write_list(tmp_path / "list2.ftm.json"), dataset="us_dhs_uflpa")
    assert import_jsonl(other.store.engine, out) == 1
    assert screen(other, tmp_path, "HUBEI HUAXIN GARMENT CO LTD")[0]["risk"]["level"] == "none"


def test_a_bad_line_imports_nothing_and_names_the_line(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    good = {"query_name": "Hubei Huaxin Garment", "entity_id": "hx", "judgement": "reject", "reviewer": "Ana"}
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "judgement": "maybe"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        import_jsonl(ws.store.engine, path)
    assert err.value.row == 2 and "j.jsonl" in str(err.value)
    assert screen(ws, tmp_path, "Hubei Huaxin Garment")[0]["risk"]["level"] == "high"


def test_anonymous_or_unknown_decisions_are_refused(ws: Workspace) -> None:
    with pytest.raises(InputError):
        ws.judge(Judgement("X", "hx", "reject", " "))
    with pytest.raises(InputError):
        ws.judge(Judgement("X", "hx", "perhaps", "Ana"))


def _csv(tmp_path: Path, *names: str) -> Path:
    path = tmp_path / "first.csv"
    path.write_text("Supplier Name\n" + "\n".join(names) + "\n", encoding="utf-8")
    return path
