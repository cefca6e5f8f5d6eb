"""Find numbers with what they count and when: '51 companies by June 30', '$208 billion', '5万人'."""

from __future__ import annotations

import re

from labortrace.evidence.model import Quantity

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "hundreds": 100, "thousands": 1000, "a": 1, "half": 0.5, "several": 3}
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3}
_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "RMB": "CNY", "yuan": "CNY"}
_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
# Words that end the noun phrase a number counts: function words and common verbs.
_STOP = frozenset(
    "a an the of in on at by for from to and or but with without as that which who whom whose were was "
    "is are be been being had has have will would could should may might can did do does said say says "
    "than more less per each since until between during into onto over under about across after before "
    "its their his her our your this these those there here it they them he she we you i not no so "
    "also only just even still who's while when where what how why all any some".split()
)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MOD = r"(?:(?:more than|over|nearly|almost|about|around|approximately|at least|up to|some|roughly|fewer than|less than|as many as|an estimated|estimated)\s+)?"
_SCALE_RE = r"(?:\s*(?:hundred|thousand|million|billion|trillion|bn|mn|m|k)\b)?"
_MONEY = re.compile(rf"{_MOD}(?P<cur>US\$|\$|€|£|¥|RMB\s?)\s?(?P<num>{_NUM})(?P<scale>{_SCALE_RE})", re.I)
_PERCENT = re.compile(rf"{_MOD}(?P<num>{_NUM})\s?(?:%|per ?cent\b)", re.I)
_COUNT = re.compile(
    rf"{_MOD}(?P<num>{_NUM}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds|thousands|a|half|several)\b)"
    rf"(?P<scale>{_SCALE_RE})(?:\s+of)?(?P<np>(?:\s+[A-Za-z][A-Za-z'’-]*){{1,3}})", re.I)
_HAN = re.compile(r"(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?P<scale>[万亿千百]?)(?P<unit>人|名|家|个|户|元|吨|村)")
_HAN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_SCALE = {"": 1, "百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8}
_HAN_UNITS = {"人": "people", "名": "people", "家": "companies", "个": "items", "户": "households",
              "元": "CNY", "吨": "tonnes", "村": "villages"}
_WHEN = re.compile(
    rf"\b(?:by|in|since|as of|until|before|after|between|from|during|through|at the end of|by the end of)\s+"
    rf"(?:(?:the end of |early |late |mid-)?{_MONTHS}(?:\s+\d{{1,2}})?(?:,?\s+(?:19|20)\d\d)?|(?:19|20)\d\d(?:\s+and\s+(?:19|20)\d\d)?)\b"
    r"|\b(?:last|this|next) (?:year|month|week)\b|\b(?:19|20)\d\d\b")


def _number(text: str) -> float:
    return float(text.replace(",", "")) if text[0].isdigit() else float(_WORDS[text.lower()])


def _han_number(text: str) -> float:
    if text[0].isdigit():
        return float(text)
    total, digit = 0.0, 0.0
    for ch in text:
        if ch in _HAN_DIGITS:
            digit = _HAN_DIGITS[ch]
        else:
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[ch]
            digit = 0
    return total + digit


def _noun_phrase(raw: str) -> str | None:
    """Keep the leading words of `raw` up to the head noun: the first plural, before any function word or verb."""
    words: list[str] = []
    for word in raw.split():
        low = word.lower().strip("'’")
        if low in _STOP or low in _MONTHS_SET or (words and low.endswith(("ed", "ing"))):
            break
        words.append(word)
        if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
            break  # 'villages', 'Uighurs': a plural ends the phrase
    return " ".join(words[:3]) if words else None


_MONTHS_SET = frozenset("january february march april may june july august september october november december "
                        "jan feb mar apr jun jul aug sep sept oct nov dec percent cent".split())


def _is_year_or_date(text: str, start: int, num: str) -> bool:
    """True for '2019', 'June 30', '30 June' and similar numbers that are dates, not quantities."""
    if re.fullmatch(r"(?:19|20)\d\d", num):
        return True
    before = text[max(0, start - 10):start]
    return bool(re.search(rf"{_MONTHS}\.?\s+$", before, re.I)) or bool(re.search(r"(No\.|Article|Section|COVID-|page|pp?\.)\s*$", before, re.I))


def _when(text: str, start: int, end: int, sentence: tuple[int, int]) -> str | None:
    """Find the time expression nearest after the quantity in its sentence, else before it."""
    s0, s1 = sentence
    after = _WHEN.search(text, end, s1)
    if after:
        return after.group()
    before = [m for m in _WHEN.finditer(text, s0, start)]
    return before[-1].group() if before else None


def find_quantities(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Return the quantities in `text`, each with its exact quote and offsets."""
    spans = sentences or [(0, len(text))]
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for s0, s1 in spans:
        for q in _in_sentence(text, s0, s1):
            if not any(q.start < e and s < q.end for s, e in taken):
                q.when = _when(text, q.start, q.end, (s0, s1))
                taken.append((q.start, q.end))
                found.append(q)
    return sorted(found, key=lambda q: q.start)


def _in_sentence(text: str, s0: int, s1: int) -> list[Quantity]:
    out = []
    for m in _MONEY.finditer(text, s0, s1):
        scale = _SCALE.get(m.group("scale").strip().lower(), 1.0)
        cur = _CURRENCY.get(m.group("cur").strip(), "USD")
        out.append(Quantity(_number(m.group("num")) * scale, cur, m.group(), m.start(), m.end(), counts="money"))
    for m in _PERCENT.finditer(text, s0, s1):
        out.append(Quantity(_number(m.group("num")), "%", m.group(), m.start(), m.end(), counts="percent"))
    for m in _COUNT.finditer(text, s0, s1):
        q = _count(text, m)
        if q:
            out.append(q)
    for m in _HAN.finditer(text, s0, s1):
        value = _han_number(m.group("num")) * _HAN_SCALE[m.group("scale")]
        unit = _HAN_UNITS[m.group("unit")]
        out.append(Quantity(value, unit, m.group(), m.start(), m.end(), counts=unit))
    # money and percentages win over a count read from the same digits
    out.sort(key=lambda q: (q.start, q.counts not in ("money", "percent")))
    kept: list[Quantity] = []
    for q in out:
        if not any(q.start < k.end and k.start < q.end for k in kept):
            kept.append(q)
    return kept


def _count(text: str, m: re.Match[str]) -> Quantity | None:
    num, scale_word = m.group("num"), m.group("scale").strip().lower()
    if not num[0].isdigit() and not scale_word:
        return None  # 'two sources', 'a company': word numbers count only with a scale ('three million')
    if num[0].isdigit() and _is_year_or_date(text, m.start("num"), num):
        return None
    np_raw = m.group("np")
    np = _noun_phrase(np_raw)
    if np is None:
        return None
    end = m.start("np") + np_raw.index(np.split()[0]) + len(np)
    # drop trailing words of a phrase that runs into the next clause (keep at most head + 2 modifiers)
    value = _number(num) * _SCALE.get(scale_word, 1.0)
    quote = text[m.start():end]
    return Quantity(value, np.split()[-1].strip("'’"), quote, m.start(), end, counts=np)
