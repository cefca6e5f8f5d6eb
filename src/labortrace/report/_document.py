"""The results document every renderer formats: its shape check, key order and small views."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from labortrace.errors import InputError
from labortrace.model.records import RISK_LEVELS

#: Key order of the results document (results.json stays stable for later tools).
TOP_KEYS = ("run", "results")
RUN_KEYS = (
    "id",
    "started_at",
    "datasets",
    "threshold",
    "review_threshold",
    "input_file",
    "encoding",
    "mapping",
    "fictional",
    "labortrace_version",
    "algorithm",
)
DATASET_KEYS = ("name", "kind", "version")
RESULT_KEYS = ("row", "input", "risk", "matches")
RISK_KEYS = ("level", "reasons")
MATCH_KEYS = ("entity_id", "caption", "score", "datasets", "explanation", "judgement", "evidence")

#: Input headers taken as the supplier name when the run does not name its name column.
NAME_HEADERS = frozenset(
    {
        "name",
        "supplier",
        "supplier name",
        "company",
        "company name",
        "vendor",
        "vendor name",
        "legal name",
        "entity name",
        "供应商",
        "供应商名称",
        "公司名称",
        "企业名称",
        "名称",
    }
)


def _ordered(mapping: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """Copy a mapping with the known keys first, in their order, and any other keys after."""
    out = {key: mapping[key] for key in keys if key in mapping}
    out.update((key, value) for key, value in mapping.items() if key not in out)
    return out


def _canonical_result(result: Mapping[str, Any]) -> dict[str, Any]:
    out = _ordered(result, RESULT_KEYS)
    out["risk"] = _ordered(result["risk"], RISK_KEYS)
    out["matches"] = [_ordered(match, MATCH_KEYS) for match in result["matches"]]
    return out


def canonical(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Return the document with every level's keys in the documented order; values are untouched."""
    check_document(doc)
    out = _ordered(doc, TOP_KEYS)
    run = _ordered(doc["run"], RUN_KEYS)
    run["datasets"] = [_ordered(ds, DATASET_KEYS) for ds in doc["run"].get("datasets", [])]
    out["run"] = run
    out["results"] = [_canonical_result(result) for result in doc["results"]]
    return out


def _fail(message: str, row: int | None = None) -> InputError:
    return InputError(message + " Re-run the screening to regenerate the results document.", row=row)


def _check_result(result: Any, index: int) -> None:
    if not isinstance(result, Mapping):
        raise _fail(f"results[{index}] is not an object.")
    row = result.get("row")
    if not isinstance(row, int):
        raise _fail(f"results[{index}] has no integer 'row'.")
    if not isinstance(result.get("input"), Mapping):
        raise _fail("result has no 'input' object.", row=row)
    risk = result.get("risk")
    if not isinstance(risk, Mapping) or risk.get("level") not in RISK_LEVELS:
        raise _fail(f"risk level must be one of {', '.join(RISK_LEVELS)}.", row=row)
    matches = result.get("matches")
    if not isinstance(matches, list) or not all(isinstance(m, Mapping) for m in matches):
        raise _fail("'matches' must be a list of objects.", row=row)
    if any(not isinstance(m.get("score"), (int, float)) for m in matches):
        raise _fail("every match needs a numeric 'score'.", row=row)


def check_document(doc: Any) -> None:
    """Raise InputError when the document lacks what the renderers read."""
    if not isinstance(doc, Mapping) or not isinstance(doc.get("run"), Mapping):
        raise _fail("The results document has no 'run' object.")
    if not isinstance(doc.get("results"), list):
        raise _fail("The results document has no 'results' list.")
    for index, result in enumerate(doc["results"]):
        _check_result(result, index)


def level_counts(results: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Count rows per risk level, every level present, most severe first."""
    counts = dict.fromkeys(RISK_LEVELS, 0)
    for result in results:
        counts[result["risk"]["level"]] += 1
    return counts


def cell_text(value: Any) -> str:
    """Show an input value as text: None is empty, everything else as str() gives it."""
    return "" if value is None else str(value)


def _header_key(header: str) -> str:
    return " ".join(header.replace("_", " ").replace("-", " ").casefold().split())


def supplier_name(row_input: Mapping[str, Any], run: Mapping[str, Any]) -> str:
    """Name a supplier: the run's mapped name column, else a name-like header, else the first column."""
    mapping = run.get("mapping")
    mapped = mapping.get("name") if isinstance(mapping, Mapping) else None
    if isinstance(mapped, str) and mapped in row_input:
        return cell_text(row_input[mapped])
    for header, value in row_input.items():
        if _header_key(str(header)) in NAME_HEADERS:
            return cell_text(value)
    first = next(iter(row_input.values()), "")
    return cell_text(first)


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a file so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A sibling temp file keeps os.replace on one file system; open() honours the umask.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
