"""Registration dates as ISO text, from the many ways registries and spreadsheets write them.

Accepted: ISO (2019-01-01, with or without a time), slashes or dots with year first (2019/1/1, 2019.1.1), Chinese
(2019年1月1日, 2019年1月, 二〇一九年一月一日), compact (20190101), Excel serial day numbers (43466, 43466.0,
from the 1900 date system), and day-first or month-first with the year last only when the order is unambiguous
(25/12/2019, 12/25/2019). Full-width digits are folded first. A date before 1900 or after 2100, an impossible
day (2019-02-30), or an ambiguous order (01/02/2019) gives None: a registration counted in the wrong month is
worse than one reported as undated.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1900, 2100
# Excel's day 1 is 1900-01-01 but it counts a 29 February 1900 that never was: serials from 61 on are one day
# ahead, hence the epoch of 1899-12-30. Only five-digit serials (1927-05-18 .. 2099-12-31) are read, so a
# four-digit number stays a year.
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_MIN, EXCEL_MAX = 10000, 73050

_Y_FIRST = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?|\s*月)?")
_Y_LAST = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"(\d{5})(?:\.0+)?")
_YEAR = re.compile(r"(\d{4})\s*年?")
_TIME_TAIL = re.compile(r"(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_HAN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_HAN_NUMBER = re.compile(r"[〇零一二三四五六七八九十]+")


def _han_numbers(text: str) -> str:
    """二〇一九年十二月三十一日 -> 2019年12月31日: digit-by-digit years, 十 as tens in months and days."""

    def one(match: re.Match[str]) -> str:
        run = match.group()
        if "十" not in run:
            return run.translate(_HAN_DIGITS)
        tens, _, units = run.partition("十")
        return str(int(tens.translate(_HAN_DIGITS) or "1") * 10 + int(units.translate(_HAN_DIGITS) or "0"))

    return _HAN_NUMBER.sub(one, text)


def _iso(year: int, month: int, day: int | None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_last(first: int, second: int, year: int) -> str | None:
    if first > 12 >= second:
        return _iso(year, second, first)  # day first: 25/12/2019
    if second > 12 >= first:
        return _iso(year, first, second)  # month first: 12/25/2019
    if first == second:
        return _iso(year, first, first)
    return None  # 01/02/2019: January or February? do not guess


def parse_date(text: str) -> str | None:
    """ISO 'YYYY-MM-DD' (or 'YYYY-MM' when the day is missing) for a date written in a supported format, else None."""
    if not isinstance(text, str):
        return None
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None
    value = _TIME_TAIL.sub("", _han_numbers(value), count=1).strip()
    if m := _Y_FIRST.fullmatch(value):
        return _iso(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    if m := _COMPACT.fullmatch(value):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _Y_LAST.fullmatch(value):
        return _year_last(int(m[1]), int(m[2]), int(m[3]))
    if (m := _SERIAL.fullmatch(value)) and EXCEL_MIN <= int(m[1]) <= EXCEL_MAX:
        return (EXCEL_EPOCH + timedelta(days=int(m[1]))).isoformat()
    if (m := _YEAR.fullmatch(value)) and MIN_YEAR <= int(m[1]) <= MAX_YEAR:
        return m[1]
    return None
