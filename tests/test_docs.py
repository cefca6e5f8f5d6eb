"""The docs stay true to the code: every command is in the README, every risk rule and match feature explains itself."""

from __future__ import annotations

from pathlib import Path

import typer.main

from labortrace.cli import app
from labortrace.matching.features import FEATURES
from labortrace.risk import RULES

ROOT = Path(__file__).resolve().parents[1]


def _commands(group: typer.Typer, prefix: str = "") -> list[str]:
    from labortrace.cli import data, evidence, graph, registries, review, screening  # noqa: F401  (registers the commands)

    click_group = typer.main.get_command(group)
    names: list[str] = []
    for name, command in click_group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        names.extend(f"{prefix}{name} {s}" for s in sub) if sub else names.append(f"{prefix}{name}")
    return names


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands(app) if f"labortrace {c}" not in readme]
    assert missing == []


def test_every_feature_and_rule_has_an_explanation() -> None:
    for func in [*FEATURES, *RULES.values()]:
        assert (func.__doc__ or "").strip().endswith((".", ")")), func.__name__


def test_architecture_names_every_risk_rule() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert [r for r in RULES if f"`{r}`" not in text] == []
