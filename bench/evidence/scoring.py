"""Precision, recall and F1 from counts."""

from __future__ import annotations


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Return (precision, recall, F1); zero where undefined."""
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
