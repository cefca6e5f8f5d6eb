"""Region detection: Han, pinyin and English place names, with Xinjiang as the case that matters most."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labortrace.names.regions import locate, locate_all, province_of


def codes(text: str) -> list[str]:
    return [p.code for p in locate_all(text)]


def test_han_address_names_county_prefecture_and_region() -> None:
    place = locate("新疆喀什地区疏附县")
    assert place is not None and place.is_xinjiang
    assert (place.code, place.level, place.matched, place.start) == ("653121", "county", "疏附县", 6)
    assert "Kashgar" in place.describe() and "Xinjiang" in place.describe()
    assert codes("新疆喀什地区疏附县") == ["650000", "653100", "653121"]


def test_english_address_skips_street_named_after_a_city() -> None:
    text = "Room 5, Kashi Road, Shufu County, Kashgar, Xinjiang"
    place = locate(text)
    assert place is not None and place.is_xinjiang and place.code == "653121"
    assert "Kashi" not in [p.matched for p in locate_all(text)]


@pytest.mark.parametrize("text", ["Urumqi", "ÜRÜMQI", "乌鲁木齐市", "Wu Lu Mu Qi", "WULUMUQI", "urumchi"])
def test_urumqi_in_any_script(text: str) -> None:
    place = locate(text)
    assert place is not None and place.code == "650100" and place.is_xinjiang
    assert place.province_en == "Xinjiang Uyghur Autonomous Region"


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("湖北省武汉市", "420000"),
        ("广州市天河区林和街广州大道中1428号2079铺", "440000"),
        ("Shenzhen, Guangdong", "440000"),
        ("Wuhan, Hubei", "420000"),
        ("上海市徐汇区乌鲁木齐中路12号", "310000"),  # a street named after Urumqi is not Urumqi
        ("Urumqi Road, Shanghai", "310000"),
    ],
)
def test_other_provinces_are_not_xinjiang(text: str, province: str) -> None:
    place = locate(text)
    assert place is not None and place.province_code == province and not place.is_xinjiang
    assert not any(p.is_xinjiang for p in locate_all(text))


def test_streets_named_after_other_cities_do_not_move_an_address() -> None:
    place = locate("新疆乌鲁木齐市天山区北京南路358号")
    assert place is not None and place.code == "650102"


@pytest.mark.parametrize(
    "text",
    ["新疆生产建设兵团第一师", "XPCC", "Bingtuan", "East Turkestan", "Uyghur Autonomous Region", "Xinjiang Uygur Zizhiqu",
     "新疆巴州若羌县", "伊犁州", "Kashgar", "Khotan", "Hetian", "Turfan", "Ghulja", "Kumul", "Korla", "Yarkand",
     "Kizilsu", "Artux", "Altay", "Chuguchak", "Aral", "Tumxuk", "Shihezi", "Wujiaqu", "Karamay"],
)
def test_xinjiang_names_and_aliases(text: str) -> None:
    place = locate(text)
    assert place is not None and place.is_xinjiang, text


def test_former_divisions_still_resolve() -> None:
    place = locate("新疆阿克苏地区库车县")  # 库车县 became 库车市 in 2019
    assert place is not None and place.code == "652923" and place.is_xinjiang


def test_ambiguous_name_takes_the_province_the_text_names() -> None:
    assert codes("Chaoyang District, Beijing")[0] == "110105"
    assert codes("吉林省长春市朝阳区")[-1] == "220104"
    assert codes("朝阳区") == ["110105"]  # no context: the fixed order, lowest code first


def test_a_branch_lies_where_its_own_name_says() -> None:
    branch = locate("山东富诚工程施工有限公司于田分公司")
    assert branch is not None and branch.is_xinjiang
    other = locate("上海智杰保洁服务有限公司苏州分公司")
    assert other is not None and other.province_code == "320000"
    alias = locate("北京中兴恒工程咨询有限公司博州分公司")  # 博州: Bortala
    assert alias is not None and alias.is_xinjiang


def test_generic_town_names_neither_branch_nor_move_an_address() -> None:
    town = locate("东莞市碌壹碌餐饮管理有限公司东城分公司")  # Dongguan's Dongcheng, not Beijing's
    assert town is not None and town.province_code == "440000"
    office = locate("福建省泉州市南安市柳城办事处普莲路")  # a subdistrict office, not a company branch
    assert office is not None and office.code == "350583"


def test_weak_aliases_need_a_suffix_or_an_enclosing_place() -> None:
    assert locate("Mori Seiki Co., Ltd.") is None
    for text in ("Mori County", "Mori, Changji"):
        place = locate(text)
        assert place is not None and place.code == "652328"


@pytest.mark.parametrize("text", ["和硕联合科技股份有限公司", "中山大道", "Ali Trading Ltd", "Urumqiabc", "北京路88号"])
def test_common_words_and_partial_words_are_not_places(text: str) -> None:
    assert locate(text) is None


def test_short_forms_count_when_confirmed() -> None:
    assert codes("昌吉州") == ["652300"]  # short form followed by a suffix
    assert codes("喀什疏附") == ["653100", "653121"]  # a county short form inside a named prefecture
    assert codes("Shufu Xian") == ["653121"]  # the suffix word is consumed, so no Xi'an


def test_describe_for_each_level() -> None:
    province, prefecture = locate("新疆"), locate("和田地区")
    assert province is not None and province.describe() == "Xinjiang Uyghur Autonomous Region (新疆维吾尔自治区)"
    assert prefecture is not None and prefecture.describe() == (
        "Hotan Prefecture (和田地区), Xinjiang Uyghur Autonomous Region")


def test_province_of() -> None:
    assert province_of("653100") == "650000"
    with pytest.raises(ValueError, match="6-digit"):
        province_of("65")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_locate_never_raises_and_offsets_are_exact(text: str) -> None:
    locate(text)
    for place in locate_all(text):
        assert text[place.start : place.start + len(place.matched)] == place.matched


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["新疆", "喀什", "路", "Kashgar", " ", "Road", "市", "公司", "分公司", "Ü", "区"])))
def test_locate_never_raises_on_place_like_text(parts: list[str]) -> None:
    text = "".join(parts)
    place = locate(text)
    assert place is None or text[place.start : place.start + len(place.matched)] == place.matched
