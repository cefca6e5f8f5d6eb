"""`labortrace stats registrations` against a real workspace: in process, and once as a real process."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import labortrace.cli.registries  # noqa: F401  (registers the command, as main() does)
from labortrace.cli.app import app
from labortrace.errors import ConfigError
from labortrace.store import Store
from tests.registries.conftest import load_registry


def invoke(*args: str, db: str) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(app, list(args), env={"LABORTRACE_DB": db, "COLUMNS": "200", "NO_COLOR": "1"})
    return result.exit_code, result.output, result.exception


def test_prints_counts_and_writes_chart_and_csv(store: Store, registry_csv: Path, db_url: str, tmp_path: Path) -> None:
    load_registry(store, registry_csv)
    out = tmp_path / "out"
    code, output, exc = invoke("stats", "registrations", "--product", "mask", "--region", "新疆", "--by", "month",
                               "--out", str(out), db=db_url)
    assert code == 0, (output, exc)
    assert "Mask registrations per month, Xinjiang" in output
    assert "2020-02" in output and "total: 4" in output and "without a usable date (not counted): 1" in output
    assert (out / "registrations.png").read_bytes()[:4] == b"\x89PNG"
    with (out / "registrations.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["period"], r["count"]) for r in rows if r["count"] != "0"] == [
        ("2019-11", "1"), ("2020-02", "2"), ("2020-05", "1")]


def test_without_region_lists_provinces(store: Store, registry_csv: Path, db_url: str, tmp_path: Path) -> None:
    load_registry(store, registry_csv)
    code, output, exc = invoke("stats", "registrations", "--by", "year", "--cumulative", "--out", str(tmp_path), db=db_url)
    assert code == 0, (output, exc)
    assert "Top provinces (3 of 3)" in output
    assert "Zhejiang" in output and "Guangdong" in output


def test_unknown_region_is_a_config_error(store: Store, registry_csv: Path, db_url: str) -> None:
    load_registry(store, registry_csv)
    _, _, exc = invoke("stats", "registrations", "--region", "Atlantis", db=db_url)
    assert isinstance(exc, ConfigError) and "--region 'Atlantis'" in str(exc)


def test_real_process_without_a_registry_exits_2_with_a_hint(db_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "LABORTRACE_DB": db_url, "NO_COLOR": "1"}
    res = subprocess.run([sys.executable, "-m", "labortrace", "stats", "registrations"], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=300)
    assert res.returncode == 2 and "no registry dataset" in res.stderr and "--kind registry" in res.stderr


def test_load_as_registry_then_stats_in_real_processes(registry_csv: Path, db_url: str, tmp_path: Path) -> None:
    from tests.cli.test_cli import run

    res = run("load", str(registry_csv), "--dataset", "xj_registry", "--kind", "registry", db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "could not be read" in res.stderr  # the fixture's unreadable date is reported, not fatal
    res = run("stats", "registrations", "--product", "mask", "--region", "新疆", "--by", "month",
              "--out", str(tmp_path / "charts"), db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "charts" / "registrations.png").stat().st_size > 1000
    rows = (tmp_path / "charts" / "registrations.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) > 1
    page = (tmp_path / "charts" / "registrations.html").read_text(encoding="utf-8")
    assert "<svg" in page and "Mask registrations" in page and "http" not in page.split("</title>", 1)[1]
