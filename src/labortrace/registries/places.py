"""Where a registered entity is: its GB/T 2260 division from its address, else from its USCC, and region filters.

The address is the more specific (it names the county or street), so it is used when it agrees with the USCC on
the province; when they disagree the USCC wins, as its division is the registering authority's: on 34,215 real
registrations (bench/regions.py) the USCC gave the right province for every row, the address for all but 12
(11 not located, 1 wrong). Without a valid USCC the address alone decides.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from labortrace.errors import ConfigError
from labortrace.names import gazetteer as gz
from labortrace.names.regions import Place, locate, province_of
from labortrace.names.uscc import parse_uscc

_LONG_FORM = re.compile(
    r"\s+(?:Province|Municipality|Special Administrative Region|(?:[A-Z][a-z]+\s+)?Autonomous Region)$"
)
UNKNOWN = "unknown"


@lru_cache(maxsize=65536)
def address_division(address: str) -> str | None:
    """The division code of the most specific place an address names, or None."""
    place = locate(address)
    return place.code if place else None


def uscc_division(value: str) -> str | None:
    """The division code in a valid Unified Social Credit Code, or None."""
    parsed = parse_uscc(value)
    if parsed is None or not parsed.division_code.isdigit():
        return None
    return parsed.place.code if parsed.place else parsed.division_code


def entity_division(properties: Mapping[str, Sequence[str]]) -> str | None:
    """An entity's division code: its first located address, unless its USCC puts it in another province."""
    address = next((c for a in properties.get("address", ()) if (c := address_division(a))), None)
    uscc = next(
        (c for p in ("uscCode", "registrationNumber") for v in properties.get(p, ()) if (c := uscc_division(v))),
        None,
    )
    if address and uscc and address[:2] != uscc[:2]:
        return uscc
    return address or uscc


def province_code(division: str | None) -> str | None:
    """'653101' -> '650000'; None stays None."""
    return province_of(division) if division else None


def region_label(code: str | None) -> str:
    """A short English name for a division: '650000' -> 'Xinjiang', '653100' -> 'Kashgar Prefecture'."""
    if not code:
        return UNKNOWN
    division = gz.load().division(code)
    if division is None:
        return code
    return _LONG_FORM.sub("", division.name_en) if division.level == "province" else division.name_en


def resolve_region(text: str) -> Place:
    """The division a --region value names, in Han, pinyin or English ('新疆', 'Xinjiang', 'Kashgar')."""
    place = locate(text.strip())
    if place is None:
        raise ConfigError(
            f"--region {text!r} names no Chinese province, prefecture or county labortrace knows; "
            "try the province in Chinese or pinyin, e.g. --region Xinjiang or --region 新疆"
        )
    return place


def within(division: str | None, region: Place) -> bool:
    """True when a division lies in (or is) the region: by code prefix at the region's level."""
    if not division:
        return False
    digits = {"province": 2, "prefecture": 4}.get(region.level, 6)
    return division[:digits] == region.code[:digits]

