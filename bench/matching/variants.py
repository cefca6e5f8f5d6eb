"""How supplier lists write a company's name: the variant families of true matches, and the hard non-matches."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from bench.matching import companies as co
from bench.matching import vocab

if TYPE_CHECKING:
    from bench.matching.generate import QueryContext, RefEntity

CN_FAMILIES = ("han", "han_short", "pinyin", "joined_split", "translation", "legal_form", "abbreviation",
               "word_order", "city_prefix", "typo", "full_width", "ocr")
FOREIGN_FAMILIES = ("diacritics", "translit", "legal_form", "typo", "word_order", "ocr", "full_width")
NEGATIVE_KINDS = ("neg_same_city_industry", "neg_sibling", "neg_other_city", "neg_brand_near", "neg_common_words",
                  "neg_random", "neg_foreign_near")
OCR = (("O", "0"), ("o", "0"), ("I", "1"), ("l", "1"), ("m", "rn"), ("S", "5"), ("B", "8"), ("d", "cl"), ("e", "c"), ("h", "b"))
ABBREVIATIONS = (("Technology", "Tech"), ("International", "Intl"), ("Manufacturing", "Mfg"), ("Import and Export", "Imp & Exp"),
                 ("Company", "Co"), ("Limited", "Ltd"), ("Corporation", "Corp"), ("Group", "Grp"))


def typo(rng: random.Random, text: str) -> str:
    """One keyboard slip inside a word of at least four letters: a letter dropped, doubled, swapped or replaced."""
    spots = [i for i in range(1, len(text) - 1) if text[i].isalpha() and text[i - 1].isalpha() and text[i + 1].isalpha()]
    if not spots:
        return text + "s"
    i = rng.choice(spots)
    op = rng.randrange(4)
    if op == 0:
        return text[:i] + text[i + 1 :]
    if op == 1:
        return text[:i] + text[i] + text[i:]
    if op == 2:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + rng.choice("aeioutnrs") + text[i + 1 :]


def ocr(rng: random.Random, text: str) -> str:
    """One or two OCR confusions (O/0, l/1, m/rn, S/5 …)."""
    for _ in range(rng.choice((1, 2))):
        options = [(a, b) for a, b in OCR if a in text]
        if not options:
            break
        a, b = rng.choice(options)
        spots = [i for i in range(len(text)) if text.startswith(a, i)]
        i = rng.choice(spots)
        text = text[:i] + b + text[i + len(a) :]
    return text


def full_width(text: str) -> str:
    """ASCII letters, digits and punctuation as their full-width forms; spaces as ideographic spaces."""
    return "".join("\u3000" if ch == " " else chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def positive_query(rng: random.Random, ctx: QueryContext, c: co.Company, ent: RefEntity) -> tuple[str, str] | None:
    """A name for reference company `c` in one variant family, or None when the family does not apply to it."""
    if c.kind != "cn":
        return _foreign_variant(rng, c, ent)
    family = rng.choice(CN_FAMILIES)
    name = _cn_variant(rng, ctx, c, family)
    return None if name is None else (name, family)


def _cn_variant(rng: random.Random, ctx: QueryContext, c: co.Company, family: str) -> str | None:
    legal = rng.randrange(6)
    english = co.english_name(c, legal=legal)
    if family == "han":
        return co.han_name(c, shi=rng.random() < 0.6)
    if family == "han_short":
        return co.han_name(c, with_place=False, legal=False) if ctx.unique_without_place(c) else None
    if family == "pinyin":
        return co.pinyin_name(c, legal=rng.random() < 0.5)
    if family == "joined_split":
        sylls = [co.cap(s) for s in co.py(c.brand)]
        place = [co.cap(s) for s in co.py(vocab.PLACES[c.place][0])]
        brand = rng.choice((" ".join(sylls), "".join(sylls)))
        ind = vocab.INDUSTRIES[c.industry][1][0]
        return rng.choice((f"{' '.join(place)} {brand} {ind}", f"{''.join(place)}{co.brand_latin(c)} {ind}", f"{''.join(place)} {brand}{ind}"))
    if family == "translation":
        words = vocab.INDUSTRIES[c.industry][1]
        if len(words) > 1 and rng.random() < 0.6:
            return co.english_name(c, ind=rng.randrange(1, len(words)), legal=legal)
        ind_py = co.cap("".join(co.py(vocab.INDUSTRIES[c.industry][0])))
        return f"{vocab.PLACES[c.place][1]} {co.brand_latin(c)} {ind_py} {vocab.LEGAL_FORMS[c.legal][1][legal % 3]}"
    if family == "legal_form":
        choice = rng.randrange(3)
        if choice == 0:
            return co.english_name(c, legal=None)
        if choice == 1:
            other = rng.choice([i for i in range(len(vocab.LEGAL_FORMS)) if i != c.legal])
            return co.english_name(co.Company(c.kind, c.country, c.brand, c.industry, c.place, other), legal=legal)
        return english.upper().replace(".", "").replace(",", "")
    if family == "abbreviation":
        initials = "".join(s[0] for s in co.py(vocab.PLACES[c.place][0])).upper()
        for long, short in ABBREVIATIONS:
            if long in english and rng.random() < 0.7:
                return english.replace(long, short)
        return english.replace(vocab.PLACES[c.place][1], initials, 1)
    if family == "word_order":
        return co.english_name(c, legal=legal, paren=True) if rng.random() < 0.7 else f"{co.english_name(c, legal=None, with_place=False)}, {vocab.PLACES[c.place][1]}"
    if family == "city_prefix":
        if not ctx.unique_without_place(c):
            return None
        return co.english_name(c, legal=legal, with_place=False) if rng.random() < 0.5 else co.han_name(c, with_place=False)
    if family == "typo":
        return typo(rng, english)
    if family == "full_width":
        if rng.random() < 0.5:
            return full_width(english)
        return f"{c.brand}{vocab.INDUSTRIES[c.industry][0]}（{vocab.PLACES[c.place][0]}）{vocab.LEGAL_FORMS[c.legal][0]}"
    return ocr(rng, english)


def _foreign_variant(rng: random.Random, c: co.Company, ent: RefEntity) -> tuple[str, str] | None:
    family = rng.choice(FOREIGN_FAMILIES)
    native = co.native_name(c)
    if family == "diacritics":
        folded = co.fold_diacritics(native)
        if c.kind != "latin" or folded == native:
            return None
        return (folded.replace("ö", "oe") if rng.random() < 0.3 else folded), family
    if family == "translit":
        if c.kind == "latin":
            return None
        has_latin = len(ent.names) > 1
        return (native if has_latin and rng.random() < 0.5 else co.latin_name(c, rng.randrange(3))), family
    if family == "legal_form":
        legal_text = _legal_text(c)
        return " ".join(native.replace(legal_text, " ").replace("«", "").replace("»", "").split()), family
    if family == "typo":
        return typo(rng, native), family
    if family == "word_order":
        words = native.replace("«", "").replace("»", "").split()
        if len(words) < 3:
            return None
        words[0], words[-1] = words[-1], words[0]
        return " ".join(words), family
    if family == "ocr":
        text = ocr(rng, native)
        return (text, family) if text != native else None
    return full_width(native), family


def _legal_text(c: co.Company) -> str:
    if c.kind == "latin":
        return vocab.LATIN_COUNTRIES[c.country][2][c.legal]
    return (vocab.CYR_LEGAL if c.kind == "cyr" else vocab.ARABIC_LEGAL)[c.legal][0]


def negative_query(rng: random.Random, ctx: QueryContext, kind: str) -> tuple[str, co.Company]:
    """A company that is not in the reference (its key is new), built to look like one that is."""
    while True:
        i = rng.randrange(len(ctx.refs))
        base = ctx.refs[i]
        if kind == "neg_other_city" and not names_place(ctx.entities[i], base):
            continue  # another city's company is only told apart when the reference names the place
        c = _near_company(rng, base, kind)
        if c is not None and c.key not in ctx.taken:
            ctx.taken.add(c.key)
            return _write(rng, c), c


def names_place(ent: RefEntity, c: co.Company) -> bool:
    han, english = vocab.PLACES[c.place]
    return all(han in name or english in name for name in ent.names)


def _near_company(rng: random.Random, base: co.Company, kind: str) -> co.Company | None:
    if kind == "neg_random":
        return co.random_company(rng, rng.choices(co.KINDS, co.KIND_WEIGHTS)[0])
    if kind == "neg_foreign_near":
        if base.kind == "cn":
            return None
        n_ind = len(vocab.LATIN_COUNTRIES[base.country][1]) if base.kind == "latin" else len(
            vocab.CYR_INDUSTRIES if base.kind == "cyr" else vocab.ARABIC_INDUSTRIES)
        return co.Company(base.kind, base.country, base.brand, rng.randrange(n_ind), base.place, base.legal)
    if base.kind != "cn":
        return None
    fresh = co.random_company(rng, "cn")
    if kind == "neg_same_city_industry":
        return co.Company("cn", "cn", fresh.brand, base.industry, base.place, fresh.legal)
    if kind == "neg_sibling":
        return co.Company("cn", "cn", base.brand, rng.randrange(len(vocab.INDUSTRIES)), base.place, base.legal)
    if kind == "neg_other_city":
        return co.Company("cn", "cn", base.brand, base.industry, rng.randrange(len(vocab.PLACES)), base.legal)
    if kind == "neg_common_words":
        generic = rng.choice(co.GENERIC_BRANDS)[0]
        return co.Company("cn", "cn", generic, base.industry if rng.random() < 0.5 else fresh.industry, base.place, base.legal)
    return _brand_near(rng, base)


def _brand_near(rng: random.Random, base: co.Company) -> co.Company | None:
    """The same brand with one character replaced by one whose pinyin is one letter apart ('Jinkun' -> 'Jiakun')."""
    _popular, inventory = co.brand_chars()
    i = rng.randrange(len(base.brand))
    target = co.py(base.brand[i])[0]
    for _ in range(200):
        ch = rng.choice(inventory)
        syl = co.py(ch)[0]
        if syl != target and _one_apart(syl, target):
            return co.Company("cn", "cn", base.brand[:i] + ch + base.brand[i + 1 :], base.industry, base.place, base.legal)
    return None


def _one_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _write(rng: random.Random, c: co.Company) -> str:
    """A non-matching company written the way supplier lists write names: Han, English or pinyin."""
    if c.kind != "cn":
        if c.kind == "latin":
            return co.native_name(c) if rng.random() < 0.7 else co.fold_diacritics(co.native_name(c))
        return co.native_name(c) if rng.random() < 0.5 else co.latin_name(c, rng.randrange(2))
    form = rng.choices(("han", "english", "pinyin"), (35, 45, 20))[0]
    if form == "han":
        return co.han_name(c, shi=rng.random() < 0.6)
    if form == "english":
        return co.english_name(c, legal=rng.randrange(6), paren=rng.random() < 0.1)
    return co.pinyin_name(c, legal=rng.random() < 0.5)
