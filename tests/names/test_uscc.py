"""Unified Social Credit Codes: validation (GB 32100-2015), parts, and the division they encode."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import uscc as stdnum_uscc

from labortrace.names.uscc import find_usccs, parse_uscc

REAL = "91650100MA786G142T"  # from the 2019 registration sample: 新疆洪波龙鑫机电设备有限公司, Ürümqi


def with_check(first17: str) -> str:
    return first17 + stdnum_uscc.calc_check_digit(first17)


def test_real_code_parses_to_urumqi() -> None:
    parsed = parse_uscc(REAL)
    assert parsed is not None and parsed.code == REAL
    assert parsed.division_code == "650100"
    assert "industry and commerce" in parsed.registration_authority
    assert parsed.entity_type.startswith("enterprise")
    assert parsed.place is not None and parsed.place.is_xinjiang and parsed.place.code == "650100"
    assert (parsed.place.matched, parsed.place.start) == ("650100", 2)
    assert "Ürümqi" in parsed.place.describe()


def test_wrong_check_digit_is_rejected() -> None:
    assert parse_uscc(REAL[:-1] + "X") is None
    assert not stdnum_uscc.is_valid(REAL[:-1] + "X")


def test_spaces_hyphens_and_lowercase_are_tolerated() -> None:
    parsed = parse_uscc(" 9165 0100-ma786g142t ")
    assert parsed is not None and parsed.code == REAL


def test_wrong_length_or_alphabet_is_rejected() -> None:
    assert parse_uscc(REAL[:-1]) is None
    assert parse_uscc(REAL + "1") is None
    assert parse_uscc(REAL[:15] + "I" + REAL[16:]) is None  # I, O, S, V, Z are not in the alphabet
    assert parse_uscc(with_check("916501A0MA786G142")) is None  # the division code must be digits
    assert parse_uscc("") is None


def test_letter_authorities_parse_though_stdnum_rejects_them() -> None:
    code = with_check("N2650100MA786G142")  # a village collective economic organisation
    assert not stdnum_uscc.is_valid(code)  # stdnum wants digits in chars 1-2: why we check the format ourselves
    parsed = parse_uscc(code)
    assert parsed is not None and parsed.registration_authority.startswith("agriculture")
    assert parsed.entity_type.startswith("village-level")


def test_unknown_division_falls_back_to_the_enclosing_one() -> None:
    parsed = parse_uscc(with_check("91653199MA786G142"))
    assert parsed is not None and parsed.place is not None and parsed.place.code == "653100"
    assert parse_uscc(with_check("91990000MA786G142")).place is None  # type: ignore[union-attr]


def test_find_usccs_in_free_text() -> None:
    other = with_check("91440101MA5CKXBL8")
    text = f"Supplier {REAL}; bad {REAL[:-1]}X; glued x{other}; ok ({other.lower()})."
    assert [u.code for u in find_usccs(text)] == [REAL, other]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    parse_uscc(text)
    find_usccs(text)
