"""A FICTIONAL investigation in the shape of the 2020 PPE story, for `labortrace demo --scenario investigation`.

The shape, not the facts: product-registration records show mask makers in Xinjiang rising from 4 before the
pandemic to 51 by 30 June 2020 (and more later that year); a research list names 17 of them as taking part in
a labour-transfer programme, and a forced-labour list holds two of those; bills of lading show masks going from
two of them to a protective-equipment factory in Hubei, and from that factory to a medical-supply distributor
in Georgia, USA. The distributor's supplier list names the Hubei factory (spelt its own way) and honest
suppliers. Every company is invented (names built from parts with a fixed seed) and marked FICTIONAL.
"""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from labortrace.demo._companies import FICTIONAL_NOTE, Brand, make_address, make_uscc
from labortrace.demo._tables import BRAND_FIRST, BRAND_SECOND, DENIED_BRANDS, OTHER_PLACES, XINJIANG_PLACES, Place

REGISTRY_DATASET = "demo_mask_registrations"
RESEARCH_DATASET = "demo_labour_transfer_research"
LIST_DATASET = "demo_forced_labour_list"
SHIPMENTS_DATASET = "demo_bills_of_lading"
#: New Xinjiang mask makers registered per month of 2020 (4 existed before): 51 by the end of June.
XINJIANG_2020 = {1: 2, 2: 14, 3: 17, 4: 8, 5: 4, 6: 2, 8: 2, 10: 3, 12: 1}
XINJIANG_BEFORE = 4
RESEARCH_COUNT = 17
#: Han industry word, its English, and the business scope of a mask maker.
MASK_INDUSTRIES = (("医疗用品", "Medical Supplies"), ("防护用品", "Protective Equipment"), ("卫生材料", "Sanitary Materials"))
MASK_SCOPES = ("医用口罩、医用防护服生产、销售", "一次性使用医用口罩、日用口罩（非医用）生产", "防护口罩、劳动防护用品生产与销售",
               "医用外科口罩、防护服、隔离衣的生产")
OTHER_SCOPES = (("棉纺织", "Cotton Textile", "棉纱、棉布生产与销售"), ("番茄制品", "Tomato Products", "番茄酱加工、销售"),
                ("服装", "Garment", "服装加工（不含口罩）"), ("光伏", "Photovoltaic", "多晶硅、光伏组件生产"))
BUYER = "Peach State Medical Supply Inc"
HONEST = (("江苏", "Jiangsu"), ("广东", "Guangdong"), ("浙江", "Zhejiang"))
MASK_HS = "6307.90.98"


@dataclass(frozen=True)
class Maker:
    """A fictional company of the scenario, with its Han and English names and where and when it registered."""

    han: str
    english: str
    place: Place
    address: str
    uscc: str
    registered: date
    scope: str

    @property
    def xinjiang(self) -> bool:
        return self.place.xinjiang

    @property
    def spellings(self) -> tuple[str, str, str]:
        """How export records spell the company: in Latin letters, each clerk their own way."""
        return (self.english, self.english.upper().replace(",", "").replace(".", ""),
                self.english.replace("Co., Ltd.", "Company Limited"))

    @property
    def stem(self) -> str:
        """The English name without its legal form, as every spelling of it contains it."""
        return self.english.removesuffix(" Co., Ltd.")


@dataclass(frozen=True)
class InvestigationFiles:
    directory: Path
    registrations: Path
    research: Path
    forced_labour_list: Path
    shipments: Path
    suppliers: Path
    expected: Path


class _Brands:
    """Two-syllable brands, each with an English spelling no other company of the scenario has."""

    def __init__(self, rng: random.Random) -> None:
        pairs = [Brand(a, b) for a in BRAND_FIRST for b in BRAND_SECOND
                 if a.han != b.han and a.han + b.han not in DENIED_BRANDS]
        rng.shuffle(pairs)
        self._pairs = pairs
        self._used: set[str] = set()

    def next(self) -> Brand:
        while True:
            brand = self._pairs.pop()
            if brand.english not in self._used:
                self._used.add(brand.english)
                return brand


def _maker(rng: random.Random, brands: _Brands, place: Place, registered: date,
           industry: tuple[str, str] | None = None, scope: str | None = None) -> Maker:
    brand = brands.next()
    han_word, en_word = industry or rng.choice(MASK_INDUSTRIES)
    return Maker(f"{place.han}{brand.han}{han_word}有限公司", f"{place.english} {brand.english} {en_word} Co., Ltd.",
                 place, make_address(rng, place, english=False), make_uscc(rng, place.division), registered,
                 scope or rng.choice(MASK_SCOPES))


def _day(rng: random.Random, year: int, month: int) -> date:
    return date(year, month, rng.randint(1, 28))


def build_makers(rng: random.Random) -> tuple[list[Maker], list[Maker], Maker, list[Maker]]:
    """Xinjiang mask makers (in registration order), others (mask makers elsewhere and Xinjiang non-mask
    companies), the Hubei factory in the middle, and the honest suppliers."""
    brands = _Brands(rng)
    xinjiang = [_maker(rng, brands, rng.choice(XINJIANG_PLACES), _day(rng, rng.choice((2016, 2017, 2018, 2019)),
                                                                         rng.randint(1, 12)))
                for _ in range(XINJIANG_BEFORE)]
    for month, count in XINJIANG_2020.items():
        xinjiang += [_maker(rng, brands, rng.choice(XINJIANG_PLACES), _day(rng, 2020, month)) for _ in range(count)]
    xinjiang.sort(key=lambda m: m.registered)
    hubei = next(p for p in OTHER_PLACES if p.english == "Hubei")
    factory = _maker(rng, brands, hubei, date(2018, 5, 16), ("防护用品", "Protective Equipment"),
                     "劳动防护用品、医用口罩生产")
    others = [_maker(rng, brands, rng.choice(OTHER_PLACES), _day(rng, rng.choice((2019, 2020)), rng.randint(1, 12)))
              for _ in range(30)]
    others += [_maker(rng, brands, rng.choice(XINJIANG_PLACES), _day(rng, 2020, rng.randint(1, 12)), (han, en), scope)
               for han, en, scope in (rng.choice(OTHER_SCOPES) for _ in range(15))]
    honest_places = [next(p for p in OTHER_PLACES if p.english == en) for _, en in HONEST]
    honest = [_maker(rng, brands, p, _day(rng, 2015, 6)) for p in honest_places]
    return xinjiang, others, factory, honest


def _registration_rows(makers: list[Maker]) -> list[list[str]]:
    header = ["企业名称", "统一社会信用代码", "住所", "成立日期", "经营范围"]
    return [header] + [[m.han, m.uscc, m.address, m.registered.isoformat(), m.scope] for m in makers]


def _company(m: Maker, ident: str, **extra: list[str]) -> dict[str, Any]:
    props = {"name": [m.english], "alias": [m.han], "country": ["cn"], "address": [m.address],
             "registrationNumber": [m.uscc], "notes": [FICTIONAL_NOTE], **extra}
    return {"id": ident, "schema": "Company", "properties": props}


def _shipments(rng: random.Random, producers: list[Maker], factory: Maker, honest: list[Maker]) -> list[list[str]]:
    header = ["Bill of Lading Number", "Arrival Date", "Shipper Name", "Consignee Name", "Country of Origin",
              "Port of Lading", "Port of Unlading", "Description of Goods", "HS Code", "Gross Weight"]
    rows: list[list[str]] = []
    for k, maker in enumerate(producers):
        for n in range(5 - k):  # domestic legs: Xinjiang -> Hubei, by rail, recorded on the factory's inbound B/Ls
            rows.append(["", f"2020-{3 + n:02d}-{rng.randint(1, 28):02d}", rng.choice(maker.spellings),
                         rng.choice(factory.spellings), "China", "Urumqi", "Wuhan", "Non-woven masks, unfinished",
                         MASK_HS, f"{rng.randint(20, 80) * 100:,} KG"])
    for n in range(8):
        rows.append(["", f"2020-{4 + n % 8:02d}-{rng.randint(1, 28):02d}", rng.choice(factory.spellings), BUYER,
                     "China", "Shanghai", "Savannah, GA", "Disposable face masks, 3-ply", MASK_HS,
                     f"{rng.randint(5, 30) / 2} t"])
    for maker in honest:
        for n in range(3):
            rows.append(["", f"2020-{5 + n:02d}-{rng.randint(1, 28):02d}", maker.english, BUYER, "China", "Ningbo",
                         "Savannah, GA", "Nitrile examination gloves", "4015.19", f"{rng.randint(40, 120) * 100:,} KG"])
    rng.shuffle(rows)
    for number, row in enumerate(rows, start=1):
        row[0] = f"FICTIONAL-BL-{number:05d}"
    return [header] + rows


def _suppliers(factory: Maker, honest: list[Maker]) -> list[list[str]]:
    return [["Vendor No", "Vendor Name", "Country", "Category"],
            ["V-1001", factory.english.upper().replace(",", "").replace(".", ""), "China", "Face masks"],
            *[[f"V-10{2 + i:02d}", m.english, "China", "Gloves"] for i, m in enumerate(honest)],
            ["V-1090", "Savannah Logistics Partners LLC", "US", "Freight"]]


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _write_ftm(path: Path, entities: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities), encoding="utf-8")
    return path


def generate_investigation(directory: Path, *, seed: int = 2020) -> InvestigationFiles:
    """Write the FICTIONAL investigation files into `directory`; same seed, same bytes."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    xinjiang, others, factory, honest = build_makers(rng)
    makers = sorted([*xinjiang, *others, factory, *honest], key=lambda m: (m.registered, m.uscc))
    programme = sorted(rng.sample(range(len(xinjiang)), RESEARCH_COUNT))
    research = [_company(xinjiang[i], f"demo-ltp-{n:02d}", topics=["forced.lbr"], publisher=[
        "Fictional research report on labour transfer (demo)"], description=[
        "Named in a fictional research report as taking part in a state labour-transfer programme in 2020"])
        for n, i in enumerate(programme, start=1)]
    listed_makers = [xinjiang[programme[0]], xinjiang[programme[1]]]
    listed = [_company(m, f"demo-fll-{n}", program=["Fictional forced-labour entity list (demo)"])
              for n, m in enumerate(listed_makers, start=1)]
    producers = [listed_makers[0], xinjiang[programme[2]]]  # one listed, one only in the research
    files = InvestigationFiles(
        directory, _write_csv(directory / "mask_registrations.csv", _registration_rows(makers)),
        _write_ftm(directory / "labour_transfer_research.ftm.json", research),
        _write_ftm(directory / "forced_labour_list.ftm.json", listed),
        _write_csv(directory / "bills_of_lading.csv", _shipments(rng, producers, factory, honest)),
        _write_csv(directory / "buyer_suppliers.csv", _suppliers(factory, honest)),
        directory / "expected.json")
    by_june = sum(1 for m in xinjiang if m.registered <= date(2020, 6, 30))
    expected = {
        "title": "Known answers of the FICTIONAL investigation",
        "xinjiang_mask_makers_before_2020": sum(1 for m in xinjiang if m.registered.year < 2020),
        "xinjiang_mask_makers_by_2020_06_30": by_june,
        "xinjiang_mask_makers_by_2020_12_31": len(xinjiang),
        "labour_programme_makers": RESEARCH_COUNT,
        "listed_makers": [m.english for m in listed_makers],
        "note": "path entries are name stems: each spelling of the company contains its stem",
        "path": [BUYER, factory.stem, producers[0].stem],
        "research_path": [BUYER, factory.stem, producers[1].stem],
        "flagged_supplier": {"row": 1, "level": "elevated", "reaches": producers[0].stem},
        "other_suppliers_level": "none",
    }
    files.expected.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return files
