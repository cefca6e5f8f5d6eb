"""The evidence pipeline: read a document, then find its claims, speakers, stances, quantities, indicators and mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from labortrace.evidence.attribution import Attribution, apposition, attribute
from labortrace.evidence.indicators import tag_indicators
from labortrace.evidence.mentions import find_mentions
from labortrace.evidence.model import Claim, Document, Mention, Quantity
from labortrace.evidence.quantities import find_quantities
from labortrace.evidence.reading import read_bytes
from labortrace.evidence.sentences import Sentence, split_sentences
from labortrace.evidence.speakers import canonical_name, classify_speaker
from labortrace.evidence.stance import decide_stance

# A sentence is about the topic when it speaks of labour, its conditions, the programmes or responses to them.
_TOPIC = re.compile(
    r"\b(labou?r\w*|workers?|workforce|employ\w*|jobs?|factor(y|ies)|transfer\w*|camps?|training|trainees?|"
    r"vocational|detain\w*|detention|intern\w*|quotas?|uy?i?ghurs?|kazakhs?|xinjiang|forced|coerc\w+|contracts?|"
    r"wages?|pay|paid|overtime|dormitor\w+|surveillance|allegations?|accusations?|genocide|re-?education|"
    r"supply chains?|suppliers?|sourc\w+|cotton|audit\w*|sanction\w*|entity list|uflpa|imports?|poverty|"
    r"indoctrinat\w+|passports?|villagers?|residents?|students?|graduat\w+)\b|新疆|劳动|转移|就业|培训", re.I)


@dataclass
class _Memory:
    """What earlier sentences said about speakers: the last one, and the type of each name seen."""

    last: tuple[str, str, tuple[int, int] | None] | None = None
    last_paragraph: int = -10
    types: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def remember(self, name: str, kind: str, span: tuple[int, int] | None, paragraph: int) -> None:
        self.last = (name, kind, span)
        self.last_paragraph = paragraph
        for key in _keys(name):
            self.types.setdefault(key, kind)
            self.names.setdefault(key, name)


def _keys(name: str) -> list[str]:
    words = [w.lower() for w in name.split() if w[:1].isupper()]
    if len(words) < 2:
        return [name.lower()]
    return [name.lower(), words[0], words[-1]]


def read_document(path_or_bytes: str | Path | bytes, *, name: str, max_bytes: int = 50_000_000) -> Document:
    """Read one file (path or bytes) and analyse it; never raises on bad input: `outcome` says what happened."""
    if isinstance(path_or_bytes, bytes):
        data = path_or_bytes
    else:
        path = Path(path_or_bytes)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                doc = Document(id="doc-" + name, title=path.stem, source=name)
                doc.outcome = f"error: {size:,} bytes is over the {max_bytes:,}-byte limit; split the file"
                return doc
            data = path.read_bytes()
        except OSError as exc:
            return Document(id="doc-" + name, title=path.stem, source=name, outcome=f"error: cannot open: {exc}")
    doc = read_bytes(data, name=name, max_bytes=max_bytes)
    return analyse(doc) if doc.outcome == "ok" else doc


def analyse(document: Document) -> Document:
    """Fill a read document's claims, quantities and mentions from its text; returns the same object."""
    document.claims, document.quantities, document.mentions = analyse_text(
        document.text, title=document.title, outlet=document.outlet)
    return document


def analyse_text(text: str, *, title: str = "", outlet: str | None = None) -> tuple[list[Claim], list[Quantity], list[Mention]]:
    """Return the claims, quantities and mentions of `text`, all with offsets into `text`."""
    sentences = list(split_sentences(text))
    claims: list[Claim] = []
    memory = _Memory()
    speakers: list[tuple[int, int]] = []
    for sentence in sentences:
        claim = _claim(text, sentence, memory, outlet or title or None)
        if claim is not None:
            claims.append(claim)
            if claim.speaker_start is not None and claim.speaker_end is not None:
                speakers.append((claim.speaker_start, claim.speaker_end))
    quantities = find_quantities(text, [(s.start, s.end) for s in sentences])
    people = [s for s in speakers if re.fullmatch(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}", text[s[0]:s[1]])]
    mentions = find_mentions(text, people)
    for claim in claims:
        claim.entities = [m.text for m in mentions if claim.start <= m.start and m.end <= claim.end]
    return claims, quantities, mentions


def _claim(text: str, sentence: Sentence, memory: _Memory, outlet: str | None) -> Claim | None:
    """Build the claim a sentence makes, or None when it is not about the topic."""
    found = attribute(sentence)
    speaker, kind, span, cue = _speaker(text, sentence, found, memory, outlet)
    stance, reasons = decide_stance(sentence.text, kind, cue)
    on_topic = _TOPIC.search(sentence.text) is not None
    if not on_topic and not (found and (found.source or found.continued) and reasons):
        return None
    start, end = found.content if found else (sentence.start, sentence.end)
    return Claim(
        text=text[start:end], start=start, end=end, speaker=speaker, speaker_type=kind, stance=stance,
        indicators=tag_indicators(sentence.text), speaker_start=span[0] if span else None,
        speaker_end=span[1] if span else None, cue=cue, reasons=reasons,
    )


def _speaker(text: str, sentence: Sentence, found: Attribution | None, memory: _Memory,
             outlet: str | None) -> tuple[str | None, str, tuple[int, int] | None, str | None]:
    """Resolve (speaker, type, span, cue): named, a pronoun or bare quote for the last speaker, else the outlet."""
    cue = text[found.cue[0]:found.cue[1]] if found and found.cue else None
    near = memory.last is not None and sentence.paragraph - memory.last_paragraph <= 2
    if found and found.source and not found.pronoun:
        span = found.source
        phrase = text[span[0]:span[1]]
        name = canonical_name(phrase)
        known = next((k for k in _keys(name) if k in memory.types), None)
        kind = classify_speaker(phrase, apposition(text, span, sentence))
        if known and (kind is None or len(name.split()) == 1):
            name, kind = memory.names[known], kind or memory.types[known]
        kind = kind or "journalist"
        memory.remember(name, kind, span, sentence.paragraph)
        return name, kind, span, cue
    if found and (found.pronoun or found.continued) and near and memory.last:
        name, kind, _ = memory.last
        memory.last_paragraph = sentence.paragraph
        return name, kind, (found.source if found.pronoun else None), cue
    kind = classify_speaker(outlet or "") or ("report" if outlet and "report" in outlet.lower() else "journalist")
    return outlet, kind, None, cue
