"""Documents and their claims in the workspace: each document is written whole in one transaction, or not at all."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from labortrace.evidence.model import Document
from labortrace.store import schema as s

#: Columns of an evidence item as screening and reports show it.
EVIDENCE_KEYS = ("claim", "stance", "speaker", "speaker_type", "document_id", "title", "outlet", "date", "source", "start", "end", "link")


def save_document(engine: Engine, doc: Document, dataset: str, links: dict[str, str]) -> None:
    """Replace a document and everything extracted from it; `links` maps mention text to an entity id."""
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        conn.execute(delete(s.documents).where(s.documents.c.id == doc.id))
        for table in (s.claims, s.claim_entities, s.mentions, s.quantities):
            conn.execute(delete(table).where(table.c.document_id == doc.id))
        conn.execute(insert(s.documents).values(
            id=doc.id, dataset=dataset, title=doc.title, source=doc.source, date=doc.date,
            language=doc.language, author=doc.author, outlet=doc.outlet, outcome=doc.outcome,
            sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(), ingested_at=now, text=doc.text,
        ))
        _insert(conn, s.claims, [
            dict(document_id=doc.id, idx=i, text=c.text, start=c.start, end=c.end, speaker=c.speaker,
                 speaker_type=c.speaker_type, stance=c.stance, indicators=c.indicators, cue=c.cue, reasons=c.reasons)
            for i, c in enumerate(doc.claims)
        ])
        _insert(conn, s.claim_entities, list(_claim_links(doc, links)))
        _insert(conn, s.mentions, [
            dict(document_id=doc.id, idx=i, text=m.text, type=m.type, start=m.start, end=m.end, entity_id=m.entity_id)
            for i, m in enumerate(doc.mentions)
        ])
        _insert(conn, s.quantities, [
            dict(document_id=doc.id, idx=i, value=q.value, unit=q.unit, text=q.text, start=q.start, end=q.end,
                 counts=q.counts, when=q.when)
            for i, q in enumerate(doc.quantities)
        ])


def _insert(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans.append((start, start + len(part)))
        start += len(part) + 2
    return spans


def _claim_links(doc: Document, links: dict[str, str]) -> Iterable[dict[str, Any]]:
    """What a claim is about, and how we know: an entity named inside it ('mention') or as its speaker ('speaker');
    else one named in its paragraph ('paragraph'); else one the document's lead paragraph names ('lead')."""
    linked = [m for m in doc.mentions if m.text in links]
    paragraphs = _paragraphs(doc.text)
    lead = next((p for p in paragraphs if any(p[0] <= m.start < p[1] for m in linked)), None)
    for i, claim in enumerate(doc.claims):
        para = next((p for p in paragraphs if p[0] <= claim.start < p[1]), (claim.start, claim.end))
        tiers = [
            ("mention", [m.text for m in linked if claim.start <= m.start and m.end <= claim.end] + list(claim.entities)),
            ("speaker", [claim.speaker or ""]),
            ("paragraph", [m.text for m in linked if para[0] <= m.start < para[1]]),
            ("lead", [m.text for m in linked if lead and lead[0] <= m.start < lead[1]]),
        ]
        seen: set[str] = set()
        for role, texts in tiers:
            if seen and role in ("paragraph", "lead"):
                break
            for text in texts:
                entity = links.get(text)
                if entity and entity not in seen:
                    seen.add(entity)
                    yield dict(document_id=doc.id, idx=i, entity_id=entity, role=role, mention=text)


def evidence_for(engine: Engine, entity_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Claims about each entity, newest document first: both sides, with who said them and where."""
    ids = sorted(set(entity_ids))
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if not ids:
        return out
    ce, c, d = s.claim_entities, s.claims, s.documents
    query = (
        select(ce.c.entity_id, c.c.text, c.c.stance, c.c.speaker, c.c.speaker_type, d.c.id, d.c.title, d.c.outlet,
               d.c.date, d.c.source, c.c.start, c.c.end, ce.c.role)
        .join(c, (c.c.document_id == ce.c.document_id) & (c.c.idx == ce.c.idx))
        .join(d, d.c.id == ce.c.document_id)
        .where(ce.c.entity_id.in_(ids))
        .order_by(ce.c.entity_id, d.c.date.desc(), d.c.id, c.c.start)
    )
    with engine.connect() as conn:
        for row in conn.execute(query):
            out[row[0]].append(dict(zip(EVIDENCE_KEYS, row[1:])))
    return out


def documents(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(s.documents).order_by(s.documents.c.ingested_at)).all()
    return [{k: v for k, v in r._mapping.items() if k != "text"} for r in rows]
