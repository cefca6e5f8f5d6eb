"""Resolve who speaks in a sentence: a named source, a pronoun or 'the company' for an earlier one, else the outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from labortrace.evidence.attribution import Attribution, apposition
from labortrace.evidence.sentences import Sentence
from labortrace.evidence.speakers import canonical_name, classify_speaker

# 'The company said' names an earlier speaker of that type, or the outlet when the outlet is one ('the Centre').
_DEFINITE = re.compile(
    r"^(?:the|our)\s+(?P<noun>company|firm|retailer|brand|group|manufacturer|supplier|importer|ministry|agency|"
    r"department|bureau|government|embassy|mission|institute|centre|center|network|coalition|alliance|monitor|"
    r"organi[sz]ation|charity|project|report|study|researchers|authors|board|smelter|factory|plant)$", re.I)
_NOUN_TYPE = {"company": "company", "firm": "company", "retailer": "company", "brand": "company", "group": "company",
              "manufacturer": "company", "supplier": "company", "importer": "company", "board": "company",
              "smelter": "company", "factory": "company", "plant": "company", "ministry": "government",
              "agency": "government", "department": "government", "bureau": "government", "government": "government",
              "embassy": "government", "mission": "government"}
# Evidence that speaks for the document itself: 'Satellite images show', 'Our investigation found'.
_EVIDENCE = re.compile(
    r"^(?:(?:the|these|this|our|its|such|some|internal|leaked|official|government|company|corporate|tender|police|"
    r"satellite|isotope|court|trade|customs|state media|public)\s+)*(?:\w+\s+)?(?:images?|imagery|documents?|records?|"
    r"files?|data|tests?|photographs?|photos?|footage|figures|filings?|notices?|investigation|analysis|findings|"
    r"evidence|speeches|directives?|papers|tenders?|statistics|survey)\b(?:\s+(?:in|from|of)\s+[^,]{0,40})?$", re.I)
# Unnamed groups of workers that an NGO or research report interviewed speak through that report.
_ANONYMOUS_GROUP = re.compile(
    r"^(?:(?:some|several|many|most|other|former|factory|transferred|uy?i?ghur|kazakh|young|the|these|all)\s+)*"
    r"(?:residents|interviewees|workers|detainees|villagers|witnesses|survivors|pickers|trainees|employees|"
    r"relatives|families|people|respondents)$", re.I)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


@dataclass
class Memory:
    """What earlier sentences said about speakers: the last one, the order seen, and each name's type."""

    last: tuple[str, str, tuple[int, int] | None] | None = None
    last_paragraph: int = -10
    types: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    seen: list[tuple[str, str]] = field(default_factory=list)

    def remember(self, name: str, kind: str, span: tuple[int, int] | None, paragraph: int) -> None:
        """Record `name` as the latest speaker."""
        self.last = (name, kind, span)
        self.last_paragraph = paragraph
        self.seen.append((name, kind))
        for key in _keys(name):
            self.types.setdefault(key, kind)
            self.names.setdefault(key, name)

    def latest_of(self, kind: str) -> str | None:
        """The most recent speaker of type `kind`, or None."""
        return next((name for name, k in reversed(self.seen) if k == kind), None)


def _keys(name: str) -> list[str]:
    words = [w.lower() for w in name.split() if w[:1].isupper()]
    if len(words) < 2:
        return [name.lower()]
    return [name.lower(), words[0], words[-1]]


def outlet_type(outlet: str | None) -> str:
    """The speaker type of the document's own voice."""
    return classify_speaker(outlet or "") or ("report" if outlet and "report" in outlet.lower() else "journalist")


Resolved = tuple[str | None, str, tuple[int, int] | None, str | None]


def resolve(text: str, sentence: Sentence, found: Attribution | None, memory: Memory, outlet: str | None) -> Resolved:
    """Return (speaker, type, span, cue): named, a pronoun or bare quote for the last speaker, else the outlet."""
    cue = text[found.cue[0]:found.cue[1]] if found and found.cue else None
    near = memory.last is not None and sentence.paragraph - memory.last_paragraph <= 2
    own = outlet, outlet_type(outlet), None, cue
    if found and found.source and not found.pronoun:
        phrase = text[found.source[0]:found.source[1]].strip()
        if _speaks_for_outlet(phrase, outlet):
            return own
        definite = _definite(phrase, memory, outlet)
        if definite is not None:
            return (*definite, found.source, cue)
        return (*_named(text, sentence, found, memory, phrase), found.source, cue)
    if found and (found.pronoun or found.continued) and near and memory.last:
        name, kind, _ = memory.last
        memory.last_paragraph = sentence.paragraph
        return name, kind, (found.source if found.pronoun else None), cue
    return own


def _speaks_for_outlet(phrase: str, outlet: str | None) -> bool:
    """True for 'Our investigation', 'Satellite images', 'Several interviewees' in an NGO or research report."""
    if phrase.lower() in ("we", "our"):
        return True
    if _EVIDENCE.match(phrase):
        return True
    return bool(_ANONYMOUS_GROUP.match(phrase)) and outlet_type(outlet) in ("ngo", "expert", "report")


def _definite(phrase: str, memory: Memory, outlet: str | None) -> tuple[str | None, str] | None:
    """Resolve 'the company', 'the Centre', 'the ministry' to the outlet or the latest speaker of that type."""
    m = _DEFINITE.match(phrase)
    if not m:
        return None
    noun = m.group("noun").lower()
    if outlet and noun in outlet.lower():
        return outlet, outlet_type(outlet)
    kind = _NOUN_TYPE.get(noun)
    name = memory.latest_of(kind) if kind else None
    return (name, kind) if name and kind else None


def _named(text: str, sentence: Sentence, found: Attribution, memory: Memory, phrase: str) -> tuple[str, str]:
    """A named speaker: its canonical name, and its type from the name, its apposition, memory or its words."""
    assert found.source is not None
    name = canonical_name(phrase)
    known = next((k for k in _keys(name) if k in memory.types), None)
    kind = classify_speaker(phrase, apposition(text, found.source, sentence))
    if known and (kind is None or len(name.split()) == 1):
        name, kind = memory.names[known], kind or memory.types[known]
    if kind is None:
        # an unknown name that says 'it'/'its' of itself is an organisation, most often a company
        content = text[found.content[0]:found.content[1]]
        kind = "company" if re.match(r"(?:that\s+)?(?:it|its)\b", content, re.I) else "journalist"
    memory.remember(name, kind, found.source, sentence.paragraph)
    return name, kind
