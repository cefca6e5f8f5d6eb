"""Tag text with ILO forced-labour indicators and state-imposed markers from the pattern table in data/indicators.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Indicator:
    """One indicator: its id, kind (ilo or state), label and compiled patterns with reasons."""

    id: str
    kind: str
    label: str
    patterns: tuple[tuple[re.Pattern[str], str], ...]


@cache
def load_indicators() -> tuple[Indicator, ...]:
    """Read the shipped indicator table once."""
    raw = json.loads(files("labortrace.evidence").joinpath("data/indicators.json").read_text("utf-8"))
    return tuple(
        Indicator(
            id=item["id"], kind=item["kind"], label=item["label"],
            patterns=tuple((re.compile(p["re"], re.IGNORECASE), p["why"]) for p in item["patterns"]),
        )
        for item in raw["indicators"]
    )


def tag_indicators(text: str) -> list[str]:
    """Return the ids of indicators whose patterns occur in `text`, in table order."""
    return [ind.id for ind in load_indicators() if any(p.search(text) for p, _ in ind.patterns)]


def explain_indicators(text: str) -> list[tuple[str, str, str]]:
    """Return (indicator id, matched words, reason) for every pattern that fires in `text`."""
    found = []
    for ind in load_indicators():
        for pattern, why in ind.patterns:
            match = pattern.search(text)
            if match:
                found.append((ind.id, match.group(), why))
                break
    return found
