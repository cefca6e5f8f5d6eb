"""Review mends of the stance cues: negations scope to their clause, places in Xinjiang are no origin elsewhere,
one tag per cue, and the class-prior shift with a class missing."""

from __future__ import annotations

from collections import Counter

import pytest

from labortrace.evidence.stance import _CUES, stance_score
from labortrace.evidence.stance_model import StanceContext, features

from bench.evidence.train import shares, shift_prior


def test_a_negation_scopes_to_its_clause() -> None:
    score, reasons = stance_score("They were never paid and were forced to work.")
    assert "negated coercion" not in reasons and score >= 1.0
    assert "negated coercion" in stance_score("They were never forced to work.")[1]
    _, reasons = stance_score("The firm did not hire them, and they chose freely to come.")
    assert "negated freedom" not in reasons
    context = StanceContext("They were never paid and were forced to work.", "worker", None, "news", False, 0.0,
                            score, tuple(reasons))
    assert "neg:forced" not in features(context) and "neg:paid" in features(context)


@pytest.mark.parametrize("text", ["The cotton was grown in southern Xinjiang.",
                                  "The yarn was made in the Xinjiang Uyghur Autonomous Region.",
                                  "The tomatoes came from northwest China."])
def test_a_place_in_xinjiang_is_no_origin_elsewhere(text: str) -> None:
    assert "open answer" not in stance_score(text)[1]


def test_origin_elsewhere_still_answers() -> None:
    assert "open answer" in stance_score("The tomatoes came from southern Italy.")[1]


def test_each_stance_cue_has_its_own_tag_and_bused_counts_once() -> None:
    tags = [tag for _, _, tag in _CUES]
    assert len(tags) == len(set(tags))
    assert stance_score("They bused villagers to the factory.") == (1.0, ["transfer"])


def test_shift_prior_keeps_the_bias_of_a_class_missing_on_either_side() -> None:
    assert shift_prior([0.1, 0.2, 0.3], Counter({0: 5, 1: 5}), [0.5, 0.25, 0.25])[2] == 0.3
    assert shift_prior([0.1, 0.2, 0.3], Counter({0: 5, 1: 5, 2: 5}), [0.5, 0.5, 0.0])[2] == 0.3
    assert shares(Counter({"alleges": 2, "denies": 2})) == [0.5, 0.5, 0.0]
    assert shares(Counter()) is None

