"""The matching benchmark's metrics: flags at a threshold, PR curve, best threshold, families, homophones."""

from __future__ import annotations

import pytest

from bench.matching import metrics as m
from bench.matching.generate import Query


def q(row: int, gold: str, family: str, ambiguous: bool = False, acceptable: tuple[str, ...] = ()) -> Query:
    return Query(row, f"name {row}", "", "", gold, family, ambiguous, acceptable)


QUERIES = [q(1, "a", "typo"), q(2, "b", "han"), q(3, "", "neg_sibling"), q(4, "c", "typo"), q(5, "", "neg_random"),
           q(6, "d", "pinyin", True, ("d", "e")), q(7, "", "neg_random", True, ("e",))]
RANKED = [[("a", 0.95)], [("x", 0.9)], [("y", 0.85)], [("c", 0.6)], [], [("e", 0.99)], [("e", 0.9)]]
ROWS = [1, 2, 3, 4, 5, 6, 7]


def test_scores_count_wrong_entities_and_non_matches_as_false_positives() -> None:
    items = m.outcomes(QUERIES, ROWS, RANKED)
    assert len(items) == 5  # homophone rows are kept apart
    s = m.scores_at(items, 0.8)
    assert (s.tp, s.fp, s.positives) == (1, 2, 3)
    assert s.precision == pytest.approx(1 / 3)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(1 / 3)
    low = m.scores_at(items, 0.5)
    assert (low.tp, low.fp) == (2, 2)


def test_pr_curve_and_best_threshold() -> None:
    items = m.outcomes(QUERIES, ROWS, RANKED)
    curve = m.pr_curve(items)
    assert [round(p.threshold, 2) for p in curve] == [0.95, 0.9, 0.85, 0.6]
    assert curve[0].precision == 1.0 and curve[0].recall == pytest.approx(1 / 3)
    best = m.best_threshold(items)
    assert best.threshold == pytest.approx(0.6)  # F1 4/7 at 0.6 beats 0.5 at 0.95
    assert best.f1 == pytest.approx(4 / 7)


def test_families_report_recall_for_matches_and_flag_rate_for_non_matches() -> None:
    fam = m.by_family(m.outcomes(QUERIES, ROWS, RANKED), 0.8)
    assert fam["typo"] == 0.5
    assert fam["han"] == 0.0
    assert fam["neg_sibling"] == 1.0
    assert fam["neg_random"] == 0.0
    assert m.top1_accuracy(m.outcomes(QUERIES, ROWS, RANKED)) == pytest.approx(2 / 3)


def test_homophone_rows_accept_any_twin() -> None:
    items = m.outcomes(QUERIES, ROWS, RANKED, ambiguous=True)
    assert [(o.gold, o.top_id, o.correct()) for o in items] == [("d", "d", True), ("", "e", False)]


def test_candidate_recall_ignores_non_matches_and_homophones() -> None:
    assert m.candidate_recall(QUERIES, ROWS, [["a"], ["z"], [], ["q", "c"], [], [], []]) == pytest.approx(2 / 3)
