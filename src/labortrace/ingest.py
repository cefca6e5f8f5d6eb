"""Ingest documents: read files, folders and URLs, extract evidence, link what they mention to workspace entities."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from labortrace.evidence import Document, Mention, read_document
from labortrace.matching import Matcher
from labortrace.model import QueryRecord

SUPPORTED = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
LINKED_TYPES = ("company", "organisation", "government")
MAX_BYTES = 50_000_000


@dataclass
class IngestOutcome:
    """What happened to one document: its outcome, whether it was stored, which mentions were linked."""

    document: Document
    stored: bool = False
    links: dict[str, str] = field(default_factory=dict)


def expand_sources(sources: Sequence[str]) -> Iterator[str]:
    """Files as given, folders walked for supported files (sorted), URLs as they are."""
    for source in sources:
        if source.startswith(("http://", "https://")):
            yield source
            continue
        path = Path(source)
        if path.is_dir():
            yield from (str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUPPORTED)
        else:
            yield source


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = 30.0,
          transport: httpx.BaseTransport | None = None) -> bytes:
    """GET a URL with a timeout and a size limit; raises httpx errors or ValueError (over the limit)."""
    with httpx.Client(timeout=timeout, follow_redirects=True, transport=transport) as client:
        with client.stream("GET", url, headers={"User-Agent": "labortrace"}) as response:
            response.raise_for_status()
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > max_bytes:
                raise ValueError(f"{declared:,} bytes is over the {max_bytes:,}-byte limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ValueError(f"more than the {max_bytes:,}-byte limit")
                chunks.append(chunk)
    return b"".join(chunks)


def read_source(source: str, *, max_bytes: int = MAX_BYTES, timeout: float = 30.0,
                transport: httpx.BaseTransport | None = None) -> Document:
    """One document from a path or URL; never raises: the outcome says what went wrong."""
    if not source.startswith(("http://", "https://")):
        if not Path(source).is_file():
            return Document(id=_doc_id(source.encode()), title=Path(source).name, source=source, outcome="error: no such file")
        return read_document(Path(source), name=source, max_bytes=max_bytes)
    try:
        data = fetch(source, max_bytes=max_bytes, timeout=timeout, transport=transport)
    except (httpx.HTTPError, ValueError) as exc:
        return Document(id=_doc_id(source.encode()), title=source, source=source, outcome=f"error: {exc}")
    return read_document(data, name=source, max_bytes=max_bytes)


def _doc_id(data: bytes) -> str:
    return "doc-" + hashlib.sha256(data).hexdigest()[:16]


#: Runs of capitalised words (with the small words names contain) and runs of Han characters: possible names.
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w&'.-]*)(?:\s+(?:(?:of|and|for|the|de|&)\s+)?[A-Z][\w&'.-]*){1,7}|[\u4e00-\u9fff（）()]{4,30}"
)


def spot_names(doc: Document, matcher: Matcher) -> None:
    """Add mentions of workspace entities the extractor did not find: name-like runs the matcher links confidently."""
    found = [(m.start(), m.group().rstrip(".")) for m in _NAME_RUN.finditer(doc.text)]
    fresh = [(s, s + len(t), t) for s, t in found]
    fresh = [f for f in fresh if not any(_overlaps_not_inside(m, f) for m in doc.mentions)]
    queries = [QueryRecord(row=i, input={}, name=t) for i, (_s, _e, t) in enumerate(fresh)]
    for (start, end, text), matches in zip(fresh, matcher.match_all(queries)):
        if matches and matches[0].score >= matcher.options.threshold and not _tied(matches):
            # the longer, linked name replaces shorter mentions inside it ('Xinjiang' in 'Xinjiang Zhongtai Chemical')
            doc.mentions = [m for m in doc.mentions if not (start <= m.start and m.end <= end)]
            doc.mentions.append(Mention(text, "company", start, end))
    doc.mentions.sort(key=lambda m: m.start)


def _overlaps_not_inside(m: Mention, span: tuple[int, int, str]) -> bool:
    start, end, _ = span
    return m.start < end and start < m.end and not (start <= m.start and m.end <= end)


def link_mentions(doc: Document, matcher: Matcher | None) -> dict[str, str]:
    """Link company, organisation and government mentions, and speakers, to entities with the screening matcher."""
    if matcher is None:
        return {}
    spot_names(doc, matcher)
    texts = sorted({m.text for m in doc.mentions if m.type in LINKED_TYPES} | {c.speaker for c in doc.claims if c.speaker})
    queries = [QueryRecord(row=i, input={}, name=t) for i, t in enumerate(texts)]
    links: dict[str, str] = {}
    for text, matches in zip(texts, matcher.match_all(queries)):
        if matches and matches[0].score >= matcher.options.threshold and not _tied(matches):
            links[text] = matches[0].entity_id
    for mention in doc.mentions:
        mention.entity_id = links.get(mention.text)
    return links


def _tied(matches: Sequence[Any]) -> bool:
    """Two different entities fit the mention equally: do not guess."""
    return len(matches) > 1 and matches[1].score >= matches[0].score - 0.02


def document_json(doc: Document, links: dict[str, str]) -> dict[str, Any]:
    """The `ingest --json` shape: claims with linked entity ids, quantities, mentions with entity ids."""
    def claim_entities(c: Any) -> list[str]:
        inside = [m.text for m in doc.mentions if c.start <= m.start and m.end <= c.end]
        ids = [links[t] for t in [*c.entities, *inside, c.speaker or ""] if t in links]
        return list(dict.fromkeys(ids))

    return {
        "id": doc.id, "title": doc.title, "source": doc.source, "date": doc.date, "outlet": doc.outlet,
        "language": doc.language, "outcome": doc.outcome,
        "claims": [
            {"text": c.text, "start": c.start, "end": c.end, "speaker": c.speaker, "speaker_type": c.speaker_type,
             "stance": c.stance, "indicators": list(c.indicators), "entities": claim_entities(c)}
            for c in doc.claims
        ],
        "quantities": [
            {"value": q.value, "unit": q.unit, "text": q.text, "start": q.start, "end": q.end, "counts": q.counts,
             "when": q.when}
            for q in doc.quantities
        ],
        "mentions": [
            {"text": m.text, "type": m.type, "start": m.start, "end": m.end, "entity_id": m.entity_id}
            for m in doc.mentions
        ],
    }

