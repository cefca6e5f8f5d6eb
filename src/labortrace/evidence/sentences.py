"""Split text into sentence units with offsets; a quotation that runs over several sentences stays one unit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from labortrace.evidence.cues import SIGNING_VERBS

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = frozenset(
    "mr mrs ms dr prof st jr sr gen sen rep gov col lt co corp inc ltd no nos vs etc jan feb mar apr "
    "jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m fig approx dept est mt".split()
)
_END = re.compile(r"[.!?。！？]+[\"'”’)\]]*|\n\s*\n|\n")
_OPEN_QUOTES = "“"
_CLOSE_QUOTES = "”"
# A short 'Name said' after a closing quotation mark, which ends the quotation's sentence, not a new one.
# The verbs are cues.SIGNING_VERBS, which the attribution rules also read as the quotation's cue.
_SIGNED = re.compile(rf"\s+(?:[A-Z][\w.’'-]*\s+){{1,4}}(?:{'|'.join(SIGNING_VERBS)})\b")
_MAX_UNIT = 1500  # a runaway quotation must not swallow a whole document


@dataclass(frozen=True)
class Sentence:
    """A sentence unit: its text, where it starts and ends, and the paragraph it belongs to."""

    text: str
    start: int
    end: int
    paragraph: int


def _ends_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12):dot])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    return token in _ABBREV or (len(token) == 1 and text[dot - 1].isupper())


def _inside_quote(chunk: str) -> bool:
    """True when `chunk` opened a quotation it has not closed yet."""
    curly = chunk.count(_OPEN_QUOTES) - chunk.count(_CLOSE_QUOTES)
    straight = chunk.count('"') % 2
    return curly > 0 or straight == 1


def split_sentences(text: str) -> Iterator[Sentence]:
    """Yield sentence units in order; offsets are into `text`."""
    start, paragraph = 0, 0
    for match in _END.finditer(text):
        end = match.end()
        piece = match.group()
        newline = "\n" in piece
        if not newline:
            if piece[0] == "." and _ends_abbreviation(text, match.start()):
                continue
            nxt = text[end:end + 2]
            # a sentence ends before a space and a capital, a quote or a digit, or at a Chinese stop
            if piece[0] not in "。！？" and nxt and not re.match(r"\s+[\"“‘'(A-Z0-9\u4e00-\u9fff]|\s*$", nxt + " "):
                continue
            if _inside_quote(text[start:end]) and end - start < _MAX_UNIT:
                continue
            if piece[-1] in "\"”’'" and _SIGNED.match(text, end):
                continue  # '“Why not?” Graham asked.': the speaker after a quotation belongs to it
        yield from _emit(text, start, match.start() if newline else end, paragraph)
        if newline and piece.count("\n") > 1:
            paragraph += 1
        elif newline:
            paragraph += 1
        start = end
    yield from _emit(text, start, len(text), paragraph)


def _emit(text: str, start: int, end: int, paragraph: int) -> Iterator[Sentence]:
    """Yield text[start:end] trimmed of surrounding space, when anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(text[start:end], start, end, paragraph)
