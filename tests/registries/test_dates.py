"""Registration dates in the formats registries and spreadsheets use."""

from __future__ import annotations

import pytest

from labortrace.registries.dates import parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2019-01-01", "2019-01-01"),
        ("2019/1/1", "2019-01-01"),
        ("2019.1.1", "2019-01-01"),
        ("2019年1月1日", "2019-01-01"),
        ("2019年01月01日 10:00", "2019-01-01"),
        ("二〇一九年十二月三十一日", "2019-12-31"),
        ("２０１９－０１－０５", "2019-01-05"),  # full-width digits and dash
        ("20190101", "2019-01-01"),
        ("43466", "2019-01-01"),  # Excel serial day number
        ("43466.0", "2019-01-01"),
        ("2019-01-01 00:00:00", "2019-01-01"),
        ("2019-01-01T12:30:00Z", "2019-01-01"),
        ("25/12/2019", "2019-12-25"),  # day first, unambiguous
        ("12/25/2019", "2019-12-25"),  # month first, unambiguous
        ("2019年3月", "2019-03"),
        ("2019-03", "2019-03"),
        ("2019", "2019"),
    ],
)
def test_parse_date_formats(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["", "soon", "01/02/2019", "2019-02-30", "1800-01-01", "2019-13-01", "123"])
def test_parse_date_rejects_ambiguous_impossible_and_junk(text: str) -> None:
    assert parse_date(text) is None
