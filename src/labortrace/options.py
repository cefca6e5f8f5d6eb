"""Screening options from arguments, else from the settings, checked."""

from __future__ import annotations

from labortrace.errors import ConfigError
from labortrace.matching import MatchOptions
from labortrace.settings import setting


def upstream_options(tiers: int | None, min_share: float | None) -> tuple[int, float | None]:
    """Tiers and minimum ownership share for screening's upstream search: the arguments, else the settings."""
    try:
        depth = int(tiers if tiers is not None else setting("upstream_tiers"))
        share_text = setting("min_ownership_share")
        share = min_share if min_share is not None else (float(share_text) if share_text.strip() else None)
    except ValueError as exc:
        raise ConfigError(f"upstream_tiers and min_ownership_share must be numbers: {exc}") from exc
    if depth < 1:
        raise ConfigError(f"tiers must be 1 or more ({depth}) and the ownership share 0-100 ({share})")
    return depth, checked_share(share)


def checked_share(share: float | None) -> float | None:
    """A minimum ownership share in percent (0-100), or None for any share."""
    if share is not None and not 0 <= share <= 100:
        raise ConfigError(f"the ownership share must be 0-100 percent, not {share}")
    return share


def match_options(threshold: float | None, review_threshold: float | None) -> MatchOptions:
    """Match and review thresholds: the arguments, else the settings; 0 < review <= match <= 1."""
    try:
        thr = float(threshold if threshold is not None else setting("threshold"))
        rev = float(review_threshold if review_threshold is not None else setting("review_threshold"))
    except ValueError as exc:
        raise ConfigError(f"threshold and review_threshold must be numbers: {exc}") from exc
    if not 0 < rev <= thr <= 1:
        raise ConfigError(f"thresholds must satisfy 0 < review ({rev}) <= match ({thr}) <= 1")
    return MatchOptions(threshold=thr, review_threshold=rev)
