"""Cell values of shipment records: weights with units, HS codes, dates with month names.

Each parser returns the clean value (or None) and, when the cell could not be read as written, a note saying
what was wrong, for the row's problem list.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from labortrace.registries.dates import parse_date

#: Kilograms per unit; a weight with no unit is in kilograms (the unit of customs declarations).
UNITS: dict[str, float] = {
    "kg": 1.0, "kgs": 1.0, "kilo": 1.0, "kilos": 1.0, "kilogram": 1.0, "kilograms": 1.0, "公斤": 1.0, "千克": 1.0,
    "t": 1000.0, "mt": 1000.0, "ton": 1000.0, "tons": 1000.0, "tonne": 1000.0, "tonnes": 1000.0, "吨": 1000.0,
    "lb": 0.45359237, "lbs": 0.45359237, "pound": 0.45359237, "pounds": 0.45359237, "磅": 0.45359237,
    "g": 0.001, "gram": 0.001, "grams": 0.001, "克": 0.001,
}
_WEIGHT = re.compile(r"([0-9][0-9.,'  ]*)\s*([^\d\s.,]*)")
_HS_SPLIT = re.compile(r"[;,/|、，；]+")
_HS_SEPARATORS = re.compile(r"[.\s\-]+")
MONTHS = {m: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for m in names}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s\-/.]*([a-z]+)\.?[\s\-/.,]*(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?[\s,\-/.]*(\d{4})")
#: Distinct cells remembered per parser: shipment files repeat dates, weights and codes on millions of rows.
CACHE_SIZE = 1 << 16


def _number(text: str) -> float | None:
    """'12,500' -> 12500, '12.5' -> 12.5, '1.234,5' -> 1234.5, '12 500' -> 12500; None when not a number."""
    digits = re.sub(r"[\s' ]", "", text)
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        digits = digits.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in digits:
        head, _, tail = digits.rpartition(",")
        # one comma before exactly three digits groups thousands; otherwise it is a decimal comma
        digits = digits.replace(",", "") if len(tail) == 3 and head.replace(",", "").isdigit() else digits.replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


@lru_cache(maxsize=CACHE_SIZE)
def parse_weight_kg(text: str, unit_cell: str = "") -> tuple[float | None, str]:
    """A weight in kilograms from '12,500 KG', '12.5 t' or '800' with a unit column; (None, note) when unreadable."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None, ""
    match = _WEIGHT.fullmatch(value.lower())
    number = _number(match[1]) if match else None
    unit = (match[2] if match else "") or unicodedata.normalize("NFKC", unit_cell).strip().lower().rstrip(".")
    if number is None:
        return None, f"unreadable weight {text!r}: write a number with an optional unit (kg, t, lb)"
    if unit and unit not in UNITS:
        return None, f"unknown weight unit {unit!r} in {text!r}: use kg, t or lb"
    return round(number * UNITS.get(unit, 1.0), 3), ""  # grams are the finest a bill of lading records


def _hs6(code: str) -> str | None:
    """Six HS digits from '6210.10.50', '6210 10', '621010' or '90111' (a leading zero lost); None when invalid."""
    groups = [g for g in _HS_SEPARATORS.split(code.strip()) if g]
    if not groups or not all(g.isdigit() for g in groups):
        return None
    if len(groups[0]) % 2:  # chapters have two digits: a spreadsheet dropped the leading zero
        groups[0] = "0" + groups[0]
    digits = "".join(groups)
    if not 4 <= len(digits) <= 10 or digits[:2] == "00":
        return None
    return digits[:6]


@lru_cache(maxsize=CACHE_SIZE)
def parse_hs_codes(text: str) -> tuple[tuple[str, ...], str]:
    """The HS6 codes of a cell (several may be listed); invalid ones are left out and named in the note."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return (), ""
    codes: list[str] = []
    bad: list[str] = []
    for part in filter(None, (p.strip() for p in _HS_SPLIT.split(value))):
        code = _hs6(part)
        if code is None:
            bad.append(part)
        elif code not in codes:
            codes.append(code)
    note = f"invalid HS code {', '.join(map(repr, bad))}: an HS code has 4 to 10 digits" if bad else ""
    return tuple(codes), note


@lru_cache(maxsize=CACHE_SIZE)
def parse_shipment_date(text: str) -> str | None:
    """ISO date from the registry formats (2020-03-15, 2020/3/15, 15/03/2020, 20200315, ...) or month names."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None
    found = parse_date(value)
    if found is not None:
        return found
    lowered = value.lower()
    if m := _DAY_MONTH_YEAR.fullmatch(lowered):
        day, month, year = m[1], m[2], m[3]
    elif m := _MONTH_DAY_YEAR.fullmatch(lowered):
        month, day, year = m[1], m[2], m[3]
    else:
        return None
    if month not in MONTHS:
        return None
    return parse_date(f"{year}-{MONTHS[month]}-{int(day)}")
