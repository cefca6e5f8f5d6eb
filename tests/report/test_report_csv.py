"""results.csv: one record per input row, BOM for Excel, Han text intact, formulas defused."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from labortrace.report import write_csv

HEAD = ["row", "Supplier Name", "Country", "City", "Supplier ID"]
TAIL = [
    "risk_level", "risk_reasons", "top_match_caption", "top_match_score",
    "top_match_datasets", "top_match_entity_id", "match_count",
]


def _read(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_one_record_per_row_in_input_order(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    write_csv(sample_doc, path)
    header, *records = _read(path)
    assert header == HEAD + TAIL
    assert [int(r[0]) for r in records] == [r["row"] for r in sample_doc["results"]]
    # No field in the sample spans lines, so physical lines equal records (+1 header).
    assert len(path.read_bytes().decode("utf-8-sig").splitlines()) == len(sample_doc["results"]) + 1


def test_han_text_and_top_match(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    write_csv(sample_doc, path)
    first = dict(zip(*_read(path)[0:2], strict=True))
    assert first["Supplier Name"] == "北岭晨光棉纺有限公司"
    assert first["risk_level"] == "high"
    assert first["risk_reasons"] == " | ".join(sample_doc["results"][0]["risk"]["reasons"])
    assert first["top_match_caption"] == "北岭晨光棉纺有限公司"
    assert first["top_match_score"] == "0.97"
    assert first["top_match_datasets"] == "us_uflpa_entity_list | opensanctions_sanctions"
    assert first["top_match_entity_id"] == "lt-demo-0001"
    assert first["match_count"] == "2"


def test_row_without_match_leaves_match_cells_empty(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "results.csv"
    write_csv(sample_doc, path)
    second = dict(zip(*_read(path)[0:3:2], strict=True))
    assert second["risk_level"] == "none"
    assert second["top_match_caption"] == second["top_match_score"] == ""
    assert second["match_count"] == "0"


def test_formulas_are_defused(hostile_doc: dict[str, Any], tmp_path: Path) -> None:
    doc = hostile_doc
    doc["results"][0]["input"].update({"a": "+1", "b": "-2", "c": "@SUM(A1)", "d": "\tx", "e": "\rx"})
    doc["results"][0]["risk"]["reasons"] = ["=cmd|' /C calc'!A0"]
    path = tmp_path / "results.csv"
    write_csv(doc, path)
    header, first, *_ = _read(path)
    cells = dict(zip(header, first, strict=True))
    assert cells["note"] == "'=HYPERLINK(\"https://evil.example\")"
    assert [cells[k] for k in "abcde"] == ["'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx"]
    assert cells["risk_reasons"] == "'=cmd|' /C calc'!A0"
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in _read(path) for cell in row)


def test_input_columns_clashing_with_ours_get_a_prefix(tmp_path: Path) -> None:
    doc = {
        "run": {"id": "r", "started_at": "2025-01-01T00:00:00", "datasets": [], "threshold": 0.7},
        "results": [
            {"row": 1, "input": {"row": "7", "name": "A", "risk_level": "low"},
             "risk": {"level": "none", "reasons": []}, "matches": []},
        ],
    }
    path = tmp_path / "results.csv"
    write_csv(doc, path)
    header, first = _read(path)
    assert header[:4] == ["row", "input:row", "name", "input:risk_level"]
    assert first[:4] == ["1", "7", "A", "low"]
    assert first[header.index("risk_level")] == "none"
