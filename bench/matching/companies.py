"""Fictional companies built from parts, and the ways real lists write their names.

A Chinese company is (place, Han brand, industry, legal form); its Han name, pinyin and English name are
rendered from the parts. Foreign companies (Latin with diacritics, Cyrillic, Arabic) likewise. Two
companies never share their identifying parts; two Chinese companies whose brands are written alike in
pinyin (homophones) share a `latin_key` and cannot be told apart by a name written in Latin letters only.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import lazy_pinyin, pinyin_dict

from bench.matching import vocab

GENERIC_BRANDS = (("中国", "China"), ("华夏", "Huaxia"), ("东方", "Oriental"), ("环球", "Global"), ("亚洲", "Asia"),
                  ("太平洋", "Pacific"), ("长城", "Great Wall"), ("联合", "United"))


@dataclass(frozen=True)
class Company:
    """Identifying parts of one fictional company; `kind` is cn, latin, cyr or ar."""

    kind: str
    country: str
    brand: str  #: Han brand (cn), brand words (latin), Cyrillic brand (cyr), Arabic brand words joined by '|' (ar)
    industry: int
    place: int = -1  #: index into vocab.PLACES (cn only)
    legal: int = 0

    @property
    def key(self) -> tuple[str, str, int, int]:
        """Identity: legal form aside, two companies with the same key are one.

        Only what the names can show counts: a Cyrillic or Arabic name does not show its country (two 'ООО
        «Сибвест Трейд»' in Russia and Kazakhstan would be one name labelled two companies), and a Latin brand
        is compared with its diacritics folded ('Mafö' and 'Mafó' both read 'Mafo').
        """
        if self.kind in ("cyr", "ar"):
            return (self.kind, self.brand, self.industry, self.place)
        if self.kind == "latin":
            return (self.kind + self.country, fold_diacritics(self.brand).lower(), self.industry, self.place)
        return (self.kind + self.country, self.brand, self.industry, self.place)


@lru_cache(maxsize=1)
def brand_chars() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(popular, all) brand characters: GB2312 level-1 characters with one reading and a plain pinyin."""
    table = pinyin_dict.pinyin_dict
    chars = []
    for cp in range(0x4E00, 0x9FA6):
        ch = chr(cp)
        try:
            code = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        reading = table.get(cp)
        if not 0xB0 <= code[0] <= 0xD7 or not reading or "," in reading:
            continue
        py = lazy_pinyin(ch)[0]
        if py.isascii() and py.isalpha() and "v" not in py:
            chars.append(ch)
    allowed = set(chars)
    popular = tuple(dict.fromkeys(c for c in vocab.POPULAR_BRAND_CHARS if c in allowed))
    return popular, tuple(chars)


@lru_cache(maxsize=None)
def py(han: str) -> list[str]:
    """Toneless pinyin syllables of a Han string."""
    return lazy_pinyin(han)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def place_han(c: Company, shi: bool = True) -> str:
    han = vocab.PLACES[c.place][0]
    return han + ("市" if shi and han not in vocab.PROVINCES else "")


def brand_latin(c: Company) -> str:
    """The brand as real lists write it: syllables joined, capitalised ('Jinkun'); generic words translated."""
    generic = dict(GENERIC_BRANDS)
    return generic[c.brand] if c.brand in generic else cap("".join(py(c.brand)))


def latin_key(c: Company) -> tuple[str, str, str, str]:
    """What a name written in Latin letters can tell about a company: homophone brands collide, and so do places and
    lines of business that English writes alike (台州 and 泰州 are both 'Taizhou', 化工 and 化学 both 'Chemical')."""
    if c.kind != "cn":
        kind, brand, industry, place = c.key
        return (kind, brand, str(industry), str(place))
    return ("cn", "".join(py(c.brand)), vocab.INDUSTRIES[c.industry][1][0], vocab.PLACES[c.place][1])


def han_name(c: Company, with_place: bool = True, shi: bool = True, legal: bool = True) -> str:
    place = place_han(c, shi) if with_place else ""
    return place + c.brand + vocab.INDUSTRIES[c.industry][0] + (vocab.LEGAL_FORMS[c.legal][0] if legal else "")


def english_name(c: Company, ind: int = 0, legal: int | None = 0, with_place: bool = True, paren: bool = False) -> str:
    """'Shenzhen Jinkun Textile Co., Ltd.', or with the place in parentheses after the brand and trade."""
    words = vocab.INDUSTRIES[c.industry][1]
    core = f"{brand_latin(c)} {words[ind % len(words)]}"
    tail = "" if legal is None else " " + vocab.LEGAL_FORMS[c.legal][1][legal % len(vocab.LEGAL_FORMS[c.legal][1])]
    place = vocab.PLACES[c.place][1]
    if not with_place:
        return core + tail
    return f"{core} ({place}){tail}" if paren else f"{place} {core}{tail}"


def pinyin_name(c: Company, legal: bool = True, with_place: bool = True) -> str:
    """Every word in pinyin, as suppliers type a Han name they cannot translate: 'Shenzhen Jinkun Fangzhi'."""
    parts = ["".join(py(vocab.PLACES[c.place][0]))] if with_place else []
    parts += ["".join(py(c.brand)), "".join(py(vocab.INDUSTRIES[c.industry][0]))]
    text = " ".join(cap(p) for p in parts)
    return text + (" " + vocab.LEGAL_FORMS[c.legal][2] if legal else "")


def cyr_latin(text: str) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        tr = vocab.CYR_LATIN.get(low, ch)
        out.append(cap(tr) if ch != low else tr)
    return "".join(out)


def native_name(c: Company) -> str:
    """The name in the company's own script and language."""
    if c.kind == "latin":
        words, inds, legals = vocab.LATIN_COUNTRIES[c.country]
        if c.country == "vn":
            return f"{legals[c.legal]} {inds[c.industry]} {c.brand}"
        return f"{c.brand} {inds[c.industry]} {legals[c.legal]}"
    if c.kind == "cyr":
        return f"{vocab.CYR_LEGAL[c.legal][0]} «{c.brand} {vocab.CYR_INDUSTRIES[c.industry][0]}»"
    brand = " ".join(_ar_words(c, 0))
    return f"{vocab.ARABIC_LEGAL[c.legal][0]} {brand} {vocab.ARABIC_INDUSTRIES[c.industry][0]}"


def latin_name(c: Company, variant: int = 0) -> str:
    """The Latin-script form of a Cyrillic or Arabic name: transliterated (0) or English (1)."""
    if c.kind == "cyr":
        ind_cyr, ind_en = vocab.CYR_INDUSTRIES[c.industry]
        legal = vocab.CYR_LEGAL[c.legal]
        if variant == 0:
            return f"{legal[1]} {cyr_latin(c.brand)} {cyr_latin(ind_cyr)}"
        return f"{cyr_latin(c.brand)} {ind_en} {legal[2]}"
    brand = " ".join(_ar_words(c, 1, variant))
    return f"{brand} {vocab.ARABIC_INDUSTRIES[c.industry][1]} {vocab.ARABIC_LEGAL[c.legal][1]}"


def _ar_words(c: Company, script: int, variant: int = 0) -> list[str]:
    brands = dict(vocab.ARABIC_BRANDS)
    families = dict(vocab.ARABIC_FAMILIES)
    out = []
    for part in c.brand.split("|"):
        if part in brands:
            out.append(part if script == 0 else brands[part][variant % len(brands[part])])
        else:
            out.append(part if script == 0 else families[part])
    return out


def fold_diacritics(text: str) -> str:
    """Diacritics removed, as an ASCII-only system writes the name ('Müller' -> 'Muller')."""
    text = text.replace("ß", "ss").replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def random_company(rng: random.Random, kind: str) -> Company:
    """Draw the parts of one company of the given kind (may repeat an existing one: callers deduplicate)."""
    if kind == "cn":
        popular, inventory = brand_chars()
        if rng.random() < 0.02:
            brand = rng.choice(GENERIC_BRANDS)[0]
        else:
            size = rng.choices((2, 3, 4), (85, 12, 3))[0]
            brand = "".join(rng.choice(popular) if rng.random() < 0.35 else rng.choice(inventory) for _ in range(size))
        legal = rng.choices(range(len(vocab.LEGAL_FORMS)), vocab.LEGAL_WEIGHTS)[0]
        return Company("cn", "cn", brand, rng.randrange(len(vocab.INDUSTRIES)), rng.randrange(len(vocab.PLACES)), legal)
    if kind == "latin":
        country = rng.choice(sorted(vocab.LATIN_COUNTRIES))
        words, inds, legals = vocab.LATIN_COUNTRIES[country]
        coined = cap("".join(rng.choice(vocab.LATIN_ONSETS) + rng.choice(vocab.LATIN_VOWELS) for _ in range(rng.choice((2, 3)))))
        brand = rng.choice((coined, f"{rng.choice(words)} {coined}", f"{coined} {rng.choice(words)}"))
        return Company("latin", country, brand, rng.randrange(len(inds)), -1, rng.randrange(len(legals)))
    if kind == "cyr":
        brand = cap("".join(rng.choice(vocab.CYR_SYLLABLES) for _ in range(rng.choice((2, 3, 4)))))
        return Company("cyr", rng.choice(("ru", "kz", "by")), brand, rng.randrange(len(vocab.CYR_INDUSTRIES)), -1,
                       rng.randrange(len(vocab.CYR_LEGAL)))
    parts = [rng.choice(vocab.ARABIC_BRANDS)[0]] + [rng.choice(vocab.ARABIC_FAMILIES)[0] for _ in range(rng.choice((1, 2)))]
    return Company("ar", rng.choice(("ae", "sa", "eg")), "|".join(parts), rng.randrange(len(vocab.ARABIC_INDUSTRIES)), -1,
                   rng.randrange(len(vocab.ARABIC_LEGAL)))


KINDS = ("cn", "latin", "cyr", "ar")
KIND_WEIGHTS = (70, 20, 7.5, 2.5)
