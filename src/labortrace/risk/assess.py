"""Combine the reasons the rules give into one level per supplier."""

from __future__ import annotations

from collections.abc import Iterable

from labortrace.model import RiskAssessment
from labortrace.risk.rules import RULES, SEVERITY, Context, Reason


def assess(ctx: Context, rules: Iterable[str] | None = None) -> RiskAssessment:
    """The most severe level among the reasons of the named rules (all by default), reasons most severe first."""
    reasons: list[Reason] = []
    for name in rules if rules is not None else RULES:
        reasons.extend(RULES[name](ctx))
    if not ctx.query.name.strip():
        reasons.append(Reason("review", "The row has no supplier name: fill it in and screen again.", "empty_name"))
    first: dict[str, Reason] = {}
    for r in reasons:
        first.setdefault(r.text, r)  # each text once, where it first came
    unique = list(first.values())
    unique.sort(key=lambda r: -SEVERITY[r.level])
    level = unique[0].level if unique else "none"
    return RiskAssessment(level, tuple(r.text for r in unique))
