"""Review mends of the attribution rules: plural nouns are no cue verbs, and one list of quotation signers serves
the sentence splitter and the rules."""

from __future__ import annotations

import pytest

from labortrace.evidence.attribution import attribute
from labortrace.evidence.cues import SIGNING_VERBS
from labortrace.evidence.sentences import Sentence, split_sentences


def _cue(text: str) -> tuple[str | None, str | None] | None:
    found = attribute(Sentence(text, 0, len(text), 0))
    if found is None:
        return None
    return (text[found.source[0]:found.source[1]] if found.source else None,
            text[found.cue[0]:found.cue[1]] if found.cue else None)


@pytest.mark.parametrize("text", [
    "The company's orders fell sharply in March.", "The firm's requests for an audit went unanswered.",
    "The union's charges against the mill were dropped.", "The ministry's fears about the harvest grew.",
    "Their worries about the audit remain.", "Rising fears of reprisal kept the workers silent.",
    "The company's reports showed a rise in output.",
])
def test_plural_nouns_are_not_read_as_reporting_verbs(text: str) -> None:
    found = _cue(text)
    assert found is None or found[1] is None, found


def test_a_possessive_speaker_is_refused_but_a_plain_one_is_kept() -> None:
    assert _cue("The company said orders fell sharply in March.") == ("The company", "said")


@pytest.mark.parametrize("verb", SIGNING_VERBS)
def test_every_verb_that_signs_a_quotation_is_its_cue(verb: str) -> None:
    text = f"“We will not stop.” Graham {verb}. Then he left."
    first, second = (s.text for s in split_sentences(text))
    assert (first, second) == (f"“We will not stop.” Graham {verb}.", "Then he left.")
    assert _cue(first) == ("Graham", verb)


def test_continued_is_a_cue_only_after_a_quotation() -> None:
    found = _cue("The company continued production at the mill in Aksu.")
    assert found is None or found[1] != "continued"
