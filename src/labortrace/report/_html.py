"""report.html: one self-contained page (inline CSS, JS and SVG) that makes no request of any kind."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from labortrace.model import independent_sources
from markupsafe import Markup

from labortrace.model.records import RISK_LEVELS
from labortrace.report._chart import risk_bar_chart
from labortrace.report._document import RUN_KEYS, canonical, cell_text, level_counts, supplier_name, write_atomic

TITLE = "labortrace screening report"
FICTIONAL_BANNER = "FICTIONAL DEMO DATA — not real companies"
#: Severity used to sort rows by level: the most severe sorts highest.
SEVERITY = {level: len(RISK_LEVELS) - rank for rank, level in enumerate(RISK_LEVELS)}
#: Table cells are clipped to this many characters; the detail section shows the full text.
CELL_LIMIT = 160


def _clip(value: Any, limit: int = CELL_LIMIT) -> str:
    """Shorten long text for a table cell, marking the cut with an ellipsis."""
    text = cell_text(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("labortrace.report", "templates"),
        autoescape=True,  # every value is escaped unless it is our own Markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["clip"] = _clip
    env.filters["text"] = cell_text
    env.filters["sources"] = independent_sources
    return env


@cache
def _asset(name: str) -> str:
    return files("labortrace.report").joinpath("assets", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(css: str, js: str) -> str:
    """Allow only our own inline style and script, by hash; forbid every fetch, frame and form."""
    return (
        f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _row_view(result: Mapping[str, Any], run: Mapping[str, Any]) -> dict[str, Any]:
    matches = result["matches"]
    top = matches[0] if matches else None
    return {
        "row": result["row"],
        "name": supplier_name(result["input"], run),
        "level": result["risk"]["level"],
        "severity": SEVERITY[result["risk"]["level"]],
        "top_caption": top["caption"] if top else "",
        "top_score": float(top["score"]) if top else None,
        "reason_count": len(result["risk"].get("reasons", [])),
        "flagged": result["risk"]["level"] != "none",
        "input": {str(k): cell_text(v) for k, v in result["input"].items()},
        "reasons": [cell_text(reason) for reason in result["risk"].get("reasons", [])],
        "matches": matches,
    }


def _context(doc: Mapping[str, Any]) -> dict[str, Any]:
    data = canonical(doc)
    # Every documented run key is present for the template (None when absent), so a typo still fails.
    run = {**dict.fromkeys(RUN_KEYS), **data["run"]}
    rows = [_row_view(result, run) for result in data["results"]]
    counts = level_counts(data["results"])
    flagged = sorted((r for r in rows if r["flagged"]), key=lambda r: (-r["severity"], r["row"]))
    css, js = _asset("report.css"), _asset("report.js")
    return {
        "title": TITLE,
        "banner": FICTIONAL_BANNER if run.get("fictional") is True else None,
        "run": run,
        "levels": RISK_LEVELS,
        "counts": counts,
        "total": len(rows),
        "chart": risk_bar_chart(counts),
        "rows": rows,
        "flagged": flagged,
        # Our own bundled assets: trusted, inlined verbatim and pinned by hash in the CSP.
        "css": Markup(css),
        "js": Markup(js),
        "csp": content_security_policy(css, js),
    }


def render_html(doc: Mapping[str, Any]) -> str:
    """Render the results document as one self-contained HTML page."""
    return _environment().get_template("report.html").render(_context(doc))


def write_html(doc: Mapping[str, Any], path: Path) -> None:
    """Write report.html for the results document."""
    write_atomic(Path(path), render_html(doc).encode("utf-8"))
