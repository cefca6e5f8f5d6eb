"""analyze_name gives the saved analyses of ~3,000 generated names of every script (a guard for speed work).

The names (tests/names/data/analysis_golden_names.txt.gz) were drawn from the benchmark generator (training seed
101: Han, pinyin, English, Latin with diacritics, Cyrillic and Arabic reference names, queries of every variant
family) plus edge cases. Their analyses were saved before analyze_name was made faster; a change that only
makes it faster must leave them equal. A deliberate change of the analysis (a lexicon row, a rule) rewrites
the expectations with: PYTHONPATH=src:. python -m tests.names.test_analysis_golden --write
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import cast

from labortrace.names.normalize import analyze_name

DATA = Path(__file__).resolve().parent / "data"
NAMES = DATA / "analysis_golden_names.txt.gz"
EXPECTED = DATA / "analysis_golden_expected.json.gz"

Row = list[object]


def _names() -> list[str]:
    with gzip.open(NAMES, "rt", encoding="utf-8") as fh:
        names: list[str] = json.load(fh)
    return names


def _analyse(name: str) -> Row:
    a = analyze_name(name)
    return [sorted(a.scripts), list(a.legal_forms), list(a.tokens), a.place_prefix]


def _expected() -> list[Row]:
    with gzip.open(EXPECTED, "rt", encoding="utf-8") as fh:
        rows: list[Row] = json.load(fh)
    return rows


def test_saved_analyses_cover_every_script() -> None:
    scripts = {s for row in _expected() for s in cast(list[str], row[0])}
    assert {"han", "latin", "cyrillic", "arabic"} <= scripts


def test_analyze_name_gives_the_saved_analyses() -> None:
    names, expected = _names(), _expected()
    assert len(names) == len(expected) > 2900
    differ = [(n, e, got) for n, e in zip(names, expected) if (got := _analyse(n)) != e]
    assert not differ, f"{len(differ)} names analyse differently, e.g. {differ[:3]}"


def _write() -> None:
    rows = [_analyse(n) for n in _names()]
    with gzip.open(EXPECTED, "wt", encoding="utf-8") as fh:
        json.dump(rows, fh)
    print(f"wrote {len(rows)} analyses to {EXPECTED}")


if __name__ == "__main__" and "--write" in sys.argv:
    _write()
