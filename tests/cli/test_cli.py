"""The command line, run as a real process against real files and a real SQLite workspace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from labortrace.store import Store


def run(*args: str, db: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LABORTRACE_DB": db, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "labortrace", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=300)


def write_list(path: Path) -> Path:
    lines = [
        {"id": "zt", "schema": "Company", "properties": {
            "name": ["Xinjiang Zhongtai Chemical Co., Ltd."], "alias": ["新疆中泰化学股份有限公司"],
            "address": ["乌鲁木齐市经济技术开发区"], "country": ["cn"]}},
        {"id": "hx", "schema": "Company", "properties": {"name": ["Hubei Huaxin Garment Co., Ltd."]}},
    ]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


def test_load_screen_and_report(tmp_path: Path, db_url: str) -> None:
    listed = write_list(tmp_path / "uflpa.ftm.json")
    res = run("load", str(listed), "--dataset", "us_dhs_uflpa", "--kind", "forced_labour_list", db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "2 entities" in res.stdout
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text(
        "Supplier Name,Addr.\n"
        "XINJIANG ZHONGTAI CHEMICAL CO LTD,\n"
        "Kashi Cotton Trading,新疆喀什地区疏附县\n"
        "Nordic Timber AB,Stockholm\n"
        ",Somewhere\n",
        encoding="utf-8-sig",
    )
    res = run("screen", str(suppliers), "--out", str(tmp_path / "out"), db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    doc = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    levels = [r["risk"]["level"] for r in doc["results"]]
    assert [r["row"] for r in doc["results"]] == [1, 2, 3, 4]
    assert levels[0] == "high" and doc["results"][0]["matches"][0]["entity_id"] == "zt"
    assert levels[1] == "elevated" and any("Kashgar" in r for r in doc["results"][1]["risk"]["reasons"])
    assert levels[2] == "none"
    assert levels[3] == "review" and "no supplier name" in doc["results"][3]["risk"]["reasons"][0]
    reason = doc["results"][0]["risk"]["reasons"][0]
    assert "us_dhs_uflpa" in reason and "version" in reason
    assert (tmp_path / "out" / "report.html").stat().st_size > 1000
    assert (tmp_path / "out" / "results.csv").exists()
    assert "high" in res.stdout and "report.html" in res.stdout


def test_bad_ftm_line_fails_and_keeps_the_old_version(tmp_path: Path, db_url: str) -> None:
    listed = write_list(tmp_path / "uflpa.ftm.json")
    assert run("load", str(listed), "--dataset", "us_dhs_uflpa", "--version", "v1", db=db_url, cwd=tmp_path).returncode == 0
    broken = tmp_path / "broken.ftm.json"
    broken.write_text(listed.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    res = run("load", str(broken), "--dataset", "us_dhs_uflpa", "--version", "v2", db=db_url, cwd=tmp_path)
    assert res.returncode != 0
    assert "broken.ftm.json" in res.stderr and "row 3" in res.stderr
    store = Store(db_url)
    assert store.dataset("us_dhs_uflpa").version == "v1"  # type: ignore[union-attr]
    assert store.count_entities() == 2
    store.close()


def test_supplier_file_without_a_name_column_is_refused(tmp_path: Path, db_url: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Spend,Category\n100,Textiles\n", encoding="utf-8")
    res = run("screen", str(bad), db=db_url, cwd=tmp_path)
    assert res.returncode != 0
    assert "bad.csv" in res.stderr and "--map" in res.stderr
    assert "Traceback" not in res.stderr


def test_unknown_kind_and_missing_file_are_clear(tmp_path: Path, db_url: str) -> None:
    res = run("load", str(tmp_path / "nope.csv"), "--dataset", "x", "--kind", "registry", db=db_url, cwd=tmp_path)
    assert res.returncode != 0 and "nope.csv" in res.stderr and "Traceback" not in res.stderr
    res = run("load", str(write_list(tmp_path / "l.ftm.json")), "--dataset", "mystery", db=db_url, cwd=tmp_path)
    assert res.returncode != 0 and "--kind" in res.stderr


def test_datasets_and_history_list_what_is_loaded(tmp_path: Path, db_url: str) -> None:
    listed = write_list(tmp_path / "uflpa.ftm.json")
    run("load", str(listed), "--dataset", "us_dhs_uflpa", "--version", "v1", db=db_url, cwd=tmp_path)
    run("load", str(listed), "--dataset", "us_dhs_uflpa", "--version", "v2", db=db_url, cwd=tmp_path)
    res = run("datasets", db=db_url, cwd=tmp_path)
    assert res.returncode == 0 and "us_dhs_uflpa" in res.stdout and "forced_labour_list" in res.stdout
    res = run("history", db=db_url, cwd=tmp_path)
    assert "v1" in res.stdout and "v2" in res.stdout


def test_help_reads_for_a_newcomer(tmp_path: Path, db_url: str) -> None:
    res = run("--help", db=db_url, cwd=tmp_path)
    assert res.returncode == 0
    for command in ("demo", "load", "screen", "datasets", "data"):
        assert command in res.stdout
