"""Product categories named in a product name or a free-text business scope (经营范围), Chinese and English.

The terms are data (`data/products.tsv`); the rules live here:
- one scan, leftmost-longest: at each position the longest term wins, so 'gas mask' and 面膜 (a cosmetic)
  never read as the shorter 'mask', and 医用口罩 is one hit, not two;
- a term of a category marked machinery=yes directly followed by a machine word is `<category>_machinery`:
  口罩机, 医用口罩生产线 and 'mask making machine' name equipment for making masks, and a registry count of mask
  makers must not include the firms that sell them the machines (a firm listing both gets both categories);
- exclusions are cut out before the scan: a clause from 不含 / 不包括 / 不得 / 禁止 / 除(了)…外 / excluding /
  except / other than / not including up to the end of the clause (；。, or a closing bracket), and a clause
  ending in 除外 from its start, so 医疗器械（不含口罩、防护服） names medical devices only.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

MACHINERY_SUFFIX = "_machinery"
_CLAUSE_END = r"；;。，,)）\]】\n"
_EXCLUSIONS = re.compile(
    rf"(?:不含|不包括|不包含|不得|禁止|不从事)[^{_CLAUSE_END}]*"
    rf"|除了?[^{_CLAUSE_END}]*?(?:之外|以外|外)(?=[{_CLAUSE_END}]|的|$)"
    rf"|[^{_CLAUSE_END}(（\[【]*除外"
    rf"|\b(?:excluding|except|other than|not including)\b[^{_CLAUSE_END}]*"
)
_MACHINE_WORDS = re.compile(
    r"(?:生产|制造|加工)?(?:机械|机器|设备|生产线|机)"
    r"|[\s-]*(?:making|production|manufacturing|processing)?\s*(?:machine|machinery|equipment|line)s?\b"
)


@dataclass(frozen=True)
class Term:
    """One row of products.tsv."""

    category: str  #: canonical id, or '-' for a look-alike that is no product of interest
    lang: str
    term: str
    machinery: bool


@cache
def load_terms() -> tuple[Term, ...]:
    """The shipped product terms, in file order."""
    text = files("labortrace.registries").joinpath("data/products.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    return tuple(Term(r["category"], r["lang"], r["term"], r["machinery"] == "yes") for r in rows)


def categories() -> list[str]:
    """Every canonical category id, in file order (machinery ids not included)."""
    return list(dict.fromkeys(t.category for t in load_terms() if t.category != "-"))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _pattern(term: Term) -> str:
    if term.lang != "en":
        return re.escape(_fold(term.term))
    words = [re.escape(w) for w in re.split(r"[\s-]+", _fold(term.term))]
    # whole words; a plural ending on the last word; spaces and hyphens interchangeable (melt-blown, melt blown)
    return r"(?<![a-z0-9])" + r"[\s-]+".join(words) + r"(?:e?s)?(?![a-z0-9])"


@cache
def _scanner() -> tuple[re.Pattern[str], dict[str, Term]]:
    by_text: dict[str, Term] = {}
    for term in load_terms():
        by_text.setdefault(_fold(term.term), term)
    ordered = sorted(by_text.values(), key=lambda t: -len(t.term))  # longest first: leftmost-longest
    # the lookahead on first characters lets the engine skip most positions without trying ~150 alternatives
    first = re.escape("".join(sorted({text[0] for text in by_text})))
    alternatives = "|".join(f"({_pattern(t)})" for t in ordered)
    return re.compile(f"(?=[{first}])(?:{alternatives})"), {
        str(i): t for i, t in enumerate(ordered, start=1)
    }


def strip_exclusions(text: str) -> str:
    """The text with excluded clauses (不含…, …除外, excluding …) blanked out, offsets kept."""
    return _EXCLUSIONS.sub(lambda m: " " * len(m.group()), text)


def product_categories(text: str) -> list[str]:
    """Canonical category ids named in the text, in order of first mention; [] for empty or non-text input."""
    if not isinstance(text, str) or not text:
        return []
    found: dict[str, None] = {}
    for _, _, category in _merged_hits(strip_exclusions(_fold(text))):
        found[category] = None
    return list(found)


def _merged_hits(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, category) per product term; adjacent terms of one category are one product (KN95口罩机)."""
    scanner, groups = _scanner()
    hits: list[tuple[int, int, str]] = []
    for match in scanner.finditer(folded):
        term = groups[str(match.lastindex)]
        if term.category == "-":
            continue
        machine = term.machinery and _MACHINE_WORDS.match(folded, match.end()) is not None
        category = term.category + MACHINERY_SUFFIX if machine else term.category
        if hits and _base(hits[-1][2]) == term.category and not folded[hits[-1][1] : match.start()].strip():
            hits[-1] = (hits[-1][0], match.end(), category)  # the last word decides: KN95口罩 + 机
        else:
            hits.append((match.start(), match.end(), category))
    return hits


def _base(category: str) -> str:
    return category.removesuffix(MACHINERY_SUFFIX)


@cache
def _quick(category: str) -> re.Pattern[str]:
    """Any term of a category as a plain substring: a cheap test that rules out most texts before the scan."""
    base = category.removesuffix(MACHINERY_SUFFIX)
    terms = sorted({_fold(t.term) for t in load_terms() if t.category == base}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms) or "(?!)")


def mentions(text: str, category: str) -> bool:
    """True when the text names the category (its canonical id, e.g. 'mask' or 'mask_machinery')."""
    if not isinstance(text, str) or not _quick(category).search(_fold(text)):
        return False
    return category in product_categories(text)
