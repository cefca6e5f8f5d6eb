"""Registry rows (company or product registrations) as FtM Company entities.

Mapped fields (see sources/headers.py) become properties: name, alias, address, identifier ->
registrationNumber (and uscCode when it, or any cell, holds a valid USCC), licence -> licenseNumber,
registered -> incorporationDate (ISO, see dates.py), product -> sector (as written; categories are derived when
counting, so better patterns need no reload), scope -> description (business scopes run to hundreds of
characters, more than FtM's one-line `summary`), entity_type -> legalForm, capital -> capital (as written:
'500万元人民币' keeps its unit and currency). Country: the mapped column, else 'cn' when the address names a
Chinese place or a valid USCC is present (tw, hk, mo for
those divisions).

Identity: a row with a licence number is one product registration, so its id comes from the licence (a
company holding three mask licences is three records, each with its own date); otherwise from the USCC or
registration number, else from name and address. Count companies once with count_registrations(companies=True).
"""

from __future__ import annotations

import re

from followthemoney import model
from followthemoney.proxy import EntityProxy

from labortrace.names.uscc import find_usccs, parse_uscc
from labortrace.registries.dates import parse_date
from labortrace.registries.places import address_division, uscc_division
from labortrace.sources.tables import TableRow

_ALIAS_SPLIT = re.compile(r"[;|；、]")
#: GB/T 2260 province prefixes with their own ISO country code in FtM.
SPECIAL_REGIONS = {"71": "tw", "81": "hk", "82": "mo"}


def registry_entity(row: TableRow, dataset: str, problems: list[str] | None = None) -> EntityProxy | None:
    """A Company for one registry row, or None when the row has no name; unreadable dates go to `problems`."""
    name = row.field("name").strip()
    if not name:
        return None
    proxy = model.make_entity("Company")
    uscc = _uscc(row)
    proxy.make_id(dataset, _key(row, uscc, name))
    proxy.add("name", name)
    proxy.add("alias", [a.strip() for a in _ALIAS_SPLIT.split(row.field("alias")) if a.strip()] or None)
    address = _address(row)
    proxy.add("address", address or None)
    proxy.add("registrationNumber", row.field("identifier") or None)
    proxy.add("uscCode", uscc)
    proxy.add("licenseNumber", row.field("licence") or None)
    proxy.add("incorporationDate", _date(row, problems))
    proxy.add("sector", row.field("product") or None)
    proxy.add("description", row.field("scope") or None)
    proxy.add("legalForm", row.field("entity_type") or None)
    proxy.add("capital", row.field("capital") or None)
    _add_country(proxy, row, uscc, address)
    return proxy


def _key(row: TableRow, uscc: str | None, name: str) -> str:
    if licence := row.field("licence").strip():
        return f"licence:{licence}"
    if identifier := (uscc or row.field("identifier").strip()):
        return f"id:{identifier}"
    return f"name:{name}|{row.field('address').strip()}"


def _uscc(row: TableRow) -> str | None:
    """The mapped identifier when it is a valid USCC, else the first valid USCC in any cell."""
    parsed = parse_uscc(row.field("identifier"))
    if parsed is not None:
        return parsed.code
    found = find_usccs(" ".join(row.values.values()))
    return found[0].code if found else None


def _address(row: TableRow) -> str:
    """The address; with the city and region columns added when only they name a place."""
    address = row.field("address").strip()
    extra = [v for v in (row.field("city").strip(), row.field("region").strip()) if v and v not in address]
    if not extra or (address and address_division(address)):
        return address
    combined = ", ".join([address, *extra] if address else extra)
    return combined if address_division(combined) else address


def _date(row: TableRow, problems: list[str] | None) -> str | None:
    raw = row.field("registered").strip()
    if not raw:
        return None
    iso = parse_date(raw)
    if iso is None and problems is not None:
        column = row.mapping.get("registered", "registered")
        problems.append(f"row {row.row}: {column} {raw!r} is not a date labortrace reads; left empty")
    return iso


def _add_country(proxy: EntityProxy, row: TableRow, uscc: str | None, address: str) -> None:
    if country := row.field("country").strip():
        proxy.add("country", country, quiet=True, fuzzy=True)
    if proxy.has("country"):
        return
    division = address_division(address) if address else None
    if division is None and uscc:
        division = uscc_division(uscc)
    if division is not None:
        proxy.add("country", SPECIAL_REGIONS.get(division[:2], "cn"))
