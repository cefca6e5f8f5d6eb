"""Scoring a tool's ranked answers against the labels: precision, recall, F1, PR curve, per-family figures.

Decision rule, the same for every tool: a query is flagged when its best-scored entity scores at least the
threshold. A flag on the gold entity is a true positive; any other flag (a company not in the reference, or
the wrong entity) is a false positive. Recall is true positives over all queries that have a gold entity.
Queries a name cannot decide are left out of these figures and counted apart (`ambiguous`): names written in
Latin letters only whose company has a homophone twin in the reference (a flag on any twin is counted right),
and non-matches with the brand and trade of a reference company one of whose names gives no place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.matching.generate import Query

Ranked = Sequence[Sequence[tuple[str, float]]]


@dataclass(frozen=True)
class Outcome:
    """One query's label and the tool's best answer."""

    gold: str
    family: str
    top_id: str
    top_score: float

    @property
    def positive(self) -> bool:
        return bool(self.gold)

    def correct(self) -> bool:
        return self.positive and self.top_id == self.gold


@dataclass(frozen=True)
class Scores:
    threshold: float
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    positives: int


def outcomes(queries: Sequence[Query], rows: Sequence[int], ranked: Ranked, ambiguous: bool = False) -> list[Outcome]:
    """Pair each answered query with its label; `ambiguous` picks the undecidable queries (homophones, place-blind twins) instead of the others."""
    by_row = {q.row: q for q in queries}
    out = []
    for row, answer in zip(rows, ranked):
        q = by_row[row]
        if q.latin_ambiguous != ambiguous:
            continue
        top_id, top_score = (answer[0][0], float(answer[0][1])) if answer else ("", 0.0)
        if ambiguous and q.gold and top_id in q.acceptable:
            top_id = q.gold  # any twin is right: a Latin-only name cannot tell them apart
        out.append(Outcome(q.gold, q.family, top_id, top_score))
    return out


def scores_at(items: Sequence[Outcome], threshold: float) -> Scores:
    """Precision, recall and F1 when every query whose best score is >= threshold is flagged."""
    tp = sum(1 for o in items if o.top_score >= threshold and o.correct())
    fp = sum(1 for o in items if o.top_score >= threshold and not o.correct())
    positives = sum(1 for o in items if o.positive)
    return _scores(threshold, tp, fp, positives)


def _scores(threshold: float, tp: int, fp: int, positives: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(threshold, precision, recall, f1, tp, fp, positives)


def pr_curve(items: Sequence[Outcome]) -> list[Scores]:
    """Scores at every distinct best score, highest threshold first (one point per threshold)."""
    positives = sum(1 for o in items if o.positive)
    ordered = sorted(items, key=lambda o: -o.top_score)
    points: list[Scores] = []
    tp = fp = 0
    for i, o in enumerate(ordered):
        if o.top_score <= 0:
            break
        tp, fp = (tp + 1, fp) if o.correct() else (tp, fp + 1)
        if i + 1 == len(ordered) or ordered[i + 1].top_score < o.top_score:
            points.append(_scores(o.top_score, tp, fp, positives))
    return points


def best_threshold(items: Sequence[Outcome]) -> Scores:
    """The point of the PR curve with the highest F1 (the tool's best threshold on this data)."""
    curve = pr_curve(items)
    return max(curve, key=lambda s: (s.f1, s.threshold)) if curve else scores_at(items, 1.0)


def by_family(items: Sequence[Outcome], threshold: float) -> dict[str, float]:
    """Recall per variant family of true matches, and the flag rate (false positives) per kind of non-match."""
    groups: dict[str, list[Outcome]] = {}
    for o in items:
        groups.setdefault(o.family, []).append(o)
    out = {}
    for family, group in sorted(groups.items()):
        if group[0].positive:
            out[family] = sum(o.top_score >= threshold and o.correct() for o in group) / len(group)
        else:
            out[family] = sum(o.top_score >= threshold for o in group) / len(group)
    return out


def top1_accuracy(items: Sequence[Outcome]) -> float:
    """Share of true-match queries whose best answer is the gold entity, whatever its score."""
    pos = [o for o in items if o.positive]
    return sum(o.correct() for o in pos) / len(pos) if pos else 0.0


def candidate_recall(queries: Sequence[Query], rows: Sequence[int], candidates: Sequence[Sequence[str]]) -> float:
    """Share of (unambiguous) true-match queries whose gold entity is among the candidates generated for them."""
    by_row = {q.row: q for q in queries}
    hits = total = 0
    for row, cands in zip(rows, candidates):
        q = by_row[row]
        if q.gold and not q.latin_ambiguous:
            total += 1
            hits += q.gold in cands
    return hits / total if total else 0.0


def plot_pr(curves: dict[str, list[Scores]], path: str, title: str) -> str:
    """Write the precision-recall curves of several tools as one PNG; returns matplotlib's version."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 5))
    for name, curve in curves.items():
        ax.plot([s.recall for s in curve], [s.precision for s in curve], label=name, linewidth=1.2)
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_title(title)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return str(matplotlib.__version__)
