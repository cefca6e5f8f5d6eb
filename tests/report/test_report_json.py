"""results.json round-trips exactly, keeps its documented key order, and refuses malformed documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from labortrace.errors import InputError
from labortrace.report import check_document, write_json


def _reversed_keys(value: Any) -> Any:
    """Rebuild nested dicts with their keys in reverse order, to prove the writer reorders them."""
    if isinstance(value, dict):
        return {k: _reversed_keys(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reversed_keys(v) for v in value]
    return value


def test_json_round_trips_exactly(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    write_json(sample_doc, path)
    assert json.loads(path.read_text(encoding="utf-8")) == sample_doc


def test_hostile_text_round_trips(hostile_doc: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    write_json(hostile_doc, path)
    assert json.loads(path.read_bytes()) == hostile_doc


def test_json_is_utf8_text_with_two_space_indent(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    write_json(sample_doc, path)
    text = path.read_bytes().decode("utf-8")
    assert "北岭晨光棉纺有限公司" in text  # not \u escapes
    assert text.startswith('{\n  "run": {\n    "id": ')


def test_keys_follow_documented_order(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    sample_doc["run"]["extra_note"] = "kept after the documented keys"
    path = tmp_path / "results.json"
    write_json(_reversed_keys(sample_doc), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["run", "results"]
    assert list(data["run"]) == [
        "id", "started_at", "datasets", "threshold", "review_threshold", "input_file", "encoding",
        "mapping", "fictional", "labortrace_version", "algorithm", "extra_note",
    ]
    assert list(data["run"]["datasets"][0]) == ["name", "kind", "version"]
    first = data["results"][0]
    assert list(first) == ["row", "input", "risk", "matches"]
    assert list(first["risk"]) == ["level", "reasons"]
    assert list(first["matches"][0]) == ["entity_id", "caption", "score", "datasets", "explanation"]
    # Input columns are the user's: their order is theirs, reversed here, and must not be sorted.
    assert list(first["input"]) == list(reversed(list(sample_doc["results"][0]["input"])))


def test_unknown_level_names_the_row(sample_doc: dict[str, Any]) -> None:
    sample_doc["results"][2]["risk"]["level"] = "severe"
    with pytest.raises(InputError) as caught:
        check_document(sample_doc)
    assert caught.value.row == 3
    assert "high, elevated, review, none" in caught.value.message


def test_missing_results_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="'results'"):
        write_json({"run": {"id": "x"}}, tmp_path / "results.json")
    assert not (tmp_path / "results.json").exists()
