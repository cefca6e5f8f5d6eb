"""The gazetteer of China's administrative divisions: loads the shipped TSVs and indexes names for scanning.

Data: `data/cn_divisions.tsv` (every GB/T 2260 province, prefecture and county, current and former, built by
scripts/build_gazetteer.py) and `data/exonyms_cn.tsv` (curated English and Uyghur-derived names, aliases such
as 巴州 or XPCC, and pinyin forms too common in English to match alone).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}
# County short forms made only of these characters are also common names of towns, quarters and streets
# (东城, 城西, 桥东, 南关, 新城, 江北), so they never stand alone.
GENERIC_CHARS = frozenset("东南西北中城关桥新老郊河江湖山")
# Full names that are also ordinary words in addresses (老城区, 万宝城东区): like short forms, they need confirmation.
GENERIC_FULL = frozenset({"城区", "郊区", "矿区", "东区", "西区", "城东区", "城西区", "城中区", "城北区", "城南区",
                          "新城区", "市中区", "城关区", "河东区", "河西区", "新区"})


@dataclass(frozen=True)
class Division:
    """One row of cn_divisions.tsv."""

    code: str
    level: str
    name_zh: str
    short_zh: str
    pinyin: str
    name_en: str
    current: bool
    iso: str


@dataclass
class HanName:
    """A Han name and the divisions it may stand for, best first; `weak` names need confirmation in the text."""

    codes: list[str] = field(default_factory=list)
    weak: bool = True
    level: int = 2
    short: bool = True  # a name without its suffix (喀什), as opposed to a full name (喀什地区) or an alias
    generic: bool = False  # also an ordinary word in addresses (城区, 东城, 桥西): confirmed only by a related place


@dataclass
class LatinName:
    """A Latin name (folded, spaces removed): its divisions and where spaces may fall between its words."""

    codes: list[str] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)
    strong: list[str] = field(default_factory=list)  # curated names and province/prefecture pinyin: count alone


def fold_char(ch: str) -> str:
    """One lower-case character with diacritics removed (Ü -> u), so offsets in folded text match the input."""
    if ch.isascii():
        return ch.lower()
    base = unicodedata.normalize("NFKD", ch)[:1].lower()
    return base if base.isascii() and base.isalpha() else ch


# Latin-1, Latin Extended-A/B and fullwidth ASCII letters, each folded to one character.
_FOLD_TABLE = {cp: fold_char(chr(cp)) for cp in [*range(0xC0, 0x250), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_FOLD_TABLE.update({cp: chr(cp).lower() for cp in range(ord("A"), ord("Z") + 1)})


def fold(text: str) -> str:
    """Text folded character by character: same length as the input, so offsets carry over."""
    return text.lower() if text.isascii() else text.translate(_FOLD_TABLE)


def _order(codes: list[str], divs: dict[str, Division]) -> list[str]:
    """Deterministic preference: current before former, province before prefecture before county, then code."""
    unique = sorted(set(codes), key=lambda c: (not divs[c].current, LEVEL_RANK[divs[c].level], c))
    if any(divs[c].current for c in unique):
        unique = [c for c in unique if divs[c].current]
    return unique


class Gazetteer:
    """Divisions by code plus Han and Latin name indexes."""

    def __init__(self, rows: list[Division], exonyms: list[tuple[str, str, str]]) -> None:
        self.by_code: dict[str, Division] = {}
        for div in rows:  # rows come current-first per code, so the current name wins
            self.by_code.setdefault(div.code, div)
        self.han: dict[str, HanName] = {}
        self.latin: dict[str, LatinName] = {}
        self.stop: set[str] = {fold(n).replace(" ", "") for _, n, k in exonyms if k == "stop"}
        self._index(rows, exonyms)
        self.han_lengths = _lengths_by_prefix(self.han)
        self.latin_max_words = max(len(n.breaks) for n in self.latin.values()) + 1
        # Every run of whole words a Latin name can start with: the scan stops extending a run outside this set.
        self.latin_prefixes = {k[:b] for k, n in self.latin.items() for b in n.breaks} | set(self.latin)

    def _index(self, rows: list[Division], exonyms: list[tuple[str, str, str]]) -> None:
        full: dict[str, list[str]] = {}
        short: dict[str, list[str]] = {}
        for div in rows:
            full.setdefault(div.name_zh, []).append(div.code)
            if len(div.short_zh) >= 2 and div.short_zh != div.name_zh:  # the Han scan assumes two or more
                short.setdefault(div.short_zh, []).append(div.code)
            self._add_latin(div.pinyin, div.code, curated=False)
            if div.iso:
                self._add_latin(div.iso.split(" ", 1)[1], div.code, curated=True)
        for code, name, kind in exonyms:
            if kind == "stop" or code not in self.by_code:
                continue
            if name.isascii() or not _is_han(name[0]):
                self._add_latin(name, code, curated=kind != "weak")
            elif len(name) >= 2:
                full.setdefault(name, []).append(code)
        for name, codes in short.items():
            if name not in full:
                self._set_han(name, codes, weak=True, short=True)
        for name, codes in full.items():
            self._set_han(name, codes, weak=len(name) <= 2 or name in GENERIC_FULL, short=False)

    def _set_han(self, name: str, codes: list[str], weak: bool, short: bool) -> None:
        ordered = _order(codes, self.by_code)
        level = min(LEVEL_RANK[self.by_code[c].level] for c in ordered)
        generic = name in GENERIC_FULL or (short and level == 2 and set(name) <= GENERIC_CHARS)
        self.han[name] = HanName(ordered, weak, level, short, generic)

    def _add_latin(self, name: str, code: str, curated: bool) -> None:
        words = [w for w in "".join(c if c.isalnum() else " " for c in fold(name)).split() if w]
        if not words or not all(w.isascii() for w in words):
            return
        key = "".join(words)
        entry = self.latin.setdefault(key, LatinName())
        entry.codes = _order(entry.codes + [code], self.by_code)
        if curated or (self.by_code[code].level != "county" and len(key) > 3):
            entry.strong = _order(entry.strong + [code], self.by_code)
        offset = 0
        for word in words[:-1]:
            offset += len(word)
            entry.breaks.add(offset)

    def division(self, code: str) -> Division | None:
        """The division with this code, or the nearest enclosing one (prefecture, then province) when unknown."""
        for candidate in (code, code[:4] + "00", code[:2] + "0000"):
            if candidate in self.by_code:
                return self.by_code[candidate]
        return None


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _lengths_by_prefix(names: dict[str, HanName]) -> dict[str, tuple[int, ...]]:
    """Name lengths, longest first, by a name's first two characters (every Han name has at least two)."""
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[:2], set()).add(len(name))
    return {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}


def _read_tsv(name: str) -> list[list[str]]:
    text = files("labortrace.names").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def load() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    table = _read_tsv("cn_divisions.tsv")
    header, body = table[0], table[1:]
    if header != ["code", "level", "name_zh", "short_zh", "pinyin", "name_en", "status", "iso"]:
        raise RuntimeError(f"cn_divisions.tsv has unexpected columns {header}: rebuild it")
    rows = [Division(r[0], r[1], r[2], r[3], r[4], r[5], r[6] == "current", r[7]) for r in body]
    exonyms = [(r[0], r[1], r[2]) for r in _read_tsv("exonyms_cn.tsv")]
    return Gazetteer(rows, exonyms)
