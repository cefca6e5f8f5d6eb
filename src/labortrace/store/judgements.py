"""Reviewer judgements on (supplier, entity) pairs: recorded with who and when, exported and imported as JSON lines.

A supplier is keyed by the canonical form of its name (script, spacing and legal form do not matter),
so a decision about '新疆中泰化学股份有限公司' holds for 'XINJIANG ZHONGTAI CHEMICAL CO LTD' too.
The latest decision on a pair is the one in force; earlier ones stay as history.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, select

from labortrace.errors import InputError
from labortrace.names.normalize import analyze_name
from labortrace.store import schema as s

JUDGEMENTS = ("confirm", "reject", "unsure")


@dataclass(frozen=True)
class Judgement:
    query_name: str
    entity_id: str
    judgement: str
    reviewer: str
    comment: str = ""
    created_at: str = ""  #: ISO 8601, UTC
    run_id: str | None = None
    row: int | None = None

    @property
    def query_key(self) -> str:
        return query_key(self.query_name)

    def describe(self) -> str:
        verb = {"confirm": "confirmed", "reject": "rejected", "unsure": "marked unsure"}[self.judgement]
        note = f": {self.comment}" if self.comment else ""
        return f"{verb} by {self.reviewer} on {self.created_at[:10]}{note}"


def query_key(name: str) -> str:
    """The key a supplier's judgements are stored under: its canonical name tokens."""
    analysis = analyze_name(name)
    return " ".join(analysis.tokens) or name.strip().casefold()


def decided(query_name: str, judged: Mapping[tuple[str, str], Judgement], judgement: str) -> list[str]:
    """Entity ids a reviewer gave this judgement for this supplier name, in the order of `judged`."""
    key = query_key(query_name) if query_name.strip() else None
    return [entity_id for (k, entity_id), j in judged.items() if k == key and j.judgement == judgement]


def record(engine: Engine, judgement: Judgement) -> Judgement:
    """Store one decision; refuses unknown judgements and anonymous reviewers."""
    if judgement.judgement not in JUDGEMENTS:
        raise InputError(f"judgement must be one of {', '.join(JUDGEMENTS)}, not {judgement.judgement!r}")
    if not judgement.reviewer.strip():
        raise InputError("a judgement needs the reviewer's name")
    stamped = judgement if judgement.created_at else _stamp(judgement)
    with engine.begin() as conn:
        conn.execute(insert(s.judgements).values(query_key=stamped.query_key, **_row(stamped)))
    return stamped


def _stamp(j: Judgement) -> Judgement:
    return Judgement(**{**asdict(j), "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds")})


def _row(j: Judgement) -> dict[str, Any]:
    row = asdict(j)
    row["created_at"] = datetime.fromisoformat(j.created_at)
    return row


def current(engine: Engine, names: Iterable[str]) -> dict[tuple[str, str], Judgement]:
    """The decision in force for each (query key, entity id) among the given supplier names."""
    keys = sorted({query_key(n) for n in names if n.strip()})
    out: dict[tuple[str, str], Judgement] = {}
    if not keys:
        return out
    query = select(s.judgements).where(s.judgements.c.query_key.in_(keys)).order_by(s.judgements.c.id)
    with engine.connect() as conn:
        for row in conn.execute(query):
            out[(row.query_key, row.entity_id)] = _judgement(row)
    return out


def history(engine: Engine) -> Iterator[Judgement]:
    with engine.connect() as conn:
        for row in conn.execute(select(s.judgements).order_by(s.judgements.c.id)):
            yield _judgement(row)


def _judgement(row: Any) -> Judgement:
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=timezone.utc)
    return Judgement(row.query_name, row.entity_id, row.judgement, row.reviewer, row.comment or "",
                     created.isoformat(timespec="seconds"), row.run_id, row.row)


def export_jsonl(engine: Engine, path: Path) -> int:
    """Write every decision, oldest first, one JSON object a line; returns how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        for j in history(engine):
            fh.write(json.dumps(asdict(j), ensure_ascii=False) + "\n")
            count += 1
    return count


def import_jsonl(engine: Engine, path: Path) -> int:
    """Read decisions from JSON lines, all or none: a bad line names its line number and nothing is stored."""
    items: list[Judgement] = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                item = Judgement(**{k: data[k] for k in asdict(Judgement("", "", "", "")) if k in data})
                if item.judgement not in JUDGEMENTS or not item.reviewer or not item.entity_id or not item.query_name:
                    raise ValueError("needs query_name, entity_id, reviewer and a judgement of " + "/".join(JUDGEMENTS))
                items.append(item if item.created_at else _stamp(item))
                datetime.fromisoformat(items[-1].created_at)
            except (ValueError, TypeError, KeyError) as exc:
                raise InputError(f"not a judgement: {exc}", file=path, row=line_no) from exc
    with engine.begin() as conn:
        for item in items:
            conn.execute(insert(s.judgements).values(query_key=item.query_key, **_row(item)))
    return len(items)
