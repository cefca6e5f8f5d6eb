"""A name taken apart for comparison, and two names' words paired up (the work the match features share).

`NameParts` splits an analysed name into its place (leading, bracketed or trailing: the lexicon's places and
the gazetteer's provinces, prefecture-level places and county-level cities), its core words (legal-form
leftovers dropped, OCR confusions folded) and its line-of-business and brand words; it is cached per name.
`align` pairs the core words of two names (exact, then a typo, OCR or transliteration apart) and weighs what is
shared by how rare each word is among reference names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from labortrace.names import gazetteer
from labortrace.names.lexicon import concepts
from labortrace.names.normalize import NameAnalysis
from labortrace.names.translate import is_pinyin_syllable, latin_to_tokens, lexicon

#: Lexicon words that say nothing about what a company does.
GENERIC_WORDS = frozenset({"china", "international", "group", "holding", "development", "investment", "industrial", "industry", "trading", "import", "export", "products", "co"})
#: Legal-form words left in a name when OCR or an unusual spelling kept them from being stripped ('Co., Ltcl.', 'Sp. z o.o.').
LEFTOVER_WORDS = frozenset({"co", "ltd", "limited", "company", "corp", "corporation", "inc", "llc", "plc", "sp", "z", "o", "oo", "ooo", "by", "shares", "gmbh", "ag", "sa", "srl", "spa", "bv", "nv", "ab", "as", "oy", "kft", "sro",
                            "tnhh", "jsc", "pjsc", "establishment", "sti"})
#: Legal forms of several words, at either end of a name: Vietnamese 'Công ty TNHH', Turkish 'San. ve Tic. A.Ş.',
#: Arabic ذ.م.م (read 'dh m m'), مؤسسة and شركة (establishment, company) as the folding spells them. Longest first.
_LEGAL_RUNS = (("san", "ve", "tic", "a", "s"), ("san", "ve", "tic"), ("cong", "ty", "co", "phan"), ("cong", "ty", "tnhh"), ("ty", "co", "phan"),
               ("ty", "tnhh"), ("cong", "ty"), ("dh", "m", "m"), ("ltd", "sti"), ("a", "s"), ("mwsst",), ("shrkt",))
_OCR_SIGN = re.compile(r"[0158]|rn|cl")
_LONG_LEFTOVERS = ("company", "limited", "corporation", "incorporated")
#: Legal forms written in pinyin, longest first (股份有限公司, 有限责任公司, 有限公司, 公司).
_PINYIN_LEGAL = (("gu", "fen", "you", "xian", "gong", "si"), ("you", "xian", "ze", "ren", "gong", "si"),
                 ("you", "xian", "gong", "si"), ("gong", "si"))
#: Characters OCR confuses, folded to one form on both sides before comparing ('rn' → 'm', '0' → 'o', 'cl' → 'd').
_OCR = (("0", "o"), ("1", "l"), ("5", "s"), ("8", "b"), ("rn", "m"), ("cl", "d"))
#: Letters OCR confuses with a letter of its own shape ('Garmcnt', 'Hebci', 'Pbạm'): tried one at a time, kept only when the word then reads.
_LETTER_OCR = (("c", "e"), ("b", "h"))
#: Spellings that transliteration systems disagree on, folded for words that are not pinyin ('kotekh' = 'koteh').
_TRANSLIT = re.compile(r"kh|ph|ck|w|y|j|ts|x|q")
_TRANSLIT_TO = {"kh": "h", "ph": "f", "ck": "k", "w": "v", "y": "i", "j": "i", "ts": "c", "x": "ks", "q": "k"}
#: Administrative words after a place in Han names (市, 县, 区 read as syllables).
_HAN_PLACE_SUFFIX = {"shi": "市", "xian": "县", "qu": "区", "sheng": "省"}



@lru_cache(maxsize=1)
def industry_words() -> frozenset[str]:
    """Canonical lexicon tokens naming a line of business (chemical, textile …), not places or pinyin."""
    places = {tok for toks in lexicon().places for tok in toks}
    return concepts() - places - GENERIC_WORDS


@lru_cache(maxsize=1)
def place_names() -> frozenset[tuple[str, ...]]:
    """Token sequences of provinces, prefecture-level places and county-level cities: the lexicon's, and the gazetteer's in pinyin."""
    out = set(lexicon().places)
    for div in gazetteer.load().by_code.values():
        city = div.level == "county" and div.name_zh.endswith("市")  # county-level cities (义乌市)
        syllables = tuple(div.pinyin.split())
        if (div.level in ("province", "prefecture") or city) and len(syllables) >= 2:
            out.add(syllables)
            read = tuple(latin_to_tokens("".join(syllables)))
            if len(read) >= 2:  # a one-word reading ('xian') would eat brands that start with it
                out.add(read)
    return frozenset(p for p in out if p)


def _place_len(tokens: tuple[str, ...], start: int, end: int) -> int:
    places = place_names()
    for size in range(min(5, end - start), 1, -1):
        if tokens[start : start + size] in places:
            return size
    return 1 if start < end and (tokens[start],) in places else 0


def _ocr_fold(token: str) -> str:
    for a, b in _OCR:
        if a in token:
            token = token.replace(a, b)
    return token


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Canonical words of the lexicon: spelt right, so never OCR-folded."""
    lex = lexicon()
    return frozenset(t for toks in (*lex.han.values(), *lex.english.values()) for t in toks) | GENERIC_WORDS | LEFTOVER_WORDS


@lru_cache(maxsize=65536)
def _refold(token: str) -> tuple[str, ...]:
    """A word with OCR confusions folded, read again as canonical tokens when folding changed it ('techn0logy' → 'technology', 'inclustrial' → 'industry', 'garmcnt' → 'garment')."""
    if token in _known_words():
        return (token,)
    if not _OCR_SIGN.search(token):
        return _letter_confusion(token) or (token,)
    folded = _ocr_fold(token)
    if any(folded.startswith(w[:3]) and fuzz.ratio(folded, w) >= 80 for w in _LONG_LEFTOVERS):
        return (folded,)
    read = tuple(latin_to_tokens(folded)) or (folded,)
    if _reads_well(read):
        return read
    # Both names are folded alike, so a real 'rn' ('Bernard') folds on both sides; a 'c' for an 'e' is tried too.
    return _letter_confusion(token) or _letter_confusion(folded) or read


@lru_cache(maxsize=1)
def _spelt_words() -> dict[str, tuple[str, ...]]:
    """English words of the lexicon (one word each) with their canonical tokens, and the canonical words themselves."""
    lex = lexicon()
    words: dict[str, tuple[str, ...]] = {t: (t,) for t in concepts()}
    words.update({key[0]: tokens for key, tokens in lex.english.items() if len(key) == 1})
    return {w: t for w, t in words.items() if len(w) >= MISSPELT_MIN}


#: Words shorter than this are never read as a misspelt lexicon word: a slip away from a short word is another word.
MISSPELT_MIN = 5


@lru_cache(maxsize=65536)
def _misspelt(token: str) -> tuple[str, ...] | None:
    """A word one slip from a lexicon word (a letter dropped, doubled, swapped or replaced), read as that word ('Garmet', 'Biologcial', 'Maaterials'); None when it reads as pinyin or is no such slip."""
    if len(token) < MISSPELT_MIN or is_pinyin_syllable(token) or _reads_well(tuple(latin_to_tokens(token))):
        return None
    words = _spelt_words()
    # One slip only: two would read words of other languages as English ('Elektronik' as 'electronic', not 'Elektronika').
    hit = process.extractOne(token, words.keys(), scorer=OSA.distance, score_cutoff=1)
    return words[hit[0]] if hit is not None else None


def _reads_well(tokens: tuple[str, ...]) -> bool:
    """Every token is a word the lexicon knows, or the word is two or more pinyin syllables."""
    known = _known_words()
    return all(t in known for t in tokens) or (len(tokens) >= 2 and all(is_pinyin_syllable(t) for t in tokens))


def _letter_confusion(token: str) -> tuple[str, ...] | None:
    """A word OCR misread letter for letter ('c' for 'e', 'b' for 'h'), read again when one such swap makes a known word or pinyin ('Ncw', 'Hebci', 'Hengcbu'); None otherwise."""
    if len(token) < 3 or not any(a in token for a, _ in _LETTER_OCR) or is_pinyin_syllable(token):
        return None
    if _reads_well(tuple(latin_to_tokens(token))):
        return None  # read fine as written
    reads = [read for a, b in _LETTER_OCR for i in range(len(token)) if token[i] == a
             if _reads_well(read := tuple(latin_to_tokens(token[:i] + b + token[i + 1 :])))]
    return min(reads, key=len) if reads else None  # 'hengchu' (heng chu) rather than 'hengebu' (hen ge bu)


@lru_cache(maxsize=65536)
def _leftover(token: str) -> bool:
    """A legal-form word, or one a typo away from a long one ('Corrporation', 'Limitd')."""
    return token in LEFTOVER_WORDS or (len(token) >= 6 and any(fuzz.ratio(token, w) >= 85 for w in _LONG_LEFTOVERS))


def _translit(token: str) -> str:
    return _TRANSLIT.sub(lambda m: _TRANSLIT_TO[m.group(0)], token)


@dataclass(frozen=True)
class NameParts:
    """A name split for comparison: place tokens, core tokens (OCR-folded), line of business and brand."""

    place: tuple[str, ...]
    core: tuple[str, ...]
    industry: frozenset[str]
    brand: tuple[str, ...]
    clean: bool  #: every core word that is not a line of business is a pinyin syllable
    han: bool
    other: tuple[str, ...] = ()  #: core words that are neither brand syllables nor a line of business
    joined: str = ""  #: the core words written together
    joined_sorted: str = ""  #: the core words in alphabetical order, written together (word order aside)
    whole: str = ""  #: place and core words written together
    whole_sorted: str = ""  #: place and core words in alphabetical order, written together


def parts(a: NameAnalysis) -> NameParts:
    """The cached parts of an analysed name."""
    return _parts(a.tokens, a.place_prefix, "han" in a.scripts, a.original)


@lru_cache(maxsize=262144)
def _parts(tokens: tuple[str, ...], prefix: int, han: bool, original: str) -> NameParts:
    folded = _refolded(tokens, han)
    lead = _leading_place(folded)
    start = max(prefix, lead)
    if 0 < lead < start and len(folded) - start < 2:
        start = lead  # '洛阳东莞陶瓷': the second place is the brand when nothing else would be left
    end = len(folded)
    if start == 0 and end > 2:  # 'Ansui Machinery, Guangzhou': a place written last
        for size in (5, 4, 3, 2):
            if end - size >= 1 and folded[end - size :] in place_names():
                end -= size
                break
    place = folded[:start] + folded[end:]
    if start and start < end and folded[start] in _HAN_PLACE_SUFFIX and _HAN_PLACE_SUFFIX[folded[start]] in original:
        start += 1  # 株洲市 read as 'zhu zhou shi'
    core = tuple(t for t in _strip_legal_runs(folded[start:end]) if not _leftover(t)) or folded[start:end] or folded
    words = industry_words()
    industry = frozenset(t for t in core if t in words)
    brand = tuple(t for t in core if is_pinyin_syllable(t) and t not in words and t not in GENERIC_WORDS)
    clean = all(is_pinyin_syllable(t) for t in core if t not in words and t not in GENERIC_WORDS)
    other = tuple(t for t in core if t not in words and not is_pinyin_syllable(t))
    joined = "".join(core)
    return NameParts(place, core, industry, brand, clean, han, other, joined, "".join(sorted(core)), "".join(place) + joined,
                     "".join(sorted(place + core)))


def _refolded(tokens: tuple[str, ...], han: bool) -> tuple[str, ...]:
    """The name's words: OCR confusions mended, legal forms dropped, and in a Chinese name written in Latin misspelt lexicon words read as written right; a mended word and its neighbour are read again as the lexicon's phrase ('Aquatic Proclucts' → 'aquatic', as 'Aquatic Products' reads)."""
    folded = _name_words(tuple(w for t in tokens for w in _refold(t)))
    if han:
        return folded
    if any(is_pinyin_syllable(t) for t in _strip_legal_runs(folded)):  # 'San. ve Tic.' is a legal form, not pinyin
        # Only there: 'Textil' in 'Stulu Textil' is a word of its own language, and a typo of it must stay one slip from it.
        folded = tuple(w for t in folded for w in (_misspelt(t) or (t,)))
    changed = set(folded) - set(tokens)
    if not changed or len(folded) < 2:
        return folded
    phrases = lexicon().english
    out: list[str] = []
    i = 0
    while i < len(folded):
        pair = folded[i : i + 2]
        if len(pair) == 2 and changed & set(pair) and pair in phrases:
            out.extend(phrases[pair])
            i += 2
        else:
            out.append(folded[i])
            i += 1
    return tuple(out)


def _name_words(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words without the legal form at their end, before places are looked for: 'Co., Ltcl.' left in a name must not count as its brand ('Shihezi Beijing Photovoltaic'). Pinyin syllables stay ('Lhasa' is 'la sa', not a leftover 'SA')."""
    end = len(tokens)
    while end > 1 and not is_pinyin_syllable(tokens[end - 1]) and _leftover(tokens[end - 1]):
        end -= 1
    words = tokens[:end]
    for tail in _PINYIN_LEGAL:  # 'Gufen Youxian Gongsi' is a legal form written in pinyin
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            return words[: -len(tail)]
    return words


def _strip_legal_runs(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words without legal forms of several words: anywhere (words get moved: 'A.Ş. Breta Ticaret San. ve Tic. Ünal'), one-letter runs ('a s') only at an end."""
    for run in _LEGAL_RUNS:
        size = len(run)
        if len(tokens) <= size or run[0] not in tokens:
            continue
        before = len(tokens)
        if len(run[0]) > 1:
            i = 0
            while i <= len(tokens) - size and len(tokens) > size:
                if tokens[i : i + size] == run:
                    tokens = tokens[:i] + tokens[i + size :]
                else:
                    i += 1
        elif tokens[:size] == run:
            tokens = tokens[size:]
        elif tokens[-size:] == run:
            tokens = tokens[:-size]
        if run[0] == "ty" and len(tokens) < before and len(tokens) > 1 and "cong" in (tokens[0], tokens[-1]):  # 'Công' moved away from its 'ty'
            tokens = tokens[1:] if tokens[0] == "cong" else tokens[:-1]
    return tokens


def _leading_place(tokens: tuple[str, ...]) -> int:
    """Leading places; a second one ('Xinjiang Urumqi …') only while two words are left after it ('Luoyang Dongguan Ceramics' keeps its brand)."""
    count = _place_len(tokens, 0, len(tokens) - 1)
    while count and count < len(tokens) - 1 and (size := _place_len(tokens, count, len(tokens) - 1)):
        if len(tokens) - count - size < 2:
            break
        count += size
    return count


@dataclass(frozen=True)
class Alignment:
    """Core words of two names paired up: exact first, then OCR, typo or transliteration variants."""

    shared: tuple[str, ...]
    q_share: float  #: rarity-weighted share of the query's core words found in the other name
    r_share: float
    dice: float
    rarest: float  #: rarity (0..1) of the rarest shared word that names the company rather than its trade
    q_only: tuple[str, ...] = ()  #: core words of the query the other name lacks
    r_only: tuple[str, ...] = ()
    extra: float = 0.0  #: rarity (0..1) of the rarest word found on one side only
    brand_rarity: float = 0.0  #: summed rarity of the shared brand words, as a share of two unseen words (0..1)


UNSEEN = "\0unseen\0"  #: the token the IDF lookup never knows: its IDF is the highest rarity


@lru_cache(maxsize=1)
def _not_brand() -> frozenset[str]:
    return industry_words() | GENERIC_WORDS


@lru_cache(maxsize=65536)
def _loose_key(token: str) -> tuple[bool, str]:
    return is_pinyin_syllable(token), _translit(token)


def _loose_equal(a: str, b: str) -> bool:
    """Two different words still agree when both are not pinyin syllables and are a typo or a transliteration apart."""
    a_syl, a_key = _loose_key(a)
    b_syl, b_key = _loose_key(b)
    if a_syl and b_syl:
        return False
    la, lb = len(a), len(b)
    if la >= 5 and lb >= 5 and OSA.distance(a, b, score_cutoff=2) <= (1 if min(la, lb) < 9 else 2):
        return True  # one slip (two in a long word): a letter dropped, doubled, swapped or replaced
    return la >= 4 and a_key == b_key


def align(qp: NameParts, rp: NameParts, idf: Callable[[str], float]) -> Alignment:
    """Pair the core words of two names and weigh what is shared by how rare each word is."""
    qc, rc = qp.core, rp.core
    weight = {t: idf(t) for t in (*qc, *rc, UNSEEN)}
    top = weight[UNSEEN] or 1.0
    not_brand = _not_brand()
    if qc == rc:  # the common case for true matches: everything is shared
        brand = [weight[t] for t in qc if t not in not_brand]
        return Alignment(qc, 1.0, 1.0, 1.0, min(max(brand, default=0.0) / top, 1.0),
                         brand_rarity=min(sum(brand) / (2 * top), 1.0))
    unmatched = list(rc)
    shared: list[str] = []
    rest: list[str] = []
    for tok in qc:
        if tok in unmatched:
            unmatched.remove(tok)
            shared.append(tok)
        else:
            rest.append(tok)
    q_extra: list[str] = []
    for tok in rest:
        hit = next((u for u in unmatched if _loose_equal(tok, u)), None) if unmatched else None
        if hit is None:
            q_extra.append(tok)
        else:
            unmatched.remove(hit)
            shared.append(tok)
    wq = sum(weight[t] for t in qc) or 1.0
    wr = sum(weight[t] for t in rc) or 1.0
    q_share = max(0.0, 1.0 - sum(weight[t] for t in q_extra) / wq)
    r_share = max(0.0, 1.0 - sum(weight[t] for t in unmatched) / wr)
    dice = (q_share * wq + r_share * wr) / (wq + wr)
    brand = [weight[t] for t in shared if t not in not_brand]
    extra = max((weight[t] for t in (*q_extra, *unmatched)), default=0.0) / top
    return Alignment(tuple(shared), q_share, r_share, dice, min(max(brand, default=0.0) / top, 1.0), tuple(q_extra),
                     tuple(unmatched), min(extra, 1.0), min(sum(brand) / (2 * top), 1.0))
