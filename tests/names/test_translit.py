"""Cyrillic and Arabic names meet their Latin forms: BGN/PCGN romanisation, trade words, legal forms."""

from __future__ import annotations

import pytest

from labortrace.names.legal_forms import strip_legal_forms
from labortrace.names.normalize import analyze_name


@pytest.mark.parametrize(("native", "latin"), [
    ("ООО «Жибы Электроника»", "OOO Zhiby Elektronika"),  # ж → zh (ICU's Cyrillic-Latin gives 'Ziby')
    ("АО «Торалой Логистик»", "Toraloy Logistics JSC"),  # й → y, Логистик → logistics
    ("ПАО «Ойсеур Химпром»", "Oyseur Chemical PJSC"),  # Химпром is the chemical industry
    ("АО «Прометща Агро»", "AO Prometshcha Agro"),  # щ → shch, and a Latin AO is a legal form
    ("ПАО «Коминлюсе Машстрой»", "Kominlyuse Machinery PJSC"),  # ю → yu, машиностроение
    ("ООО «Сибторнефт Текстиль»", "Sibtorneft Textile LLC"),
])
def test_cyrillic_names_share_tokens_with_their_english_list_spelling(native: str, latin: str) -> None:
    assert analyze_name(native).tokens == analyze_name(latin).tokens


def test_soft_and_hard_signs_do_not_split_words() -> None:
    assert analyze_name("ООО «Подъезд Сеть»").tokens == ("podyezd", "set")


@pytest.mark.parametrize("name", ["AO Gazkom Agro", "PAO Gazkom Agro", "ZAO Gazkom Agro"])
def test_latin_russian_joint_stock_forms_open_a_name(name: str) -> None:
    assert strip_legal_forms(name) == ("gazkom agro", ("ao",))


@pytest.mark.parametrize("name", ["AO HUA TEXTILE", "Ao Hua Textile", "Aohua Textile"])
def test_pinyin_ao_is_not_a_legal_form(name: str) -> None:
    assert strip_legal_forms(name)[1] == ()
    assert analyze_name(name).tokens[-1] == "textile"


def test_arabic_legal_forms_are_stripped_as_whole_words_only() -> None:
    assert analyze_name("شركة النور للتجارة").legal_forms == ("company",)
    assert analyze_name("مؤسسة النور للتجارة").legal_forms == ("establishment",)
    assert analyze_name("النور للتجارة ذ.م.م").legal_forms == ("co_ltd",)
    assert strip_legal_forms("الشركة الوطنية")[1] == ()  # 'the company' inside a word is not the form


def test_arabic_trade_words_translate() -> None:
    assert analyze_name("شركة الأمل جابر للإلكترونيات").tokens == ("alaml", "jabr", "electronic")
    assert analyze_name("Al Amal Jaber Electronics Company").tokens[-1] == "electronic"
    assert analyze_name("مؤسسة النور للخدمات اللوجستية").tokens == ("alnwr", "service", "logistics")


def test_latin_with_diacritics_is_unchanged_by_the_cyrillic_rules() -> None:
    assert analyze_name("Müller Textil GmbH").tokens == ("muller", "textil")


def test_bgn_separator_dots_do_not_split_words() -> None:
    # BGN writes т·с (not ц), ш·ч (not щ) and ы·а with a dot between: English spellings leave it out.
    assert analyze_name("АО «Метнефтсегаз Машстрой»").tokens == analyze_name("AO Metneftsegaz Mashstroy").tokens
    assert analyze_name("ООО «Ратсом»").tokens == ("ratsom",)


@pytest.mark.parametrize(("slipped", "right"), [
    ("ООО «Магазщавест Элеткроника»", "ООО «Магазщавест Электроника»"),  # letters swapped
    ("ПАО «Раинжитех Мееталл»", "ПАО «Раинжитех Металл»"),  # a letter doubled: BGN would read 'meyetall'
    ("АО «Бынико Мшастрой»", "АО «Бынико Машстрой»"),  # one slip is several letters apart in BGN
    ("ООО «Сибпро Хsмпром»", "ООО «Сибпро Химпром»"),  # a Latin letter typed in a Cyrillic word
    ("مؤسسة الأمل جابر لللصناعات", "مؤسسة الأمل جابر للصناعات"),
    ("مؤسسة الخليج سعيد للنسييج", "مؤسسة الخليج سعيد للنسيج"),  # a 4-letter trade word, a 5-letter slip
    ("ذ.م.م القمة راشد للخدمات اللوجتسية", "ذ.م.م القمة راشد للخدمات اللوجستية"),
    ("Öztürk Vügó Tesktil A.Ş.", "Öztürk Vügó Tekstil A.Ş."),
    ("Aydın Lötrü Lojsitik Ltd. Şti.", "Aydın Lötrü Lojistik Ltd. Şti."),
])
def test_a_slip_in_a_foreign_trade_word_reads_as_the_word(slipped: str, right: str) -> None:
    assert analyze_name(slipped).tokens == analyze_name(right).tokens


def test_short_or_distant_words_are_not_taken_for_trade_words() -> None:
    assert analyze_name("ООО «Металлика»").tokens == ("metallika",)
    assert analyze_name("Torq Holding").tokens[0] == "torq"
