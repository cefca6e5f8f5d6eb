"""Screening's upstream search: ownership at any share by default, a minimum share and the tiers when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from labortrace.errors import ConfigError
from labortrace.service import Workspace


def _screen(ws: Workspace, tmp_path: Path, name: str = "Beta Holdings", **options: object) -> dict[str, object]:
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text(f"Supplier\n{name}\n", encoding="utf-8")
    (result,) = ws.screen(suppliers, **options).results  # type: ignore[arg-type]
    return {"level": result.risk.level, "reasons": result.risk.reasons}


def test_a_small_stake_of_a_listed_owner_counts_unless_a_minimum_share_is_set(world: Workspace, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    found = _screen(world, tmp_path)
    assert found["level"] == "elevated"
    (reason,) = [r for r in found["reasons"] if r.startswith("Upstream")]  # type: ignore[attr-defined]
    assert "Xinjiang Production Group" in reason and "(ownership 5%) Xinjiang Production Group" in reason
    assert _screen(world, tmp_path, min_share=10)["level"] == "none"
    monkeypatch.setenv("LABORTRACE_MIN_OWNERSHIP_SHARE", "10")
    assert _screen(world, tmp_path)["level"] == "none"
    assert _screen(world, tmp_path, min_share=5)["level"] == "elevated"  # the argument wins over the setting


def test_the_tiers_bound_how_far_upstream_screening_looks(world: Workspace, tmp_path: Path) -> None:
    # Alpha Holdings <- (ownership 40%) Beta Holdings <- (ownership 5%) Xinjiang Production Group [high]: 2 tiers
    assert _screen(world, tmp_path, "Alpha Holdings", tiers=1)["level"] == "none"
    found = _screen(world, tmp_path, "Alpha Holdings", tiers=2)
    assert found["level"] == "elevated"
    assert any(r.startswith("Upstream of 'Alpha Holdings' within 2 tier(s)") for r in found["reasons"])  # type: ignore[attr-defined]


def test_tiers_and_shares_are_checked(world: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        _screen(world, tmp_path, tiers=0)
    with pytest.raises(ConfigError):
        _screen(world, tmp_path, min_share=120)
