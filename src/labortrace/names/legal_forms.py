"""Find and strip company legal forms (有限公司, Co., Ltd., GmbH, ...) and report them as canonical ids.

Our table (data/legal_forms.tsv) holds the Chinese, English and pinyin forms and maps equivalents to one
id: 有限公司, "Co., Ltd.", "Company Limited" and "Limited" are all ``co_ltd``; 集团 and "Group" are ``group``.
rigour's org-type database covers the rest of the world (GmbH, S.A., ООО, PT, ...) as a fallback; it lacks
Chinese forms written without spaces, which is why the table exists.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rigour.names.org_types import extract_org_types

from labortrace.names.translate import is_pinyin_syllable, scrub

__all__ = ["strip_legal_forms"]

# Latin forms only end a word when no Latin letter or digit precedes them: "ltd" never matches in "altd".
_LATIN_BOUNDARY = r"(?<![0-9a-z\u00c0-\u024f])"
_SEP = r"[\W_]*"
# Forms are at most ~40 characters; searching only the tail keeps hostile long text cheap.
_TAIL_WINDOW = 96
# rigour's compare forms that mean the same as one of our ids.
# "Ping An Insurance (Group) Company", "华强（集团）股份有限公司": a bracketed group is a form wherever it is.
_BRACKETED_GROUP = re.compile(r"[(（\[]\s*(?:group|集团|集團)\s*[)）\]]")
_RIGOUR_IDS = {"coltd": "co_ltd", "ltd": "co_ltd", "llc": "co_ltd", "jsc": "joint_stock_co", "corp": "corporation"}
# Russian joint-stock forms in Latin letters open a name ('AO Gazprom'); AO, PAO and ZAO are also pinyin syllables,
# so they count only in capitals before a name that is not all capitals ('AO HUA TEXTILE' is a Chinese name).
_HAN_FORM = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
_RU_LEADING = re.compile(r"\A[\W_]*(?:PAO|ZAO|OAO|AO)(?![^\W_])[\W_]*(?=.*[a-z])", re.S)


@dataclass(frozen=True)
class _Table:
    han_end: dict[str, tuple[tuple[str, str], ...]]  # last character -> (form, id) ending with it, longest first
    han_any: tuple[tuple[str, str], ...]
    latin_end: tuple[str, ...]  # the forms, in the table's order
    latin_any: re.Pattern[str]
    latin_ids: dict[str, str]  # form without spaces -> id
    latin_last: tuple[str, ...]  # last words of the Latin forms: a text ending in none of them ends in no form
    latin_any_first: tuple[str, ...]  # first words of the "any" forms: a text holding none of them holds no such form


def _latin_regex(forms: list[str], anchored: bool) -> re.Pattern[str]:
    alts = "|".join(_SEP.join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True))
    tail = rf"{_SEP}\Z" if anchored else r"(?![0-9a-z\u00c0-\u024f])"
    return re.compile(rf"{_LATIN_BOUNDARY}(?:{alts}){tail}")


@lru_cache(maxsize=1)
def _table() -> _Table:
    text = resources.files("labortrace.names").joinpath("data/legal_forms.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    han = [(f, i, w) for f, i, w in rows if not f.isascii()]
    latin = [(f, i, w) for f, i, w in rows if f.isascii()]
    by_len = sorted(han, key=lambda r: len(r[0]), reverse=True)
    return _Table(
        han_end={c: tuple((f, i) for f, i, _ in by_len if f.endswith(c)) for c in {f[-1] for f, _, _ in by_len}},
        han_any=tuple((f, i) for f, i, w in by_len if w == "any"),
        latin_end=tuple(f for f, _, _ in latin),
        latin_any=_latin_regex([f for f, _, w in latin if w == "any"], anchored=False),
        latin_ids={f.replace(" ", ""): i for f, i, _ in latin},
        latin_last=tuple(sorted({f.split()[-1] for f, _, _ in latin})),
        latin_any_first=tuple({f.split()[0] for f, _, w in latin if w == "any"}),
    )


@lru_cache(maxsize=256)
def _latin_end(last_words: tuple[str, ...]) -> re.Pattern[str]:
    """The forms that end in one of the words, as one regex anchored at the end (the search tries every position:
    a regex of every form would cost ~6 us a name)."""
    return _latin_regex([f for f in _table().latin_end if f.split()[-1] in last_words], anchored=True)


def _latin_id(matched: str) -> str:
    return _table().latin_ids["".join(re.findall(r"[^\W_]+", matched))]


def _has_content(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _whole_word(text: str, at: int, form: str) -> bool:
    """Han forms stand anywhere (Han has no spaces); others (Arabic شركة) only as whole words, not inside الشركة."""
    if _HAN_FORM.match(form):
        return True
    end = at + len(form)
    return not (at > 0 and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def _strip_inside(text: str) -> tuple[str, list[str]]:
    """Remove unambiguous forms (有限公司, Co., Ltd., a bracketed group) that sit inside the name."""
    ids: list[tuple[int, str]] = []
    table = _table()
    if any(b in text for b in "(（[") and _has_content(unbracketed := _BRACKETED_GROUP.sub(" ", text)):
        ids = [(m.start(), "group") for m in _BRACKETED_GROUP.finditer(text)]
        text = unbracketed
    for form, form_id in () if text.isascii() else table.han_any:  # those forms are Han or Arabic
        while (at := text.find(form)) >= 0 and _has_content(text[at + len(form):]) and _whole_word(text, at, form):
            ids.append((at, form_id))
            text = text[:at] + " " + text[at + len(form):]
    if not any(w in text for w in table.latin_any_first):  # the regex below is slow, and rarely matches
        return text, [i for _, i in sorted(ids)]
    for m in table.latin_any.finditer(text):
        if _has_content(text[m.end():]):
            ids.append((m.start(), _latin_id(m.group())))
    text = table.latin_any.sub(lambda m: " " if _has_content(m.string[m.end():]) else m.group(), text)
    return text, [i for _, i in sorted(ids)]


def _strip_rigour(text: str) -> tuple[str, str] | None:
    """Strip one form rigour knows from the end or the start of the text, if any."""
    core = text.strip(" \t\n.,;:-_()[]{}（）")
    for matched, target in extract_org_types(core):
        bare = matched.strip(" .,")
        if not bare or (bare.isascii() and is_pinyin_syllable(bare)):
            continue  # 'sa', 'ao', 'zao' ... are also pinyin syllables in romanised Chinese names
        form_id = _RIGOUR_IDS.get(target, re.sub(r"[^0-9a-z]+", "_", target.casefold()).strip("_") or "other")
        if core.endswith(matched.rstrip()):
            return core[: len(core) - len(matched.rstrip())], form_id
        if core.startswith(matched.lstrip()) and not core[len(matched.lstrip()):][:1].isalnum():
            return core[len(matched.lstrip()):], form_id
    return None


def _strip_tail(text: str) -> tuple[str, str] | None:
    """Strip the last legal form from the text: (rest, id), or None when it ends with none."""
    rest = text.rstrip()
    while rest and not rest[-1].isalnum():
        rest = rest[:-1]
    for form, form_id in _table().han_end.get(rest[-1:], ()):
        if rest.endswith(form) and _whole_word(rest, len(rest) - len(form), form):
            return rest[: -len(form)], form_id
    last = _table().latin_last
    if not rest.endswith(last):
        return _strip_rigour(rest)
    ends = tuple(w for w in last if rest.endswith(w))
    m = _latin_end(ends).search(rest, max(0, len(rest) - _TAIL_WINDOW))
    if m is not None:
        return rest[: m.start()], _latin_id(m.group())
    return _strip_rigour(rest)


def strip_legal_forms(text: str) -> tuple[str, tuple[str, ...]]:
    """Return the text without its legal forms (NFKC- and case-folded) and the forms' ids in text order.

    Forms are stripped from the end, repeatedly ("集团股份有限公司" gives group then joint_stock_co_ltd);
    有限公司 and "Co., Ltd." also from inside the name. A form that is the whole name is kept.
    """
    text = scrub(text)
    leading = _RU_LEADING.match(text)
    if leading:
        text = text[leading.end() :]
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    rest, inside = _strip_inside(folded)
    inside = ["ao", *inside] if leading else inside  # rigour's id for АО, ПАО
    tail: list[str] = []
    while (found := _strip_tail(rest)) is not None and _has_content(found[0]):
        rest, form_id = found
        tail.append(form_id)
    return rest, tuple(inside + tail[::-1])
