"""The shipped gazetteer is complete and consistent."""

from __future__ import annotations

from labortrace.names.gazetteer import fold, load


def test_gazetteer_covers_all_of_china() -> None:
    g = load()
    provinces = [d for d in g.by_code.values() if d.level == "province" and d.current]
    assert len(provinces) == 34 and all(d.iso.startswith("CN-") for d in provinces)
    counties = [d for d in g.by_code.values() if d.level == "county" and d.current]
    assert len(counties) > 2800
    assert all(d.code[:2] + "0000" in g.by_code for d in g.by_code.values())


def test_xinjiang_prefectures_have_english_names() -> None:
    g = load()
    names = {g.by_code[c].name_en for c in ("653100", "653200", "650100", "654000", "659000")}
    assert names == {"Kashgar Prefecture", "Hotan Prefecture", "Ürümqi", "Ili Kazakh Autonomous Prefecture",
                     "Xinjiang Production and Construction Corps"}


def test_unknown_codes_fall_back_to_the_enclosing_division() -> None:
    g = load()
    assert g.division("653199") is g.by_code["653100"]
    assert g.division("659099") is g.by_code["659000"]
    assert g.division("990000") is None


def test_fold_keeps_offsets() -> None:
    for text in ["ÜRÜMQI", "Ｋashgar 新疆", "İstanbul", "ﬁne"]:
        assert len(fold(text)) == len(text)
    assert fold("ÜRÜMQI") == "urumqi"
