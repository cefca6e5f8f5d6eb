"""Which column holds which field: header guessing (English and Chinese) and --map options."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from labortrace.errors import ConfigError

FIELDS = (
    "name", "alias", "address", "country", "identifier", "city", "region", "website", "notes",
    # registry fields (company and product registrations); after the supplier fields so those pick first
    "registered", "product", "scope", "licence", "entity_type", "capital",
)

#: Header spellings per field, most specific first; compared after normalize_header().
PATTERNS: dict[str, tuple[str, ...]] = {
    "name": (
        "Supplier Name", "Company Name", "Factory Name", "Legal Name", "Vendor Name", "name",
        "supplier", "Vendor", "company", "Entity", "供应商名称", "供应商", "企业名称", "公司名称",
        "公司全称", "企业全称", "工厂名称", "名称", "全称", "Factory", "Supplier Legal Name",
        "供應商名稱", "供應商", "企業名稱", "公司名稱", "工廠名稱", "名稱",  # traditional script
    ),
    "alias": ("alias", "other names", "AKA", "English name", "英文名称", "别名", "曾用名", "alias names"),
    "address": (
        "address", "Addr.", "street", "Factory Address", "Registered Address", "地址", "注册地址",
        "住所", "经营地址", "工厂地址", "location", "註冊地址", "工廠地址",
    ),
    "country": ("country", "Country/Region", "nation", "国家", "国家/地区", "国别", "國家", "國家/地區"),
    "identifier": (
        "USCC", "Unified Social Credit Code", "Registration No", "Registration Number", "Tax ID",
        "LEI", "统一社会信用代码", "信用代码", "注册号", "税号", "营业执照号",
        "統一編號", "統一社會信用代碼",
    ),
    "city": ("city", "城市", "所在城市", "市", "縣市"),
    "region": ("province", "省份", "所在省份", "state", "region", "地区", "省", "地區"),
    "website": ("website", "web site", "url", "homepage", "网址", "公司网址", "网站"),
    "notes": ("notes", "note", "comments", "remarks", "备注", "说明"),
    # no bare "registered" or "registration": they would claim 'Registered Address' or 'Registration No'
    "registered": (
        "date registered", "registration date", "registered on", "date of registration", "incorporation date",
        "date of incorporation", "founded", "established", "注册日期", "成立日期", "登记日期", "注册时间",
        "成立时间", "批准日期", "发证日期", "註冊日期", "登記日期",
    ),
    "product": (
        "product category", "product", "products", "product name", "product type", "产品类别", "产品名称",
        "产品类型", "产品", "主营产品", "主要产品", "產品類別", "產品名稱", "產品",
    ),
    "scope": ("business scope", "scope of business", "scope", "经营范围", "业务范围", "經營範圍", "營業項目"),
    "licence": (
        "licence number", "license number", "licence no", "license no", "licence", "license",
        "permit number", "certificate number", "注册证编号", "注册证号", "许可证编号", "许可证号", "备案编号",
        "备案号", "證書字號", "許可證字號",
    ),
    "entity_type": (
        "entity type", "company type", "legal form", "企业类型", "公司类型", "企业性质", "企业类别", "企業類型",
        "公司類型",
    ),
    "capital": ("registered capital", "capital", "注册资金", "注册资本", "註冊資本", "資本額"),
}

#: Header words that rule a column out of a field in the contains pass ("Supplier ID" is no name).
EXCLUDE: dict[str, tuple[str, ...]] = {
    "name": ("id", "code", "number", "no", "type", "group", "date", "代码", "编号", "类型", "简称"),
    "address": ("email", "mail", "邮箱", "web", "url", "ip"),
    "country": ("code",),
}

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_WORDS = re.compile(r"[a-z0-9]+")


def normalize_header(text: str) -> str:
    """Fold case, width and punctuation: 'Country/Region' and 'ｃｏｕｎｔｒｙ　ｒｅｇｉｏｎ' agree."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text).casefold())


def _is_cjk(text: str) -> bool:
    return any(not char.isascii() for char in text)


def _excluded(field: str, header: str) -> bool:
    folded = unicodedata.normalize("NFKC", header).casefold()
    words = set(_WORDS.findall(folded))
    return any(w in words if w.isascii() else w in folded for w in EXCLUDE.get(field, ()))


def _contains(pattern: str, header: str) -> bool:
    # short Latin patterns ("lei", "url") only ever match exactly: "leisure", "curling"
    long_enough = len(pattern) >= 2 if _is_cjk(pattern) else len(pattern) >= 4
    return long_enough and pattern in header


def guess_mapping(columns: Sequence[str]) -> dict[str, str]:
    """Field -> column for the headers we recognise: exact spellings first, then containment."""
    normalized = [normalize_header(c) for c in columns]
    mapping: dict[str, str] = {}
    used: set[int] = set()
    for exact in (True, False):
        for field in FIELDS:
            if field in mapping:
                continue
            for pattern in map(normalize_header, PATTERNS[field]):
                index = _find(pattern, normalized, columns, used, field, exact)
                if index is not None:
                    mapping[field] = columns[index]
                    used.add(index)
                    break
    return mapping


def exact_matches(mapping: dict[str, str]) -> int:
    """How many fields of a mapping are spelled exactly as one of their patterns."""
    return sum(
        normalize_header(column) in {normalize_header(p) for p in PATTERNS[field]}
        for field, column in mapping.items()
    )


def _find(
    pattern: str, normalized: list[str], columns: Sequence[str], used: set[int], field: str, exact: bool
) -> int | None:
    for index, header in enumerate(normalized):
        if index in used or not header:
            continue
        if exact and header == pattern:
            return index
        if not exact and _contains(pattern, header) and not _excluded(field, columns[index]):
            return index
    return None


def parse_map_options(items: Sequence[str]) -> dict[str, str]:
    """['name=企业名称', 'address=住所'] -> {'name': '企业名称', 'address': '住所'}."""
    mapping: dict[str, str] = {}
    for item in items:
        field, sep, column = item.partition("=")
        field, column = field.strip().lower(), column.strip()
        if not sep or not field or not column:
            raise ConfigError(f"--map {item!r} is not FIELD=COLUMN, e.g. --map name=企业名称")
        if field not in FIELDS:
            raise ConfigError(f"--map {item!r}: unknown field {field!r}; fields: {', '.join(FIELDS)}")
        if field in mapping:
            raise ConfigError(f"--map gives field {field!r} twice")
        mapping[field] = column
    return mapping


def resolve_mapping(user: dict[str, str], columns: Sequence[str]) -> dict[str, str]:
    """The user's mapping with each column matched exactly, or by normalized spelling if unique."""
    resolved: dict[str, str] = {}
    for field, wanted in user.items():
        if field not in FIELDS:
            raise ConfigError(f"unknown field {field!r} in the mapping; fields: {', '.join(FIELDS)}")
        matches = [c for c in columns if c == wanted] or [
            c for c in columns if normalize_header(c) == normalize_header(wanted)
        ]
        if len(matches) != 1:
            found = ", ".join(repr(c) for c in columns)
            raise ConfigError(f"mapping {field}={wanted!r}: no such column; the columns are {found}")
        resolved[field] = matches[0]
    return resolved


def header_names(cells: Sequence[str]) -> list[str]:
    """Column names from header cells: blanks become column_N, repeats get a _2, _3 suffix."""
    names: list[str] = []
    seen: set[str] = set()
    for index, cell in enumerate(cells, start=1):
        base = cell.strip() or f"column_{index}"
        name, n = base, 1
        while name in seen:
            n += 1
            name = f"{base}_{n}"
        seen.add(name)
        names.append(name)
    return names
