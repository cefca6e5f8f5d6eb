"""`labortrace data pull` as a process, against a real HTTP server on 127.0.0.1 serving fixture files."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run
from tests.sources.test_opensanctions import ENTITIES, Site, site  # noqa: F401 (fixture)


def test_pull_downloads_verifies_and_loads_with_the_known_kind(site: tuple[Site, str], tmp_path: Path, db_url: str) -> None:
    content, base = site
    content.index("us_dhs_uflpa", ENTITIES)
    res = run("data", "pull", "us_dhs_uflpa", "--base-url", base, db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "CC BY-NC" in res.stderr + res.stdout  # the licence is said when pulling
    listing = run("datasets", db=db_url, cwd=tmp_path)
    assert "us_dhs_uflpa" in listing.stdout and "forced_labour_list" in listing.stdout
    assert "20240601120000-abc" in listing.stdout


def test_pull_with_a_bad_checksum_loads_nothing(site: tuple[Site, str], tmp_path: Path, db_url: str) -> None:
    content, base = site
    content.index("us_dhs_uflpa", ENTITIES, checksum="0" * 40)
    res = run("data", "pull", "us_dhs_uflpa", "--base-url", base, db=db_url, cwd=tmp_path)
    assert res.returncode != 0 and "checksum" in res.stderr.lower()
    assert "us_dhs_uflpa" not in run("datasets", db=db_url, cwd=tmp_path).stdout
