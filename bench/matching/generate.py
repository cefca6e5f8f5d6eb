"""The labelled benchmark data: a reference set of N companies and 10,000 supplier-list queries, from a fixed seed."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from bench.matching import companies as co
from bench.matching import vocab
from bench.matching.variants import NEGATIVE_KINDS, names_place, negative_query, positive_query

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
#: Changes whenever the same seed would generate other data; cached files carry it in their name (2: labels follow
#: what names show, see companies.Company.key and latin_key; 3: a non-match whose brand and trade a reference company
#: shares under a name that gives no place cannot be told from it, and is set aside like a homophone).
GENERATOR_VERSION = 3
POSITIVE_SHARE = 0.3


@dataclass
class RefEntity:
    """One reference entity as a sanctions-style list publishes it."""

    id: str
    kind: str
    country: str
    names: list[str]
    addresses: list[str] = field(default_factory=list)


@dataclass
class Query:
    """One supplier row with its label: `gold` is the reference id, or '' for a company not in the reference."""

    row: int
    name: str
    country: str
    address: str
    gold: str
    family: str  #: variant family for true matches; kind of non-match (neg_*) otherwise
    #: the name cannot be told from another reference company: written in Latin only with a homophone twin, or (a
    #: non-match) the same brand and trade as a company one of whose reference names gives no place
    latin_ambiguous: bool = False
    acceptable: tuple[str, ...] = ()  #: ids the name cannot tell from the gold, gold included


@dataclass
class Dataset:
    seed: int
    size: int
    references: list[RefEntity]
    queries: list[Query]


def draw_companies(rng: random.Random, count: int, taken: set[tuple[str, str, int, int]]) -> list[co.Company]:
    """`count` new distinct companies, none of whose keys is in `taken` (which is updated)."""
    out: list[co.Company] = []
    while len(out) < count:
        c = co.random_company(rng, rng.choices(co.KINDS, co.KIND_WEIGHTS)[0])
        if c.key not in taken:
            taken.add(c.key)
            out.append(c)
    return out


def reference_entity(rng: random.Random, i: int, c: co.Company) -> RefEntity:
    """Render a company the way reference lists do: English with Han alias, English only, or Han only (cn)."""
    names: list[str] = []
    addresses: list[str] = []
    if c.kind == "cn":
        layout = rng.choices(("en+han", "en", "han"), (45, 40, 15))[0]
        with_place = rng.random() < 0.85
        if layout != "han":
            names.append(co.english_name(c, with_place=with_place, paren=with_place and rng.random() < 0.1))
            if rng.random() < 0.1:
                names.append(co.pinyin_name(c, legal=False))
        if layout != "en":
            names.append(co.han_name(c, shi=rng.random() < 0.7))
        if rng.random() < 0.5:
            road_han, road_en = rng.choice(vocab.ROADS)
            num = rng.randrange(1, 999)
            addresses.append(f"{co.place_han(c)}{road_han}{num}号" if layout == "han" else f"No. {num} {road_en}, {vocab.PLACES[c.place][1]}")
    elif c.kind == "latin":
        names.append(co.native_name(c))
    else:
        names.append(co.native_name(c))
        if rng.random() < 0.5:
            names.append(co.latin_name(c, rng.randrange(2)))
    return RefEntity(f"ref-{i}", c.kind, c.country, names, addresses)


def build(size: int, seed: int = 20261123, n_queries: int = 10_000) -> Dataset:
    """The reference set and the labelled queries; the same size and seed give the same data."""
    rng = random.Random(f"{seed}-{size}")
    taken: set[tuple[str, str, int, int]] = set()
    refs = draw_companies(rng, size, taken)
    entities = [reference_entity(rng, i, c) for i, c in enumerate(refs)]
    by_latin: dict[tuple[str, str, str, str], list[int]] = {}
    for i, c in enumerate(refs):
        by_latin.setdefault(co.latin_key(c), []).append(i)
    ctx = QueryContext(rng, refs, entities, taken, by_latin)
    queries = [make_query(ctx, row) for row in range(1, n_queries + 1)]
    return Dataset(seed, size, entities, queries)


@dataclass
class QueryContext:
    rng: random.Random
    refs: list[co.Company]
    entities: list[RefEntity]
    taken: set[tuple[str, str, int, int]]
    by_latin: dict[tuple[str, str, str, str], list[int]]
    _brand_industry: Counter[tuple[str, ...]] | None = None
    _placeless: dict[tuple[str, ...], list[int]] | None = None

    def unique_without_place(self, c: co.Company) -> bool:
        """Whether brand and industry alone (place dropped) still name one reference company, in Latin letters."""
        if self._brand_industry is None:
            self._brand_industry = Counter(co.latin_key(r)[:3] for r in self.refs if r.kind == "cn")
        return self._brand_industry[co.latin_key(c)[:3]] == 1


    def placeless_twins(self, c: co.Company, latin_only: bool) -> list[str]:
        """Reference companies of c's brand and trade in another place with a name that gives no place: a name cannot
        tell c from them (as the city_prefix variant is only made when brand and trade are unique)."""
        if self._placeless is None:
            self._placeless = {}
            for i, r in enumerate(self.refs):
                if r.kind == "cn" and not names_place(self.entities[i], r):
                    self._placeless.setdefault(co.latin_key(r)[:3], []).append(i)
        found = self._placeless.get(co.latin_key(c)[:3], []) if c.kind == "cn" else []
        return [self.entities[i].id for i in found
                if self.refs[i].key != c.key and (latin_only or (self.refs[i].brand, self.refs[i].industry) == (c.brand, c.industry))]


def make_query(ctx: QueryContext, row: int) -> Query:
    rng = ctx.rng
    if rng.random() < POSITIVE_SHARE:
        for _ in range(100):
            i = rng.randrange(len(ctx.refs))
            made = positive_query(rng, ctx, ctx.refs[i], ctx.entities[i])
            if made is not None:
                name, family = made
                return _labelled(ctx, row, name, ctx.refs[i], ctx.entities[i].id, family)
    kind = rng.choices(NEGATIVE_KINDS, (25, 20, 10, 10, 10, 15, 10))[0]
    name, company = negative_query(rng, ctx, kind)
    return _labelled(ctx, row, name, company, "", kind)


def _labelled(ctx: QueryContext, row: int, name: str, c: co.Company, gold: str, family: str) -> Query:
    rng = ctx.rng
    latin_only = not any("\u4e00" <= ch <= "\u9fff" for ch in name)
    twins = [ctx.entities[j].id for j in ctx.by_latin.get(co.latin_key(c), [])]
    ambiguous = latin_only and c.kind == "cn" and bool(set(twins) - {gold})
    if not gold:
        placeless = ctx.placeless_twins(c, latin_only)
        twins, ambiguous = twins + placeless, ambiguous or bool(placeless)
    country = c.country if rng.random() < 0.5 else ""
    address = ""
    if c.kind == "cn" and rng.random() < 0.3:
        address = f"{vocab.PLACES[c.place][1]}, China"
    return Query(row, name, country, address, gold, family, ambiguous, tuple(sorted(set(twins) | {gold} - {""})) if ambiguous else ())
