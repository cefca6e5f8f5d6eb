"""The three fictional datasets, and the companies the supplier list is built around.

The forced-labour list holds 24 companies in Xinjiang and 6 factories elsewhere that receive
transferred workers. The research set re-spells 10 of them and adds 30 of its own. The registry
holds distractors: siblings (same place and brand, other industry), twins (same brand and industry,
other place), common-word names, ordinary Chinese companies and foreign ones.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from labortrace.demo._companies import (
    Brand,
    ChineseName,
    DemoCompany,
    make_address,
    make_uscc,
    pick_weighted,
)
from labortrace.demo._foreign import foreign_names
from labortrace.demo._tables import (
    BRAND_FIRST,
    BRAND_SECOND,
    COMMON_WORDS,
    DENIED_BRANDS,
    INDUSTRIES,
    LEGAL_FORMS,
    LEGAL_WEIGHTS,
    OTHER_PLACES,
    RECEIVING_INDUSTRIES,
    XINJIANG_INDUSTRIES,
    XINJIANG_PLACES,
    Place,
)

LIST_DATASET = "demo_forced_labour_list"
RESEARCH_DATASET = "demo_research"
REGISTRY_DATASET = "demo_companies"
LIST_PROGRAM = "Fictional forced-labour entity list (demo)"
REPORT_PUBLISHER = "Fictional NGO report (demo)"
REGISTRY_SIZE = 300
FOREIGN_COUNT = 60
_ALL_INDUSTRIES = tuple(INDUSTRIES)


@dataclass
class Cast:
    """The generated datasets plus named roles (a company with a purpose in the supplier list)."""

    listed: list[DemoCompany] = field(default_factory=list)
    research: list[DemoCompany] = field(default_factory=list)
    registry: list[DemoCompany] = field(default_factory=list)
    roles: dict[str, DemoCompany] = field(default_factory=dict)
    spare_brands: list[Brand] = field(default_factory=list)  #: brands no dataset uses


class _Names:
    """Hands out brands and names so no two companies get the same place + brand + industry."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        combos = [Brand(a, b) for a in BRAND_FIRST for b in BRAND_SECOND if a.pinyin != b.pinyin]
        rng.shuffle(combos)
        denied = {Brand(a, b).english for a in BRAND_FIRST for b in BRAND_SECOND if a.han + b.han in DENIED_BRANDS}
        by_sound: dict[str, Brand] = {}
        for brand in combos:  # homophones (宏达 / 鸿达) would be unplanned near-misses
            if brand.english not in denied:
                by_sound.setdefault(brand.english, brand)
        self.brands = list(by_sound.values())
        self.used: set[tuple[str, str, str]] = set()

    def brand(self) -> Brand:
        return self.brands.pop()

    def xinjiang_place(self) -> Place:
        weights = tuple(3 if p.english == "Xinjiang" else 1 for p in XINJIANG_PLACES)
        place: Place = pick_weighted(self.rng, XINJIANG_PLACES, weights)
        return place

    def name(self, place: Place, brand: Brand, industries: Sequence[str]) -> ChineseName:
        free = [INDUSTRIES[i] for i in industries if (place.han, brand.han, INDUSTRIES[i].han) not in self.used]
        legal = pick_weighted(self.rng, LEGAL_FORMS, LEGAL_WEIGHTS)
        name = ChineseName(place, brand, self.rng.choice(free), legal)
        self.used.add(name.key())
        return name

    def elsewhere(self, name: ChineseName) -> ChineseName:
        """The same brand and industry registered in another province (a 'twin')."""
        place = self.rng.choice([p for p in OTHER_PLACES if p.han != name.place.han])
        return self.name(place, name.brand, (name.industry.english,))


def build_cast(rng: random.Random) -> Cast:
    """Generate all three datasets and the supplier-list roles from one random stream."""
    names, cast = _Names(rng), Cast()
    xj = [names.name(names.xinjiang_place(), names.brand(), XINJIANG_INDUSTRIES) for _ in range(24)]
    other = [names.name(p, names.brand(), RECEIVING_INDUSTRIES) for p in rng.sample(OTHER_PLACES, 6)]
    _add_listed(rng, names, cast, xj, other)
    rs_xj = [names.name(names.xinjiang_place(), names.brand(), XINJIANG_INDUSTRIES) for _ in range(18)]
    rs_other = [names.name(rng.choice(OTHER_PLACES), names.brand(), RECEIVING_INDUSTRIES) for _ in range(12)]
    _add_research(rng, cast, [xj[i] for i in (2, 3, 4, 5, 6, 7, 16, 17, 22)] + [other[3]], rs_xj, rs_other)
    _add_registry(rng, names, cast, xj, other, rs_other)
    cast.spare_brands = names.brands[:20]
    return cast


def _ids(rng: random.Random, prefix: str, count: int) -> list[str]:
    # Ids are shuffled so that file order says nothing about a company's role.
    return [f"{prefix}-{k:03d}" for k in rng.sample(range(1, count + 1), count)]


def _add_listed(rng: random.Random, names: _Names, cast: Cast, xj: list[ChineseName], other: list[ChineseName]) -> None:
    # Index in xj + other. 0-23 are in Xinjiang: 0-7 get a registry sibling, 8-15 a registry twin
    # elsewhere, 16-23 neither. 24-29 are factories elsewhere: 24-27 get a sibling, 28 a twin.
    renamed = (18, 21, 26)  # also known by a former name, kept as an alias
    roles = {1: "high_han", 9: "high_pinyin", 16: "high_upper", 17: "high_fullwidth", 18: "high_former",
             19: "high_typo", 20: "high_uscc", 29: "high_receiving", 0: "elev_sibling.of", 8: "review_en",
             10: "review_han", 11: "review_pinyin", 12: "none_twin_1.of", 13: "none_twin_2.of",
             24: "none_sibling_1.of", 25: "none_sibling_2.of"}
    for index, (entity_id, name) in enumerate(zip(_ids(rng, "demo-fl", 30), xj + other, strict=True)):
        aliases = [name.han()]
        if index in renamed:
            old = names.name(name.place, name.brand, ("Agriculture", "Trading", "Food"))
            aliases.append(old.english())
        uscc = make_uscc(rng, name.place.division) if index == 20 or rng.random() < 0.6 else ""
        company = DemoCompany(
            entity_id, (name.english(),), tuple(aliases), make_address(rng, name.place, english=rng.random() < 0.3),
            uscc=uscc, topics=("forced.labor",), program=LIST_PROGRAM, parts=name,
        )
        cast.listed.append(company)
        if index in roles:
            cast.roles[roles[index]] = company


def _research_spelling(name: ChineseName, variant: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Names and aliases as an NGO report might spell the company."""
    if variant == 0:
        return (name.english(exonym=False, legal="Company Limited"),), (name.han(),)
    if variant == 1:
        english = f"{name.brand.english} {name.industry.english} ({name.place.english}) Co., Ltd."
        return (english,), (name.han(),)
    if variant == 2:
        legal = "股份有限公司" if name.legal.han == "有限公司" else "有限公司"
        return (name.han(legal=False) + legal,), ()
    return (name.english(legal=""),), (name.han(legal=False),)


def _research_company(entity_id: str, name: ChineseName, variant: int, rng: random.Random) -> DemoCompany:
    names, aliases = _research_spelling(name, variant)
    claim = ("taking part in labour-transfer programmes in Xinjiang" if name.place.xinjiang
             else "receiving workers transferred from Xinjiang")
    return DemoCompany(
        entity_id, names, aliases, make_address(rng, name.place, english=rng.random() < 0.5),
        description=f"Named in a fictional NGO report (demo) as {claim}.",
        publisher=REPORT_PUBLISHER, parts=name,
    )


def _add_research(rng: random.Random, cast: Cast, overlap: list[ChineseName], rs_xj: list[ChineseName],
                  rs_other: list[ChineseName]) -> None:
    roles = {10: "elev_research_han", 11: "elev_research_upper", 28: "elev_research_en",
             29: "elev_research_pinyin", 30: "review_research"}
    everyone = overlap + rs_xj + rs_other
    for index, (entity_id, name) in enumerate(zip(_ids(rng, "demo-rs", 40), everyone, strict=True)):
        # Role companies keep an English name and a Han alias, so every supplier spelling is fair.
        variant = index % 2 * 3 if index in roles else index % 4
        company = _research_company(entity_id, name, variant, rng)
        cast.research.append(company)
        if index in roles:
            cast.roles[roles[index]] = company


def _registry_company(entity_id: str, name: ChineseName, rng: random.Random) -> DemoCompany:
    english, han = name.english(), name.han()
    names, aliases = ((han,), (english,)) if rng.random() < 0.5 else ((english,), (han,))
    uscc = make_uscc(rng, name.place.division) if rng.random() < 0.7 else ""
    address = make_address(rng, name.place, english=rng.random() < 0.4)
    return DemoCompany(entity_id, names, aliases, address, uscc=uscc, parts=name)


def _add_registry(rng: random.Random, names: _Names, cast: Cast, xj: list[ChineseName],
                  other: list[ChineseName], rs_other: list[ChineseName]) -> None:
    siblings = [names.name(n.place, n.brand, _ALL_INDUSTRIES) for n in xj[:8] + other[:4]]
    twins = [names.elsewhere(n) for n in xj[8:16] + [other[4], rs_other[2]]]
    ordinary_count = REGISTRY_SIZE - FOREIGN_COUNT - len(COMMON_WORDS) - len(siblings) - len(twins)
    ordinary = [names.name(_ordinary_place(rng, names), names.brand(), _ALL_INDUSTRIES) for _ in range(ordinary_count)]
    ids = iter(_ids(rng, "demo-co", REGISTRY_SIZE))
    chinese = [_registry_company(next(ids), n, rng) for n in siblings + twins + ordinary]
    common = [_common_word_company(next(ids), word, rng) for word in COMMON_WORDS]
    foreign = [
        DemoCompany(next(ids), (f.name,), (f.latin,) if f.latin != f.name else (), f.address, f.country)
        for f in foreign_names(rng, FOREIGN_COUNT)
    ]
    cast.registry = chinese + common + foreign
    role_of = {0: "elev_sibling", 8: "none_sibling_1", 9: "none_sibling_2", 16: "none_twin_1",
               17: "none_twin_2", 21: "review_research.twin"}
    cast.roles.update({role: chinese[i] for i, role in role_of.items()})
    plain = [c for c in chinese[len(siblings) + len(twins):] if c.parts and not c.parts.place.xinjiang]
    cast.roles.update({f"none_cn_{k}": c for k, c in enumerate(plain[:7], start=1)})
    cast.roles.update({f"none_common_{k}": c for k, c in enumerate(common[:2], start=1)})
    by_country = {c.country: c for c in reversed(foreign)}
    for k, country in enumerate(("vn", "tr", "ru", "eg", "de", "bd"), start=1):
        cast.roles[f"none_foreign_{k}"] = by_country[country]


def _ordinary_place(rng: random.Random, names: _Names) -> Place:
    if rng.random() < 0.15:
        return names.xinjiang_place()
    place: Place = rng.choice(OTHER_PLACES)
    return place


def _common_word_company(entity_id: str, word: str, rng: random.Random) -> DemoCompany:
    industry = INDUSTRIES[rng.choice(_ALL_INDUSTRIES)]
    legal = pick_weighted(rng, LEGAL_FORMS, LEGAL_WEIGHTS)
    place: Place = rng.choice(OTHER_PLACES)
    uscc = make_uscc(rng, place.division) if rng.random() < 0.5 else ""
    return DemoCompany(entity_id, (f"{word} {industry.english} {legal.english}",),
                       address=make_address(rng, place, english=True), uscc=uscc)
