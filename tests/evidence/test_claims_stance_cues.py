"""Which sentences are claims, the stance cues added for targets and open answers, and the class-prior shift."""

from __future__ import annotations

import math
from collections import Counter

from labortrace.evidence.extract import analyse_text
from labortrace.evidence.stance import stance_score

from bench.evidence.train import shift_prior

_TEXT = ("Glove plant used transferred workers\n\n"
         "Question: Were the workers transferred under a quota?\n\n"
         "Lantern Labour Watch said workers at the plant could not refuse the transfer.\n\n"
         "The plant makes 40 million gloves a year.\n\n"
         "Do the workers sign contracts?\n\n"
         "The company said all workers sign labour contracts and are free to leave.\n")


def test_headline_and_questions_are_not_claims_and_plain_facts_are() -> None:
    claims, _, _ = analyse_text(_TEXT, title="Glove plant used transferred workers", outlet="Harbour Wire")
    assert [c.text[:20] for c in claims] == ["workers at the plant", "The plant makes 40 m", "all workers sign lab"]
    assert claims[1].stance == "neutral"


def test_an_off_topic_document_keeps_only_topical_sentences() -> None:
    text = "The plant makes 40 million gloves a year.\n\nThe bureau said workers are free to leave.\n"
    claims, _, _ = analyse_text(text, outlet="Harbour Wire")
    assert [c.text for c in claims] == ["workers are free to leave"]


def test_targets_for_transfer_allege_without_the_word_quota() -> None:
    score, reasons = stance_score("County notices set a target of 1,200 pickers for each township.")
    assert score >= 1.0 and "targets" in reasons


def test_origin_elsewhere_and_open_doors_deny() -> None:
    score, reasons = stance_score("Lawyers said isotope tests proved the cotton was grown in Pakistan, not in Xinjiang.")
    assert score <= -1.0 and "open answer" in reasons
    score, reasons = stance_score("The company said it had nothing to hide and buyers may inspect its mills at any time.")
    assert score <= -1.0 and "open answer" in reasons


def test_grown_in_xinjiang_is_no_open_answer() -> None:
    _, reasons = stance_score("The cotton was grown in Xinjiang.")
    assert "open answer" not in reasons


def test_shift_prior_moves_each_bias_by_the_log_ratio_of_shares() -> None:
    shifted = shift_prior([0.0, 0.0, 0.0], Counter({0: 25, 1: 25, 2: 50}), [0.4, 0.4, 0.2])
    assert [round(b, 3) for b in shifted] == [round(math.log(0.4 / 0.25), 3)] * 2 + [round(math.log(0.2 / 0.5), 3)]
