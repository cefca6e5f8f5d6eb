"""Claims, speakers, stance, quantities and indicators from text, and the offsets invariant."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from labortrace.evidence.extract import analyse_text
from labortrace.evidence.quantities import find_quantities


def test_he_added_goes_to_the_last_named_speaker() -> None:
    text = ('"These people chose their jobs freely," said Wang Lei, a spokesperson for the Foreign Ministry.\n'
            "He added that the reports of forced labour were lies fabricated by anti-China forces.")
    claims, _, _ = analyse_text(text, outlet="Meridian Wire")
    assert [(c.speaker, c.speaker_type, c.stance) for c in claims] == [
        ("Wang Lei", "government", "denies"), ("Wang Lei", "government", "denies")]
    assert claims[1].text.startswith("the reports")


def test_government_spokesperson_denial() -> None:
    text = "Foreign ministry spokesperson Zhao Min rejected the allegations as groundless, saying the workers signed contracts."
    [claim], _, _ = analyse_text(text)
    assert (claim.speaker_type, claim.stance) == ("government", "denies")
    assert "Zhao Min" in (claim.speaker or "")


def test_ngo_allegation_with_indicators() -> None:
    text = ("Workers transferred from Hotan could not leave the factory compound and their passports were "
            "confiscated, Human Rights Watch said in a report.")
    [claim], _, _ = analyse_text(text)
    assert (claim.speaker, claim.speaker_type, claim.stance) == ("Human Rights Watch", "ngo", "alleges")
    assert {"restriction_of_movement", "retention_of_identity_documents", "state_labour_transfer"} <= set(claim.indicators)


def test_unattributed_claim_belongs_to_the_outlet() -> None:
    [claim], _, _ = analyse_text("Local officials set quotas for the transfer of surplus labour.", outlet="Daily Wire Report")
    assert (claim.speaker, claim.speaker_type, claim.stance) == ("Daily Wire Report", "journalist", "alleges")


def test_negated_freedom_alleges_and_free_choice_denies() -> None:
    claims, _, _ = analyse_text("A former worker said they could not refuse the job.\nThe bureau said workers are free to leave.")
    assert [c.stance for c in claims] == ["alleges", "denies"]


def test_quantity_examples() -> None:
    text = ("CBP added 51 companies by June 30. Over three million people were moved. The plan covered 3,666 villages. "
            "Imports worth $208 billion were at stake. More than 100 Uighurs worked there. 今年已有5万人转移。")
    got = [(q.value, q.unit) for q in find_quantities(text)]
    assert got == [(51, "companies"), (3e6, "people"), (3666, "villages"), (208e9, "USD"), (100, "Uighurs"),
                   (5e4, "people")]
    assert find_quantities(text)[0].when == "by June 30"


def test_years_and_dates_are_not_quantities() -> None:
    assert find_quantities("In 2019, on June 30, the ministry spoke.") == []


_SENTENCES = st.sampled_from([
    '"We sign contracts," said Li Wei, an official.', "He added that 3,000 workers left.",
    "Workers could not leave the camp, according to Amnesty International.", "新疆有5万人。",
    "The company denied the claims.", "Over $2 billion in cotton was seized.", "  ", "\n\n", "Ms. Roe said: \"No.\"",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_SENTENCES, st.text(max_size=30)), max_size=12))
def test_every_quote_matches_its_offsets(parts: list[str]) -> None:
    text = " ".join(parts)
    claims, quantities, mentions = analyse_text(text, outlet="Wire")
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        if claim.speaker_start is not None and claim.speaker_end is not None:
            assert claim.speaker_end > claim.speaker_start
    for item in [*quantities, *mentions]:
        assert text[item.start:item.end] == item.text
