"""Find who said what in each sentence by rules: quotes, 'X said (that) …', '…, X said', 'according to X'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from labortrace.evidence.cues import POSSESSIVES, QUOTATION_ONLY_VERBS, RULE_VERBS
from labortrace.evidence.sentences import Sentence

_VERBS = RULE_VERBS
_VERB = rf"(?:{_VERBS})"
# after a quotation a few more verbs sign it ("“…,” she continued"): cues.QUOTATION_ONLY_VERBS
_SIGN_VERB = rf"(?:{_VERBS}|{'|'.join(sorted(QUOTATION_ONLY_VERBS))})"
# adverbials between a speaker and the verb: 'X also said', 'X on Monday said'
_ADV = r"(?:\s+(?:also|later|previously|repeatedly|again|has|have|had|on \w+|in a statement|in an interview|in a report|in a press release|last week|this week))*"
_APPO = r"(?:\d{1,3},\s+)?(?:a|an|the|who|whose|one of|another|[a-z][a-z-]+)\b"
_SPEAKER = rf"(?P<src>[^,;:“”\"]{{2,90}}?(?:,\s+{_APPO}[^,;“”\"]{{2,120}},)?)"
_QUOTE = r"[\"“”]"

_TRAILING = re.compile(rf"^(?P<content>.{{12,}}?)[,;]?\s*[—–-]*\s*{_SPEAKER}{_ADV}\s+(?P<cue>{_VERB})(?:\s+(?:on|in|at|last|this)\b[^,.]*)?(?P<tail>,\s+(?:a|an|the|who)\b[^.]*)?\s*[.!?]?[\"”]?$")
# _TRAILING backtracks over every split of a sentence; this cheap search says first whether a cue ends it.
_TRAILING_HINT = re.compile(rf"\b(?:{_VERB})(?:\s+(?:on|in|at|last|this)\b[^,.]*)?(?:,\s+(?:a|an|the|who)\b[^.]*)?\s*[.!?]?[\"”]?$")
_TRAILING_INV = re.compile(rf"^(?P<content>.{{12,}}?)[,;]\s*(?P<cue>said|says|added|wrote|told \w+|noted|according to)\s+(?P<src>[^.;]{{2,160}}?)\s*[.!?]?$")
_QUOTE_FIRST = re.compile(rf"^{_QUOTE}(?P<content>.+?)[,.!?]?{_QUOTE}\s*,?\s*(?:(?P<cue1>{_SIGN_VERB})\s+(?P<src1>[^.;]{{2,160}}?)|(?P<src2>[^,.;\"“”]{{2,90}}?){_ADV}\s+(?P<cue2>{_SIGN_VERB})(?P<tail>[^.;]*)?)\s*[.!?]?$")
_QUOTE_AFTER = re.compile(rf"^(?P<src>[^“”\"]{{2,160}}?){_ADV}\s+(?P<cue>{_VERB})(?:\s+\w+)?\s*[:,]\s*{_QUOTE}(?P<content>.+?)[.!?,]?{_QUOTE}?\s*$")
_ACCORDING_FIRST = re.compile(r"^(?P<cue>According to)\s+(?P<src>[^,]{2,120}),\s+(?P<content>.+?)[.!?]?$", re.I)
_ACCORDING_LAST = re.compile(r"^(?P<content>.{12,}?),?\s+(?P<cue>according to)\s+(?P<src>[^,.;]{2,120}?)(?:,[^.]*)?\s*[.!?]?$", re.I)
_LEADING = re.compile(rf"^(?P<lead>(?:(?:But|And|However|Meanwhile|Instead|Still|Yet|In \w+(?: \d+)?|On \w+|Last \w+|Earlier|Separately|In a statement|In response),?\s+)*)(?P<src>[^,;:“”\"]{{2,90}}?(?:,\s+{_APPO}[^;“”\"]{{2,160}}?,)?){_ADV}\s+(?P<cue>{_VERB})\b(?:\s+(?:that|the|reporters|journalists|\w+ (?:that|in)))?[\s,:]+(?P<content>.+?)[.!?]?$")
# A quotation signed with a dash after it, as in vox-pop lists: '“…” ― Jane Doe'.
_QUOTE_DASH = re.compile(r"^(?P<content>.{12,}?)\s*[\"“”]\s*(?P<cue>[―—–]|--)\s*(?P<src>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*$")
# Last resort, anywhere in the sentence after a quote or comma: '“…,” he told the host, “…”', '…, Tompkins said, is …',
# '…," Quina Jones, 25, said as she …'. The content is what comes before the source, else what follows the cue.
_NAME_OR_PRONOUN = r"(?:(?:[A-Z][\w.'’-]*|de|van|al)(?:\s+(?:[A-Z][\w.'’-]*|de|van|al|\([\w.-]+\))){0,5}|he|she|they)"
_INNER = re.compile(rf"(?:^|[,;:”\"]\s*|''\s*)(?P<src>{_NAME_OR_PRONOUN}(?:,\s+[^,;“”\"]{{2,100}}?,)?)\s+(?P<cue>{_VERB})\b")
_INNER_INV = re.compile(rf"(?:[,;:”\"]\s*|''\s*)(?P<cue>said|says|added|wrote|told \w+)\s+(?P<src>{_NAME_OR_PRONOUN})(?=\s*(?:[,.;:]|$))")
_QUOTE_ONLY = re.compile(rf"^{_QUOTE}(?P<content>.+?)[.!?,]?{_QUOTE}$")
# One quick search decides whether any pattern below can match: most sentences attribute nothing.
_ANY_CUE = re.compile(rf"\b(?:{_VERBS}|according to)\b|[\"“”―]", re.I)
_LOWER_STARTS = frozenset(
    "he she they it we i the a an his her their its one two three four some many several other another critics "
    "officials sources experts workers researchers analysts activists residents villagers authorities".split()
)
_DETERMINERS = frozenset("the a an this these that those some more most three two four several many".split())
_BAD_SOURCE = re.compile(r"\b(is|are|was|were|be|been|would|will|could|which|because|if|when|while|where|not)\b", re.I)


@dataclass
class Attribution:
    """One attributed statement: offsets of the source, cue and content; source None when unattributed."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    pronoun: bool = False  #: the source is a pronoun resolved elsewhere ('he added')
    continued: bool = False  #: a bare quotation that continues the previous speaker


def _span(sentence: Sentence, m: re.Match[str], group: str) -> tuple[int, int]:
    start, end = m.span(group)
    text = sentence.text
    # trim spaces and surrounding quotes/commas so the quote is exact and tidy
    while start < end and text[start] in " \t\"“”,;—–-":
        start += 1
    while end > start and text[end - 1] in " \t\"“”,;—–-":
        end -= 1
    return sentence.start + start, sentence.start + end


def _good_source(src: str) -> bool:
    words = src.split()
    if not words or len(words) > 14 or _BAD_SOURCE.search(src.split(",")[0]) or _possessive(src.split(",")[0]):
        return False
    if len(words) == 1 and words[0].lower() in _DETERMINERS:
        return False
    return src[0].isupper() or words[0].lower() in _LOWER_STARTS


def _possessive(src: str) -> bool:
    """True when a speaker ends in a possessive ('The company's', 'their'): the cue after it is a plural noun."""
    last = src.split()[-1].lower() if src.split() else ""
    return last in POSSESSIVES or last.endswith(("'s", "’s", "s'", "s’"))


def _source_head(sentence: Sentence, m: re.Match[str], group: str) -> tuple[int, int]:
    """The speaker's span without a trailing apposition (', a spokesman for …,') or leading 'But'."""
    start, end = _span(sentence, m, group)
    text = sentence.text[start - sentence.start:end - sentence.start]
    comma = text.find(",")
    if comma > 0:
        end = start + comma
    return start, end


def attribute(sentence: Sentence) -> Attribution | None:
    """Return the attribution this sentence makes, or None when it attributes nothing."""
    text = sentence.text.strip()
    if not _ANY_CUE.search(text):
        return None
    m = _QUOTE_DASH.match(text)
    if m:
        return _make(sentence, m, "content", "src", "cue")
    m = _QUOTE_FIRST.match(text)
    if m:
        src, cue = ("src1", "cue1") if m.group("src1") else ("src2", "cue2")
        if _good_source(m.group(src)):
            return _make(sentence, m, "content", src, cue)
    m = _QUOTE_AFTER.match(text)
    if m and _good_source(m.group("src")):
        return _make(sentence, m, "content", "src", "cue")
    for pattern in (_ACCORDING_FIRST, _ACCORDING_LAST):
        m = pattern.match(text)
        if m:
            return _make(sentence, m, "content", "src", "cue")
    m = _TRAILING.match(text) if _TRAILING_HINT.search(text) else None
    if m and _good_source(m.group("src")):
        return _make(sentence, m, "content", "src", "cue")
    # 'X, a researcher at Y, said the …' reads as a leading source before it can read as '…, said the …'
    for pattern in (_LEADING, _TRAILING_INV):
        m = pattern.match(text)
        if m and _good_source(m.group("src")):
            return _make(sentence, m, "content", "src", "cue")
    inner = _inner(sentence, text)
    if inner is not None:
        return inner
    m = _QUOTE_ONLY.match(text)
    if m:
        return Attribution(_span(sentence, m, "content"), None, None, continued=True)
    return None


def _inner(sentence: Sentence, text: str) -> Attribution | None:
    """A source and cue inside the sentence after a quote or comma; the content is the text beside them."""
    m = _INNER.search(text) or _INNER_INV.search(text)
    if m is None or m.start("src") == 0 and m.re is _INNER or _possessive(m.group("src").split(",")[0]):
        return None  # a sentence that opens with 'X said' is _LEADING's, which found no content to take
    first, last = min(m.start("src"), m.start("cue")), max(m.end("src"), m.end("cue"))
    trim = " ,;:—–-\"“”'"
    before, after = text[:first].strip(trim), text[last:].strip(trim + ".")
    if len(before) >= 12:
        start = len(text) - len(text.lstrip(trim))
        end = len(text[:first].rstrip(trim))
    elif len(after) >= 12:
        start, end = len(text) - len(text[last:].lstrip(trim)), len(text.rstrip(trim + ".!?"))
    else:
        return None
    offset = sentence.start + (len(sentence.text) - len(sentence.text.lstrip()))
    src_start, src_end = m.span("src")
    comma = text.find(",", src_start, src_end)
    source = (offset + src_start, offset + (comma if comma > 0 else src_end))
    said = text[source[0] - offset:source[1] - offset].lower()
    return Attribution(content=(offset + start, offset + end), source=source,
                       cue=(offset + m.start("cue"), offset + m.end("cue")), pronoun=said in ("he", "she", "they"))


def _make(sentence: Sentence, m: re.Match[str], content: str, src: str, cue: str) -> Attribution:
    source = _source_head(sentence, m, src)
    said = sentence.text[source[0] - sentence.start:source[1] - sentence.start].strip().lower()
    return Attribution(
        content=_span(sentence, m, content), source=source, cue=_span(sentence, m, cue),
        pronoun=said in ("he", "she", "they", "it", "we", "i"),
    )


def apposition(text: str, source: tuple[int, int], sentence: Sentence) -> str:
    """The words describing a speaker right after it (', a spokesman for the ministry,') or before a name."""
    rest = text[source[1]:sentence.end]
    m = re.match(rf",\s+(?:\d{{1,3}},\s+)?((?:a|an|the|who|whose|one of|another|[a-z][a-z-]+)\b[^,.;“”\"]{{2,140}})", rest)
    return m.group(1) if m else ""
