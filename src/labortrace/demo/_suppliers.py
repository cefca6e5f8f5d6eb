"""The fictional buyer's supplier list, written as buyers write names, with the known answers."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from labortrace.demo._companies import ChineseName, DemoCompany, fullwidth, make_address, make_uscc, transpose_typo
from labortrace.demo._datasets import LIST_DATASET, REGISTRY_DATASET, RESEARCH_DATASET, Cast
from labortrace.demo._foreign import ascii_fold
from labortrace.demo._tables import INDUSTRIES, LEGAL_FORMS, OTHER_PLACES

TITLE = "Supplier master export — FICTIONAL DEMO"
HEADERS = ("Vendor No.", "Supplier Name / 供应商名称", "Addr.", "Country/Region", "USCC", "Category",
           "Annual spend (USD)")
_CHINA = ("China", "CN", "PRC", "中国", "China (Mainland)", "CHN", "P.R. China")
#: Xinjiang counties for suppliers that only an address or a USCC places there.
_COUNTIES = (("653121", "新疆喀什地区疏附县", "Kashi Diqu Shufu Xian", "Shufu County, Kashgar"),
             ("652923", "新疆阿克苏地区库车市", "Akesu Diqu Kuche Shi", "Kuqa, Aksu"),
             ("653222", "新疆和田地区墨玉县", "Hetian Diqu Moyu Xian", "Karakax County, Hotan"))


@dataclass(frozen=True)
class SupplierRow:
    """One supplier as the buyer wrote it, and what screening should conclude."""

    name: str
    address: str
    country: str
    uscc: str
    category: str
    level: str
    entity_id: str | None
    dataset: str | None
    note: str


def build_rows(cast: Cast, rng: random.Random) -> list[SupplierRow]:
    """All supplier rows in file order (shuffled, so levels are not grouped)."""
    builder = _Rows(cast, rng)
    rows = builder.high() + builder.elevated() + builder.review() + builder.none()
    rng.shuffle(rows)
    return rows


class _Rows:
    def __init__(self, cast: Cast, rng: random.Random) -> None:
        self.cast, self.rng, self.r = cast, rng, cast.roles
        self.p = {role: company.parts for role, company in cast.roles.items() if company.parts}

    def china(self) -> str:
        return self.rng.choice(_CHINA)

    def row(self, company: DemoCompany | None, name: str, level: str, note: str, *, address: str = "",
            uscc: str = "", dataset: str | None = None, category: str = "", country: str = "") -> SupplierRow:
        parts = company.parts if company else None
        category = category or (parts.industry.category if parts else _category_in(name))
        entity_id = company.id if company else None
        country = country or self.china()
        return SupplierRow(name, address, country, uscc, category, level, entity_id, dataset, note)

    def listed(self, role: str, name: str, note: str, *, address: bool = False, uscc: bool = False) -> SupplierRow:
        company = self.r[role]
        return self.row(company, name, "high", f"on the forced-labour list: {note}", dataset=LIST_DATASET,
                        address=company.address if address else "", uscc=company.uscc if uscc else "")

    def high(self) -> list[SupplierRow]:
        p = self.p
        typo_word = max(p["high_typo"].industry.english.split(), key=len)
        typo_name = p["high_typo"].english(legal="Co., Ltd").replace(typo_word, transpose_typo(self.rng, typo_word))
        former = self.r["high_former"].aliases[1].replace("Co., Ltd.", "Ltd.")
        in_brackets = p["high_uscc"]
        bracketed = f"{in_brackets.brand.english} {in_brackets.industry.english} ({in_brackets.place.english})"
        return [
            self.listed("high_han", p["high_han"].han(), "the Han name exactly", address=True),
            self.listed("high_pinyin", p["high_pinyin"].pinyin(), "pinyin of the Han name, legal form dropped"),
            self.listed("high_upper", p["high_upper"].english(legal=_short_legal(p["high_upper"])).upper(),
                        "English name in upper case, abbreviated legal form", address=True),
            self.listed("high_fullwidth", fullwidth(p["high_fullwidth"].english()),
                        "English name in full-width characters"),
            self.listed("high_former", former, "a former name, kept as an alias on the list", address=True),
            self.listed("high_typo", typo_name, f"two letters swapped in '{typo_word}'", address=True),
            self.listed("high_uscc", bracketed, "place in brackets, legal form dropped, same USCC", uscc=True),
            self.listed("high_receiving", p["high_receiving"].english(legal="Co Ltd"),
                        "a factory outside Xinjiang receiving transferred workers", address=True),
        ]

    def research(self, role: str, name: str, note: str, *, address: bool = False) -> SupplierRow:
        company = self.r[role]
        return self.row(company, name, "elevated", f"named in the fictional research dataset: {note}",
                        dataset=RESEARCH_DATASET, address=company.address if address else "")

    def elevated(self) -> list[SupplierRow]:
        p = self.p
        sibling, of = self.r["elev_sibling"], self.r["elev_sibling.of"]
        county = self.rng.sample(_COUNTIES, 3)
        by_address, by_pinyin, by_uscc = self.spare_name(), self.spare_name(), self.spare_name()
        return [
            self.research("elev_research_en", p["elev_research_en"].english(legal="Co Ltd"),
                          "English name; factory outside Xinjiang", address=True),
            self.research("elev_research_han", p["elev_research_han"].han(), "Han name, company in Xinjiang"),
            self.research("elev_research_pinyin", p["elev_research_pinyin"].pinyin(legal=True),
                          "pinyin with the legal form; factory outside Xinjiang"),
            self.research("elev_research_upper", p["elev_research_upper"].english().upper(),
                          "upper-case English name, company in Xinjiang", address=True),
            self.row(sibling, p["elev_sibling"].english(legal="Co., Ltd"), "elevated",
                     f"not listed (sibling of {of.id}: same brand and place, other industry), "
                     f"but its name places it in Xinjiang ({p['elev_sibling'].place.english})",
                     dataset=REGISTRY_DATASET),
            self.row(None, by_address.han(place=False), "elevated",
                     f"unknown company; Han address in {county[0][3]}, Xinjiang",
                     address=f"{county[0][1]}{self.street_han()}", category=by_address.industry.category),
            self.row(None, by_pinyin.english(place=False, legal="Co Ltd"), "elevated",
                     f"unknown company; pinyin address in {county[1][3]}, Xinjiang, without the word Xinjiang",
                     address=f"{county[1][2]} Gongye Yuanqu {self.rng.randint(2, 90)} Hao",
                     category=by_pinyin.industry.category),
            self.row(None, by_uscc.english(place=False), "elevated",
                     f"unknown company, no address; USCC registered in {county[2][3]}, Xinjiang "
                     f"(division {county[2][0]})", uscc=make_uscc(self.rng, county[2][0]),
                     category=by_uscc.industry.category),
        ]

    def candidate(self, role: str, name: str, spelling: str) -> SupplierRow:
        company, parts = self.r[role], self.p[role]
        twins = [c.id for c in self.cast.registry if c.parts and c.parts.brand == parts.brand
                 and c.parts.industry == parts.industry]
        dataset = LIST_DATASET if company in self.cast.listed else RESEARCH_DATASET
        note = (f"{spelling} of {company.id} without place or address; registry company {', '.join(twins)} "
                f"has the same brand and industry elsewhere: a reviewer must decide")
        return self.row(company, name, "review", note, dataset=dataset)

    def review(self) -> list[SupplierRow]:
        p = self.p
        return [
            self.candidate("review_en", p["review_en"].english(place=False, legal=""),
                           "brand and industry in English"),
            self.candidate("review_han", p["review_han"].han(place=False, legal=False), "Han brand and industry"),
            self.candidate("review_pinyin", p["review_pinyin"].pinyin(place=False).upper(),
                           "pinyin brand and industry"),
            self.candidate("review_research", p["review_research"].english(place=False, legal="Co."),
                           "English brand and industry"),
        ]

    def registry(self, role: str, name: str, note: str, *, address: bool = True, uscc: bool = False,
                 country: str = "", category: str = "") -> SupplierRow:
        company = self.r[role]
        return self.row(company, name, "none", note, dataset=REGISTRY_DATASET, category=category, country=country,
                        address=company.address if address else "", uscc=company.uscc if uscc else "")

    def none(self) -> list[SupplierRow]:
        p, r = self.p, self.r
        twin2 = p["none_twin_2"]
        sibling = "(same brand and city, other industry): not listed"
        rows = [
            self.registry("none_sibling_1", p["none_sibling_1"].english(),
                          f"sibling of listed {r['none_sibling_1.of'].id} {sibling}"),
            self.registry("none_sibling_2", p["none_sibling_2"].han(),
                          f"sibling of listed {r['none_sibling_2.of'].id} {sibling}"),
            self.registry("none_twin_1", p["none_twin_1"].english(legal="Co Ltd").upper(),
                          f"same brand and industry as listed {r['none_twin_1.of'].id}, but another company in "
                          f"{p['none_twin_1'].place.english}"),
            self.registry("none_twin_2", f"{twin2.brand.han}{twin2.industry.han}（{twin2.place.han}）{twin2.legal.han}",
                          f"same brand and industry as listed {r['none_twin_2.of'].id}, but another company in "
                          f"{twin2.place.english}; place written in full-width brackets"),
            self.registry("none_common_1", r["none_common_1"].names[0].upper().replace(",", "").replace(".", ""),
                          "common-word name, ordinary company"),
            self.registry("none_common_2", r["none_common_2"].names[0].split(" Co")[0],
                          "common-word name, legal form dropped", address=False),
        ]
        return rows + self.ordinary() + self.foreign() + [self.empty_name()]

    def ordinary(self) -> list[SupplierRow]:
        roles = sorted((f"none_cn_{k}" for k in range(1, 8)), key=lambda role: not self.r[role].uscc)
        styles: tuple[tuple[Callable[[ChineseName], str], str], ...] = (
            (lambda n: n.english(legal="Co Ltd"), "English, abbreviated legal form, with USCC"),
            (lambda n: n.han(), "Han name"),
            (lambda n: n.pinyin(), "pinyin, legal form dropped"),
            (lambda n: n.english(legal="Ltd."), "English with 'Ltd.'"),
            (lambda n: n.english().upper(), "upper case"),
            (lambda n: n.english().replace(n.brand.english, transpose_typo(self.rng, n.brand.english)),
             "typo in the brand"),
            (lambda n: n.pinyin(run_together=True), "pinyin run together"),
        )
        return [
            self.registry(role, render(self.p[role]), f"ordinary company outside Xinjiang: {how}",
                          address=k % 2 == 0, uscc=k == 0)
            for k, (role, (render, how)) in enumerate(zip(roles, styles, strict=True))
        ]

    def foreign(self) -> list[SupplierRow]:
        r = self.r
        specs = (
            ("none_foreign_1", r["none_foreign_1"].aliases[0], "Viet Nam", "Vietnamese name without diacritics"),
            ("none_foreign_2", r["none_foreign_2"].names[0].upper(), "Türkiye", "Turkish name in upper case"),
            ("none_foreign_3", r["none_foreign_3"].names[0], "Russian Federation", "Cyrillic name"),
            ("none_foreign_4", r["none_foreign_4"].names[0], "Egypt", "Arabic name"),
            ("none_foreign_5", ascii_fold(r["none_foreign_5"].names[0]), "Germany", "German name, umlauts dropped"),
            ("none_foreign_6", r["none_foreign_6"].names[0].rstrip("."), "Bangladesh", "Bangladeshi name"),
        )
        return [
            self.registry(role, name, f"ordinary foreign company: {how}", address=k % 2 == 1, country=country,
                          category=self.rng.choice(("Fabrics", "Yarn", "Apparel CMT", "Chemicals", "Packaging")))
            for k, (role, name, country, how) in enumerate(specs)
        ]

    def empty_name(self) -> SupplierRow:
        place = self.rng.choice(OTHER_PLACES)
        return self.row(None, "", "review", "empty name: cannot be screened, so it is reported for review, never dropped",
                        address=make_address(self.rng, place, english=False), category="Packaging")

    def spare_name(self) -> ChineseName:
        """A name no dataset holds, for suppliers only their address or USCC can place."""
        industry = INDUSTRIES[self.rng.choice(("Trading", "Packaging", "Machinery", "Food"))]
        return ChineseName(self.rng.choice(OTHER_PLACES), self.cast.spare_brands.pop(), industry, LEGAL_FORMS[0])

    def street_han(self) -> str:
        return f"工业园区{self.rng.choice('一二三四五')}号路{self.rng.randint(1, 99)}号"


def _short_legal(name: ChineseName) -> str:
    return "Group Co Ltd" if name.legal.english.startswith("Group") else "Co Ltd"


def _category_in(name: str) -> str:
    """The purchasing category of the industry word a Latin name contains ('Sunrise Chemical' -> Chemicals)."""
    found = [i for i in INDUSTRIES.values() if i.english.lower() in name.lower()]
    return max(found, key=lambda i: len(i.english)).category if found else "General"
