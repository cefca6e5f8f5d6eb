"""The evidence pipeline: read a document, then find its claims, speakers, stances, quantities, indicators and mentions."""

from __future__ import annotations

import re
from pathlib import Path

from labortrace.evidence.attribution import attribute
from labortrace.evidence.indicators import tag_indicators
from labortrace.evidence.mentions import find_mentions
from labortrace.evidence.model import Claim, Document, Mention, Quantity
from labortrace.evidence.quantities import find_quantities
from labortrace.evidence.reading import read_bytes
from labortrace.evidence.sentences import Sentence, split_sentences
from labortrace.evidence.resolution import Memory, outlet_type, resolve
from labortrace.evidence.stance import stance_score
from labortrace.evidence.stance_model import StanceContext, document_lean, predict

# A sentence is about the topic when it speaks of labour, its conditions, the programmes or responses to them.
_TOPIC = re.compile(
    r"\b(labou?r\w*|workers?|workforce|employ\w*|jobs?|factor(y|ies)|transfer\w*|camps?|training|trainees?|"
    r"vocational|detain\w*|detention|intern\w*|quotas?|uy?i?ghurs?|kazakhs?|xinjiang|forced|coerc\w+|contracts?|"
    r"wages?|pay|paid|overtime|dormitor\w+|surveillance|allegations?|accusations?|genocide|re-?education|"
    r"supply chains?|suppliers?|sourc\w+|cotton|audit\w*|sanction\w*|entity list|uflpa|imports?|poverty|"
    r"indoctrinat\w+|passports?|villagers?|residents?|students?|graduat\w+)\b|新疆|劳动|转移|就业|培训", re.I)

# A document with this many topical sentences is about the topic: all its statements are claims.
_TOPICAL_DOCUMENT = 2
# A question asked at a briefing or in an interview states nothing: 'Question: ...', 'Q: ...', '... ?'.
_QUESTION = re.compile(r"^\s*(question|q)\s*:|\?[\"'”’)]*\s*$", re.I)


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
    found = claims_in_context(text, sentences, outlet or title or None, title=title)
    claims = [claim for claim, _ in found]
    for claim, context in found:
        claim.stance, claim.stance_probability, claim.reasons = predict(context)
    speakers = [(c.speaker_start, c.speaker_end) for c in claims if c.speaker_start is not None and c.speaker_end is not None]
    quantities = find_quantities(text, [(s.start, s.end) for s in sentences])
    people = [s for s in speakers if re.fullmatch(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}", text[s[0]:s[1]])]
    mentions = find_mentions(text, people)
    for claim in claims:
        claim.entities = [m.text for m in mentions if claim.start <= m.start and m.end <= claim.end]
    return claims, quantities, mentions


def claims_in_context(text: str, sentences: list[Sentence], outlet: str | None, *,
                      title: str = "") -> list[tuple[Claim, StanceContext]]:
    """Return each claim (stance not yet decided) with what the stance model reads about it.

    In a document about the topic (two or more topical sentences) every statement is a claim, plain facts too
    (they are 'neutral'); elsewhere only topical or attributed sentences are. A headline repeated at the top of
    the text and questions ('Question: ...', '...?' at a press briefing) are never claims.
    """
    memory = Memory()
    kind = outlet_type(outlet)
    headline = len(title.strip()) if title.strip() and text.lstrip().startswith(title.strip()) else 0
    on_topic_document = sum(_TOPIC.search(s.text) is not None for s in sentences) >= _TOPICAL_DOCUMENT
    found: list[tuple[Claim, Sentence, float]] = []
    for sentence in sentences:
        if sentence.end <= len(text) - len(text.lstrip()) + headline or _QUESTION.search(sentence.text):
            continue
        made = _claim(text, sentence, memory, outlet, on_topic_document)
        if made is not None:
            found.append((made[0], sentence, made[1]))
    lean = document_lean(score for _, _, score in found)
    return [(c, StanceContext(s.text, c.speaker_type, c.cue, kind, c.speaker_start is None and c.speaker == outlet, lean,
                              score, tuple(c.reasons))) for c, s, score in found]


def _claim(text: str, sentence: Sentence, memory: Memory, outlet: str | None,
           on_topic_document: bool) -> tuple[Claim, float] | None:
    """Build the claim a sentence makes with its rule score, or None when it is not a claim."""
    found = attribute(sentence)
    speaker, kind, span, cue = resolve(text, sentence, found, memory, outlet)
    score, reasons = stance_score(sentence.text, kind, cue)
    on_topic = _TOPIC.search(sentence.text) is not None
    if not on_topic_document and not on_topic and not (found and (found.source or found.continued) and reasons):
        return None
    start, end = found.content if found else (sentence.start, sentence.end)
    return Claim(
        text=text[start:end], start=start, end=end, speaker=speaker, speaker_type=kind, stance="neutral",
        indicators=tag_indicators(sentence.text), speaker_start=span[0] if span else None,
        speaker_end=span[1] if span else None, cue=cue, reasons=reasons,
    ), score
