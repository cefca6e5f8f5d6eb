"""results.json: the screening result as data, the one file later tools read."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from labortrace.report._document import canonical, write_atomic


def dumps_json(doc: Mapping[str, Any]) -> str:
    """Serialise the results document: UTF-8 text, two-space indent, keys in documented order."""
    # allow_nan=False: NaN is not JSON, and a score that is not a number is a bug to surface.
    return json.dumps(canonical(doc), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(doc: Mapping[str, Any], path: Path) -> None:
    """Write the results document to `path` as UTF-8 JSON that reads back equal to `doc`."""
    write_atomic(Path(path), dumps_json(doc).encode("utf-8"))
