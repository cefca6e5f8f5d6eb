"""Renderers for one screening result: compute once, render as JSON, CSV or self-contained HTML.

Formats are registered by name in RENDERERS (built-ins too); each renderer writes the results
document to a path. write_report writes the chosen formats into one folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from labortrace.errors import ConfigError
from labortrace.report._csv import dumps_csv, write_csv
from labortrace.report._document import canonical, check_document, level_counts, supplier_name
from labortrace.report._html import render_html, write_html
from labortrace.report._json import dumps_json, write_json

#: A renderer writes the results document to a file.
Renderer = Callable[[Mapping[str, Any], Path], None]

#: Renderers by format name; register more with register_renderer.
RENDERERS: dict[str, Renderer] = {}
#: The file name each format gets inside a report folder.
REPORT_FILENAMES: dict[str, str] = {}


def register_renderer(name: str, filename: str, renderer: Renderer) -> None:
    """Register a report format by name, with the file name write_report gives it."""
    RENDERERS[name] = renderer
    REPORT_FILENAMES[name] = filename


register_renderer("json", "results.json", write_json)
register_renderer("csv", "results.csv", write_csv)
register_renderer("html", "report.html", write_html)


def write_report(
    doc: Mapping[str, Any], out_dir: Path, *, formats: Iterable[str] | None = None
) -> dict[str, Path]:
    """Write the results document in each format (all registered by default); return paths by format."""
    chosen = list(RENDERERS) if formats is None else list(formats)
    unknown = [name for name in chosen if name not in RENDERERS]
    if unknown:
        known = ", ".join(sorted(RENDERERS))
        raise ConfigError(f"Unknown report format {', '.join(unknown)}: choose from {known}.")
    check_document(doc)  # fail before writing anything
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in chosen:
        path = out / REPORT_FILENAMES[name]
        RENDERERS[name](doc, path)
        written[name] = path
    return written


__all__ = [
    "RENDERERS",
    "REPORT_FILENAMES",
    "Renderer",
    "canonical",
    "check_document",
    "dumps_csv",
    "dumps_json",
    "level_counts",
    "register_renderer",
    "render_html",
    "supplier_name",
    "write_csv",
    "write_html",
    "write_json",
    "write_report",
]
