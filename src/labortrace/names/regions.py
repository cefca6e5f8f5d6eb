"""Where in China a company name or address lies: GB/T 2260 divisions recognised in Han, pinyin or English.

Rules (each measured on 34,215 registrations with `python -m bench.regions`):
- Han names match as substrings, leftmost-longest, inside runs of Han characters. Full names (喀什地区) count
  alone; short forms (喀什), two-character full names (丰县) and aliases such as 巴州 count when confirmed:
  followed by a division suffix (昌吉州); at the start of the text (two-character county short forms only before
  an area word, 吴江经济技术开发区, as 和硕 or 东方 are ordinary words); naming a branch (新疆分公司,
  公司乌鲁木齐支行); or enclosing or lying in a confirmed place named elsewhere (新疆 … 疏附). Province short
  forms (新疆) count anywhere. Generic names (城区, 东城, 桥西) count only beside a related place.
- Latin names match as whole words, case-insensitive with diacritics folded; pinyin may be split at syllables
  ('Wu Lu Mu Qi', 'WULUMUQI'). Curated names and province or prefecture pinyin count alone; county pinyin
  needs a suffix word (Shufu County, Shufu Xian) or a related place, like the Han short forms.
- A short form or Latin name followed by a street or building word (北京路, 中山大道, Kashi Road) is a street.
- The main province is the one most hits point to (a branch's own place first; ties go to the earliest).
  A name shared by several divisions takes the one whose enclosing or enclosed places the text also names,
  then the one in the main province, then the first in a fixed order: current before former, province before
  prefecture before county, lowest code first (so 朝阳区 alone is Beijing's, 110105).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from labortrace.names import gazetteer as gz

HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
LATIN_WORD = re.compile(r"[a-z]+")
HAN_SUFFIX = re.compile(r"[省市区县州盟旗]|地区|自治")
HAN_STREET = re.compile(
    r"[东南西北中]?[一二三四五六七八九十\d]*[路街巷弄道里村屯桥镇乡]|大道|大街|公路|大厦|广场|花园|小区|公园|社区|商城|酒店|宾馆|饭店"
)
LATIN_SUFFIX = re.compile(
    r"\s+(?:(?:uyghur|uygur|uighur|hui|mongol|mongolian|kazakh|kyrgyz|tajik|xibe|zhuang|tibetan)\s+)?"
    r"(?:autonomous\s+)?(?:county|city|district|prefecture|province|region|municipality|league|banner|"
    r"xian|shi|qu|sheng|diqu|zizhiqu|zizhizhou|zizhixian|zhou)\b"
)
LATIN_STREET = re.compile(
    r"\s*(?:(?:east|west|north|south|middle|central|dong|xi|nan|bei|zhong)\s+)?"
    r"(?:road|rd|street|st|avenue|ave|lu|jie|dajie|dadao|lane|ln|alley|hutong|boulevard|blvd|xiang)\b"
)
LATIN_JOINER = re.compile(r"[\s'\u2019-]{0,2}")
# After a county short form at the start of an address, words that show it is the county (吴江经济技术开发区).
HAN_AREA = re.compile(r"经济|开发|高新|保税|工业|沿海|综合|国家|新区|[镇乡港]|街道")
# A branch (新疆分公司, 公司乌鲁木齐支行) is where the registered entity is, whatever its parent's name says.
HAN_BRANCH_AFTER = re.compile(
    r"(?:[市县区州]|地区)?(?:第[一二三四五六七八九十\d]+)?"
    r"(?:分公司|分行|支行|分店|营业部|分厂|分部|经营部|分所|分中心|代表处|分院|门市部|服务部)"
)
HAN_BRANCH_BEFORE = ("公司", "银行", "集团")
LATIN_ANY = re.compile(r"[A-Za-z\u00c0-\u024f\uff21-\uff3a\uff41-\uff5a]")
OPENING = re.compile(r"[\W\d_a-zA-Z]*")


@dataclass(frozen=True)
class Place:
    """A division of China recognised in a text, with the exact substring and its offset."""

    code: str
    level: str
    name_zh: str
    name_en: str
    province_code: str
    province_en: str
    matched: str
    start: int

    @property
    def is_xinjiang(self) -> bool:
        """True for the Xinjiang Uyghur Autonomous Region and everything in it, the XPCC included."""
        return self.province_code == "650000"

    def describe(self) -> str:
        """'Shufu County (疏附县), Kashgar Prefecture, Xinjiang Uyghur Autonomous Region': for reasons shown to users."""
        parts = [f"{self.name_en} ({self.name_zh})"]
        if self.level == "county":
            prefecture = gz.load().by_code.get(self.code[:4] + "00")
            if prefecture is not None and prefecture.level == "prefecture":
                parts.append(prefecture.name_en)
        if self.level != "province":
            parts.append(self.province_en)
        return ", ".join(parts)


@dataclass
class _Hit:
    start: int
    end: int
    codes: list[str]
    confirmed: bool
    branch: bool = False


def province_of(code: str) -> str:
    """The province code of a 6-digit division code: '653100' -> '650000'."""
    if len(code) != 6 or not code.isdigit():
        raise ValueError(f"not a 6-digit GB/T 2260 division code: {code!r}")
    return code[:2] + "0000"


def place_for(code: str, matched: str, start: int) -> Place | None:
    """A Place for a division code (the nearest known enclosing division when the code itself is unknown)."""
    g = gz.load()
    div = g.division(code)
    if div is None:
        return None
    province = g.by_code.get(province_of(div.code))
    province_en = province.name_en if province else ""
    return Place(div.code, div.level, div.name_zh, div.name_en, province_of(div.code), province_en, matched, start)


def _han_hits(text: str, g: gz.Gazetteer) -> list[_Hit]:
    """Leftmost-longest scan of each run of Han characters; a street-like short form lets shorter names try."""
    hits: list[_Hit] = []
    lengths, names = g.han_lengths, g.han
    for run in HAN_RUN.finditer(text):
        i, end = run.span()
        while i < end:
            step = 1
            for length in lengths.get(text[i : i + 2], ()):
                name = names.get(text[i : i + length]) if i + length <= end else None
                if name is not None and not (name.weak and HAN_STREET.match(text, i + length)):
                    hits.append(_han_hit(text, i, i + length, name))
                    step = length
                    break
            i += step
    return hits


def _han_hit(text: str, i: int, end: int, name: gz.HanName) -> _Hit:
    # Two-character county short forms are often ordinary words (和硕, 东方, 新华): at the start they need an
    # area word after them; longer ones (五家渠, 库尔勒) are distinctive enough alone.
    at_start = OPENING.fullmatch(text, 0, i) is not None and (
        name.level <= 1 or not name.short or end - i > 2 or HAN_AREA.match(text, end) is not None
    ) and not name.generic
    branch = HAN_BRANCH_AFTER.match(text, end) is not None or (
        text.endswith(HAN_BRANCH_BEFORE, 0, i) and not text.endswith("分公司", 0, i))
    branch = branch and not name.generic  # 东城分公司 is a town's branch as often as a county's
    confirmed = not name.weak or name.level == 0 or at_start or branch or bool(HAN_SUFFIX.match(text, end))
    return _Hit(i, end, name.codes, confirmed, branch)


def _latin_hits(text: str, g: gz.Gazetteer) -> list[_Hit]:
    folded = gz.fold(text)
    words = [(m.start(), m.end()) for m in LATIN_WORD.finditer(folded)]
    hits: list[_Hit] = []
    k = 0
    while k < len(words):
        k = _latin_hit_at(folded, words, k, g, hits)
    return hits


def _latin_hit_at(folded: str, words: list[tuple[int, int]], k: int, g: gz.Gazetteer, hits: list[_Hit]) -> int:
    """Longest name starting at word k (words joined by spaces, hyphens or apostrophes); returns the next word."""
    key, found = "", []
    for j in range(k, min(len(words), k + g.latin_max_words)):
        if j > k and not LATIN_JOINER.fullmatch(folded, words[j - 1][1], words[j][0]):
            break
        key += folded[words[j][0] : words[j][1]]
        if key not in g.latin_prefixes:
            break
        if key in g.latin:
            found.append((j + 1, key))
    for stop, key in reversed(found):
        name = g.latin[key]
        end = words[stop - 1][1]
        if key in g.stop or not _breaks_ok(words, k, stop, name.breaks) or LATIN_STREET.match(folded, end):
            continue
        suffix = LATIN_SUFFIX.match(folded, end)
        codes = name.codes if suffix or not name.strong else name.strong
        hits.append(_Hit(words[k][0], end, codes, bool(name.strong or suffix)))
        if suffix:  # the suffix word belongs to this name: 'Shufu Xian' must not also read as Xi'an
            return stop + len(LATIN_WORD.findall(suffix.group()))
        return stop
    return k + 1


def _breaks_ok(words: list[tuple[int, int]], k: int, stop: int, allowed: set[int]) -> bool:
    offset = 0
    for s, e in words[k : stop - 1]:
        offset += e - s
        if offset not in allowed:
            return False
    return True


class _Support:
    """Counts, for a code, the places named in a set of hits that enclose it or lie in it (linear, not pairwise)."""

    def __init__(self, hits: list[_Hit]) -> None:
        self.codes: dict[str, int] = {}
        self.in_province: dict[str, int] = {}
        self.in_prefecture: dict[str, int] = {}
        for hit in hits:
            for code in hit.codes:
                self._add(code, 1)

    def _add(self, code: str, n: int) -> None:
        self.codes[code] = self.codes.get(code, 0) + n
        self.in_province[code[:2]] = self.in_province.get(code[:2], 0) + n
        self.in_prefecture[code[:4]] = self.in_prefecture.get(code[:4], 0) + n

    def count(self, code: str, hit: _Hit | None = None) -> int:
        """Related places for `code`, leaving out the alternatives of `hit` itself."""
        if hit is not None:
            for own in hit.codes:
                self._add(own, -1)
        province, prefecture = code[:2] + "0000", code[:4] + "00"
        same = self.codes.get(code, 0)
        if code == province:
            total = self.in_province.get(code[:2], 0) - same
        elif code == prefecture:
            total = self.codes.get(province, 0) + self.in_prefecture.get(code[:4], 0) - same
        else:
            total = self.codes.get(province, 0) + self.codes.get(prefecture, 0)
        if hit is not None:
            for own in hit.codes:
                self._add(own, 1)
        return total


def _confirm(hits: list[_Hit]) -> list[_Hit]:
    """Keep confirmed hits, and weak ones that enclose or lie in a confirmed place (repeated: 新疆喀什疏附)."""
    for _ in range(4):  # enclosure chains are at most province > prefecture > county deep
        anchors = _Support([h for h in hits if h.confirmed])
        pending = [h for h in hits if not h.confirmed and any(anchors.count(c) for c in h.codes)]
        for hit in pending:
            hit.confirmed = True
        if not pending:
            break
    return [h for h in hits if h.confirmed]


def _main_province(hits: list[_Hit]) -> str | None:
    """Two-digit prefix of the province most hits point to (a branch's own place wins); ties go to the first."""
    provinces_of = [list(dict.fromkeys(c[:2] for c in h.codes)) for h in hits]
    if len({p for ps in provinces_of for p in ps}) <= 1:  # the usual case: one province, nothing to weigh
        return provinces_of[0][0] if provinces_of else None
    votes: dict[str, float] = {}
    first: dict[str, int] = {}
    for hit, provinces in zip(hits, provinces_of):
        for p in provinces:
            votes[p] = votes.get(p, 0.0) + 1.0 / len(provinces)
            first.setdefault(p, hit.start)
    branches = {c[:2] for h in hits if h.branch for c in h.codes}
    allowed = branches or votes.keys()
    return min(allowed, key=lambda p: (-votes[p], first[p])) if votes else None


def _choose(hit: _Hit, support: _Support, main: str | None) -> str:
    """The best code for a hit: most support, then in the main province, then the gazetteer's fixed order."""
    if len(hit.codes) == 1:
        return hit.codes[0]
    return max(hit.codes, key=lambda c: (support.count(c, hit), c[:2] == main))  # max keeps the first of equals


def _resolve(text: str) -> tuple[list[_Hit], list[str], str | None, _Support]:
    g = gz.load()
    hits = _han_hits(text, g)
    if LATIN_ANY.search(text):
        hits = sorted(hits + _latin_hits(text, g), key=lambda h: h.start)
    hits = _confirm(hits)
    main = _main_province(hits)
    support = _Support(hits)
    return hits, [_choose(h, support, main) for h in hits], main, support


def locate_all(text: str) -> list[Place]:
    """Every place recognised in the text, in order of appearance; never raises."""
    try:
        if not isinstance(text, str):
            return []
        hits, codes, _, _ = _resolve(text)
        places = (place_for(c, text[h.start : h.end], h.start) for h, c in zip(hits, codes))
        return [p for p in places if p is not None]
    except Exception:  # a gazetteer bug must not stop screening: recognise nothing instead
        return []


def locate(text: str) -> Place | None:
    """The most specific place the text (a name or an address) lies in, within its main province; never raises."""
    try:
        return _locate(text) if isinstance(text, str) else None
    except Exception:  # a gazetteer bug must not stop screening: recognise nothing instead
        return None


def _locate(text: str) -> Place | None:
    hits, codes, main, support = _resolve(text)
    levels = gz.load().by_code
    inside = [(h, c) for h, c in zip(hits, codes) if c[:2] == main]
    if not inside:
        return None
    deepest = max(gz.LEVEL_RANK[levels[c].level] for _, c in inside)
    best = [(h, c) for h, c in inside if gz.LEVEL_RANK[levels[c].level] == deepest]
    if len(best) > 1:  # stable sort: among equally supported places the first one wins
        best.sort(key=lambda hc: -support.count(hc[1], hc[0]))
    hit, code = best[0]
    return place_for(code, text[hit.start : hit.end], hit.start)
