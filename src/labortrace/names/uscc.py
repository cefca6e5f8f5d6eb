"""Unified Social Credit Codes (统一社会信用代码, GB 32100-2015): validation, parts, and the place they encode.

Layout: char 1 registration authority, char 2 entity type, chars 3-8 the GB/T 2260 division of the registering
authority, chars 9-17 the organisation code, char 18 a check character (mod 31 over the alphabet below).
The check is python-stdnum's (`stdnum.cn.uscc.calc_check_digit`); the format check is ours, because stdnum's
`validate` demands digits in chars 1-2 and so rejects valid codes of the A, N and Y authorities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum.cn import uscc as stdnum_uscc

from labortrace.names.regions import Place, place_for

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CHAR = f"[{ALPHABET}]"
FORMAT = re.compile(rf"{_CHAR}{{2}}[0-9]{{6}}{_CHAR}{{10}}")
IN_TEXT = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])")

AUTHORITIES = {
    "1": "institutional establishment (机构编制)", "2": "foreign affairs (外交)", "3": "justice (司法行政)",
    "4": "culture (文化)", "5": "civil affairs (民政)", "6": "tourism (旅游)", "7": "religious affairs (宗教)",
    "8": "trade unions (工会)", "9": "industry and commerce (工商)", "A": "Central Military Commission (中央军委改革和编制办公室)",
    "N": "agriculture (农业)", "Y": "other (其他)",
}
ENTITY_TYPES = {
    "11": "government organ (机关)", "12": "public institution (事业单位)", "13": "mass organisation (群众团体)",
    "19": "other", "21": "foreign news agency office (外国常驻新闻机构)", "29": "other",
    "31": "law firm (律师执业机构)", "32": "notary office (公证处)", "33": "legal service office (基层法律服务所)",
    "34": "judicial appraisal body (司法鉴定机构)", "35": "arbitration commission (仲裁委员会)", "39": "other",
    "41": "foreign cultural centre (外国在华文化中心)", "49": "other",
    "51": "social organisation (社会团体)", "52": "private non-enterprise unit (民办非企业单位)",
    "53": "foundation (基金会)", "59": "other",
    "61": "foreign tourism office (外国旅游部门常驻代表机构)", "62": "Hong Kong, Macao or Taiwan tourism office",
    "69": "other", "71": "place of religious activity (宗教活动场所)", "72": "religious school (宗教院校)",
    "79": "other", "81": "grassroots trade union (基层工会)", "89": "other",
    "91": "enterprise (企业)", "92": "individual business (个体工商户)", "93": "farmers' cooperative (农民专业合作社)",
    "A1": "military public institution (军队事业单位)", "A9": "other",
    "N1": "group-level collective economic organisation", "N2": "village-level collective economic organisation",
    "N3": "township-level collective economic organisation", "N9": "other", "Y1": "other",
}


@dataclass(frozen=True)
class USCC:
    """A valid Unified Social Credit Code and what its parts say."""

    code: str
    registration_authority: str
    entity_type: str
    division_code: str
    place: Place | None


def parse_uscc(value: str) -> USCC | None:
    """The parsed code, or None unless it is 18 characters in the USCC alphabet with a valid check character."""
    if not isinstance(value, str):
        return None
    code = stdnum_uscc.compact(value)
    if not FORMAT.fullmatch(code) or stdnum_uscc.calc_check_digit(code[:17]) != code[17]:
        return None
    authority = AUTHORITIES.get(code[0], f"unknown ({code[0]})")
    entity = ENTITY_TYPES.get(code[:2], f"unknown ({code[1]})")
    division = code[2:8]
    return USCC(code, authority, entity, division, place_for(division, division, 2))


def find_usccs(text: str) -> list[USCC]:
    """Every valid USCC written as an 18-character token inside free text, in order."""
    found = (parse_uscc(m.group()) for m in IN_TEXT.finditer(text or ""))
    return [u for u in found if u is not None]
