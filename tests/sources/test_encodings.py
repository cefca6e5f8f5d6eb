"""detect_encoding on short, real-looking Chinese company names and addresses."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from labortrace.errors import InputError
from labortrace.sources.encodings import detect_encoding, guess_encoding, plausibility

SIMPLIFIED = [
    "新疆洪波龙鑫机电设备有限公司",
    "广东省深圳市罗湖区深南东路5047号",
    "浙江华友钴业股份有限公司,浙江省桐乡经济开发区",
    "喀什",
]
TRADITIONAL = [
    "台灣積體電路製造股份有限公司",
    "新竹科學工業園區力行六路8號",
    "鴻海精密工業股份有限公司,新北市土城區自由街2號",
    "寶成工業股份有限公司",
]


@pytest.mark.parametrize("text", SIMPLIFIED)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_short_simplified_is_gb18030(text: str, encoding: str) -> None:
    assert guess_encoding(text.encode(encoding)) == "gb18030"


@pytest.mark.parametrize("text", TRADITIONAL)
def test_short_traditional_is_big5(text: str) -> None:
    data = text.encode("big5")
    assert data.decode("gb18030")  # Big5 bytes decode "fine" as GB18030: decoding alone cannot tell
    assert guess_encoding(data) == "big5"


def test_misdecoded_text_scores_low() -> None:
    for text in SIMPLIFIED[:3]:
        assert plausibility(text) > 0.9
        assert plausibility(text.encode("gb18030").decode("big5", errors="replace")) < 0.5
    for text in TRADITIONAL[:3]:
        assert plausibility(text) > 0.9
        assert plausibility(text.encode("big5").decode("gb18030")) < 0.5


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"plain ascii, name\n", "utf-8"),
        ("供应商".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "供应商".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "供应商".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "供应商".encode("utf-16-be"), "utf-16"),
        ("供应商".encode("utf-32"), "utf-32"),
    ],
)
def test_boms_and_utf8(data: bytes, encoding: str) -> None:
    assert guess_encoding(data) == encoding


def test_utf8_cut_mid_character_by_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("名称\n".encode() * 10)
    assert detect_encoding(path, sample_bytes=4) == "utf-8"  # 4 bytes end inside '称'


def test_latin_text_falls_back_to_the_detector() -> None:
    text = "Factory Name,City\nACODE SPORTING GOODS,BÌNH DƯƠNG\nSÃO PAULO TÊXTIL,SÃO PAULO\n"
    data = text.replace("Ư", "U").replace("Ơ", "O").encode("cp1252")
    encoding = guess_encoding(data)
    assert encoding not in (None, "gb18030", "big5")
    assert data.decode(encoding) == text.replace("Ư", "U").replace("Ơ", "O")


def test_nothing_fits(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(bytes(range(256)) * 4)
    encoding = guess_encoding(path.read_bytes())
    if encoding is None:  # charset-normalizer gives up on binary noise
        with pytest.raises(InputError, match="encoding"):
            detect_encoding(path)
