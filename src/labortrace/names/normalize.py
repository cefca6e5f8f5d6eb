"""Analyse a company name into canonical tokens that compare across scripts.

'新疆中泰化学股份有限公司', 'Xinjiang Zhongtai Chemical Co., Ltd.', 'XINJIANG ZHONGTAI CHEMICAL CO LTD' and
'Xinjiang Zhong Tai Huaxue' all give the tokens ('xin', 'jiang', 'zhong', 'tai', 'chemical') with a place
prefix of 2; only their legal forms differ. See translate.py for how tokens are made.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rigour.text.scripts import text_scripts

from labortrace.names.legal_forms import strip_legal_forms
from labortrace.names.translate import han_to_tokens, is_pinyin_syllable, latin_to_tokens, lexicon, scrub

__all__ = ["NameAnalysis", "analyze_name", "detect_scripts", "fold_text", "leading_place"]

#: Names are analysed on their first characters only: no company name is longer, and it bounds the work.
MAX_NAME_CHARS = 1000
_HAN_RUN = re.compile(r"((?:[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
                      r"\uf900-\ufaff\U00020000-\U0003134f](?: (?=[\u3400-\u9fff]))?)+)")
# Administrative suffixes after a leading place: 深圳市 and Shenzhen City are both Shenzhen.
_HAN_PLACE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "蒙古自治州",
                       "哈萨克自治州", "回族自治州", "自治区", "自治州", "自治县", "地区", "省", "市", "县", "区")
_PLACE_SUFFIX_WORDS = frozenset({"city", "province", "provincial", "municipality", "municipal", "prefecture",
                                 "county", "district", "autonomous", "region", "uygur", "uyghur", "uighur",
                                 "uigur", "special", "administrative", "sar"})


@dataclass(frozen=True)
class NameAnalysis:
    """A company name taken apart for matching: its scripts, legal forms and canonical tokens."""

    original: str
    scripts: frozenset[str]
    legal_forms: tuple[str, ...]
    tokens: tuple[str, ...]
    place_prefix: int

    @property
    def key(self) -> str:
        """The tokens joined without spaces, for spacing-insensitive comparison."""
        return "".join(self.tokens)

    @property
    def core_tokens(self) -> tuple[str, ...]:
        """The tokens after the place prefix, or all tokens when nothing else is left."""
        return self.tokens[self.place_prefix :] or self.tokens


def _fold_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cf":  # zero-width joiners, soft hyphens, BOMs: invisible, so they must not split words
        return ""
    return " " if category[0] in "PSZC" else ch


class _FoldTable(dict[int, str]):
    """str.translate's table for _fold_char, filled in as characters are first seen (names repeat characters)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < 65536:  # text made of every code point must not grow it without bound
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _fold_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(text.translate(_FOLD_TABLE).split())


def fold_text(text: str) -> str:
    """NFKC width folding, case folding, punctuation and symbols to spaces, whitespace collapsed."""
    for _ in range(4):  # removing a character can let NFKC compose its neighbours: fold to a fixed point
        folded = _fold_once(text)
        if folded == text:
            break
        text = folded
    return text


_LATIN = frozenset({"latin"})
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def detect_scripts(text: str) -> frozenset[str]:
    """The Unicode scripts of the letters in the text, lowercase ('han', 'latin', 'cyrillic', ...)."""
    if text.isascii():  # the common case, without rigour's character walk: ASCII letters are Latin, the rest no script
        return _LATIN if _ASCII_LETTER.search(text) else frozenset()
    return frozenset(s.lower() for s in text_scripts(unicodedata.normalize("NFKC", scrub(text))))


def _place_at(tokens: tuple[str, ...] | list[str], start: int) -> int:
    lex = lexicon()
    if start >= len(tokens) or tokens[start] not in lex.place_starts:
        return 0
    places = lex.places
    for size in range(min(6, len(tokens) - start), 0, -1):
        if tuple(tokens[start : start + size]) in places:
            return size
    return 0


def leading_place(tokens: tuple[str, ...] | list[str]) -> int:
    """How many leading tokens name Chinese provinces or major cities (several in a row count together)."""
    count = 0
    while size := _place_at(tokens, count):
        count += size
    return count


def _drop_place_suffix_words(tokens: list[str]) -> list[str]:
    """Drop 'City', 'Uygur Autonomous Region' ... right after each leading place."""
    at = 0
    while size := _place_at(tokens, at):
        at += size
        while at < len(tokens) - 1 and tokens[at] in _PLACE_SUFFIX_WORDS:
            del tokens[at]
    return tokens


def _strip_han_place_suffixes(text: str) -> str:
    """Drop 省/市/自治区 ... after leading Han place names, unless they start a lexicon word (市场)."""
    lex, at = lexicon(), 0
    while size := next((k for k in range(5, 1, -1) if text[at : at + k] in lex.place_han), 0):
        at += size
        suffix = next((s for s in _HAN_PLACE_SUFFIXES if text.startswith(s, at)), "")
        if suffix and not any(text[at : at + k] in lex.han for k in range(2, 5)):
            text = text[:at] + text[at + len(suffix) :]
    return text


def _trailing_place_to_front(tokens: list[str]) -> list[str]:
    """'Hongmian Technology Guangzhou' and 'Bank of Beijing' put their place last; 广州红棉科技 and 北京银行 first."""
    if len(tokens) < 2 or leading_place(tokens):
        return tokens
    for start in range(1, len(tokens)):
        tail = tokens[start:]
        if leading_place(tail) == len(tail):
            return tail + tokens[:start]
    return tokens


def _tokens(folded: str) -> list[str]:
    tokens: list[str] = []
    for i, part in enumerate(_HAN_RUN.split(_strip_han_place_suffixes(folded))):
        if i % 2:
            tokens.extend(han_to_tokens(part.replace(" ", "")))
        elif part.strip():
            tokens.extend(latin_to_tokens(part))
    return _trailing_place_to_front(_drop_place_suffix_words(tokens))


_BRACKETED = re.compile(r"[（(]([^（）()]{1,40})[）)]")


def _place_to_front(text: str) -> str:
    """A place written in brackets ('嘉邦硅业（山东）', 'Lichuan Textile (Xinjiang)') is the name's place prefix."""
    for found in _BRACKETED.finditer(text):
        inner = found.group(1)
        tokens = _tokens(fold_text(inner))
        if tokens and leading_place(tokens) == len(tokens):
            return f"{inner} {text[: found.start()]} {text[found.end() :]}"
    return text


_CAMEL_WORD = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")
_CAMEL_PIECE = re.compile(r"[A-Z][a-z]+")


def _split_camel(text: str) -> str:
    """'ChangChunHuie' is 'Chang Chun Huie': split a CamelCase word when two or more of its pieces are pinyin syllables."""
    def split(found: re.Match[str]) -> str:
        pieces = _CAMEL_PIECE.findall(found.group(0))
        return " ".join(pieces) if sum(is_pinyin_syllable(p.lower()) for p in pieces) >= 2 else found.group(0)

    return _CAMEL_WORD.sub(split, text)


@lru_cache(maxsize=65536)
def analyze_name(name: str) -> NameAnalysis:
    """Analyse a company name: scripts, legal forms (stripped), canonical tokens and place prefix."""
    text = scrub(name[:MAX_NAME_CHARS])
    rest, legal_forms = strip_legal_forms(_split_camel(text))
    tokens = _tokens(fold_text(_place_to_front(rest)))
    return NameAnalysis(name, detect_scripts(text), legal_forms, tuple(tokens), leading_place(tokens))
