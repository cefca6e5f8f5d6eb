"""Fictional companies outside China: Latin with diacritics, Cyrillic and Arabic names."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

#: Letters NFKD does not take apart.
_FOLD = str.maketrans({"ı": "i", "Đ": "D", "đ": "d", "ß": "ss"})


@dataclass(frozen=True)
class ForeignStyle:
    """How companies of one country are named and addressed (invented parts, real naming habits)."""

    country: str  #: ISO 3166-1 alpha-2, lower case as FtM writes it
    template: str  #: with {a} (proper name) and {b} (trade)
    proper: tuple[tuple[str, str], ...]  #: (native, Latin transliteration)
    trades: tuple[tuple[str, str], ...]  #: (native, English)
    address: str  #: with {n}


@dataclass(frozen=True)
class ForeignName:
    """A generated foreign company: native name, Latin/English alias, address, trade."""

    name: str
    latin: str
    address: str
    country: str
    trade: str


STYLES: tuple[ForeignStyle, ...] = (
    ForeignStyle("vn", "Công ty TNHH {b} {a}",
                 (("Minh Khôi Lộc", "Minh Khoi Loc"), ("Hưng Phát Vĩnh", "Hung Phat Vinh"),
                  ("Phúc Gia Thạnh", "Phuc Gia Thanh"), ("Đức Tín Hòa", "Duc Tin Hoa")),
                 (("Dệt May", "Textile and Garment"), ("May Mặc", "Garment"), ("Sợi", "Yarn"), ("Bao Bì", "Packaging")),
                 "Lô B{n}, KCN Tân Hòa Đông, Bình Dương, Việt Nam"),
    ForeignStyle("tr", "{a} {b} Sanayi ve Ticaret A.Ş.",
                 (("Yıldızkaya", "Yildizkaya"), ("Özçınarlı", "Ozcinarli"), ("Güneşdere", "Gunesdere"), ("Çiğdemtaş", "Cigdemtas")),
                 (("Örme", "Knitting"), ("Tekstil", "Textile"), ("Konfeksiyon", "Garment"), ("İplik", "Yarn")),
                 "Organize Sanayi Bölgesi {n}. Cadde No:7, Nilüfer, Bursa, Türkiye"),
    ForeignStyle("ru", "ООО «{a} {b}»",
                 (("Приокская", "Priokskaya"), ("Верхневолжская", "Verkhnevolzhskaya"), ("Северодвинская", "Severodvinskaya")),
                 (("Мануфактура", "Manufaktura"), ("Трикотажная фабрика", "Trikotazhnaya Fabrika"), ("Химическая компания", "Khimicheskaya Kompaniya")),
                 "ул. Фабричная, д. {n}, Иваново, Россия"),
    ForeignStyle("eg", "شركة {a} {b}",
                 (("الواحة الخضراء", "Al Waha Al Khadra"), ("نجمة الدلتا", "Negmet Al Delta"), ("زهرة النيل الشرقية", "Zahrat Al Nil Al Sharqiya")),
                 (("للنسيج", "Textiles"), ("للملابس الجاهزة", "Ready-made Garments"), ("للكيماويات", "Chemicals")),
                 "المنطقة الصناعية {n}، مدينة العاشر من رمضان، مصر"),
    ForeignStyle("de", "{a} {b} GmbH",
                 (("Osterkamp-Wendeler", "Osterkamp-Wendeler"), ("Brüggemeier", "Brueggemeier"), ("Hülskötter", "Huelskoetter")),
                 (("Textilwerke", "Textile Works"), ("Spinnerei", "Spinning Mill"), ("Verpackungen", "Packaging")),
                 "Industriestraße {n}, 48431 Rheine, Deutschland"),
    ForeignStyle("fr", "{b} {a} SARL",
                 (("Bérardin-Lémont", "Berardin-Lemont"), ("de la Vallée Chênebrune", "de la Vallee Chenebrune")),
                 (("Tissages", "Weaving"), ("Filature", "Spinning"), ("Confection", "Garment")),
                 "{n} rue des Tisserands, 59100 Roubaix, France"),
    ForeignStyle("bd", "{a} {b} Ltd.",
                 (("Shaplanodi", "Shaplanodi"), ("Meghbela Tide", "Meghbela Tide"), ("Sonartori Crest", "Sonartori Crest")),
                 (("Knit Composite", "Knit Composite"), ("Denim", "Denim"), ("Sweaters", "Sweaters")),
                 "Plot {n}, BSCIC Industrial Estate, Gazipur, Bangladesh"),
    ForeignStyle("in", "{a} {b} Pvt. Ltd.",
                 (("Sri Kaveriamman", "Sri Kaveriamman"), ("Thirumalai Vale", "Thirumalai Vale")),
                 (("Spinning Mills", "Spinning Mills"), ("Knit Exports", "Knit Exports")),
                 "No. {n}, SIDCO Industrial Estate, Tiruppur, Tamil Nadu, India"),
    ForeignStyle("mx", "{b} {a} S.A. de C.V.",
                 (("Santa Lucía del Río", "Santa Lucia del Rio"), ("Las Águilas Blancas", "Las Aguilas Blancas")),
                 (("Textiles", "Textiles"), ("Confecciones", "Garments"), ("Empaques", "Packaging")),
                 "Parque Industrial Norte, Nave {n}, León, Guanajuato, México"),
    ForeignStyle("us", "{a} {b} Inc.",
                 (("Blue Heron Mill", "Blue Heron Mill"), ("Cedar Hollow Works", "Cedar Hollow Works")),
                 (("Apparel", "Apparel"), ("Packaging", "Packaging"), ("Components", "Components")),
                 "{n} Industrial Blvd, Greensboro, NC 27409, USA"),
    ForeignStyle("pk", "{a} {b} (Pvt.) Ltd.",
                 (("Chenab Crest", "Chenab Crest"), ("Potohar Vale", "Potohar Vale")),
                 (("Textile Mills", "Textile Mills"), ("Hosiery", "Hosiery"), ("Towels", "Towels")),
                 "Plot {n}, Sargodha Road, Faisalabad, Pakistan"),
)


def foreign_names(rng: random.Random, count: int) -> list[ForeignName]:
    """`count` distinct foreign companies, spread over the styles above."""
    combos = [(style, a, b) for style in STYLES for a in style.proper for b in style.trades]
    rng.shuffle(combos)
    if count > len(combos):
        raise ValueError(f"only {len(combos)} foreign name combinations, {count} asked")
    return [_render(rng, style, a, b) for style, a, b in combos[:count]]


def _render(rng: random.Random, style: ForeignStyle, a: tuple[str, str], b: tuple[str, str]) -> ForeignName:
    name = style.template.format(a=a[0], b=b[0])
    if style.country == "ru":
        latin = f"OOO {a[1]} {b[1]}"
    elif style.country == "eg":
        latin = f"{a[1]} {b[1]} Co."
    else:
        latin = ascii_fold(name)
    address = style.address.format(n=rng.randint(2, 98))
    return ForeignName(name, latin, address, style.country, b[1])


def ascii_fold(text: str) -> str:
    """The text without diacritics, as older ERP systems store it ('Công ty' -> 'Cong ty')."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
