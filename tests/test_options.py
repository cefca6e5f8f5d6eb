"""Screening and tracing options: bad settings and arguments are ConfigErrors the CLI prints, never tracebacks."""

from __future__ import annotations

import pytest

from labortrace.errors import ConfigError
from labortrace.options import checked_share, match_options, upstream_options


def test_a_threshold_setting_that_is_no_number_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABORTRACE_THRESHOLD", "abc")
    with pytest.raises(ConfigError, match="must be numbers"):
        match_options(None, None)
    assert match_options(0.9, 0.5).threshold == 0.9  # arguments win over the setting


def test_ownership_shares_are_percentages(monkeypatch: pytest.MonkeyPatch) -> None:
    assert checked_share(None) is None and checked_share(0) == 0 and checked_share(100) == 100
    for bad in (-5, 120):
        with pytest.raises(ConfigError, match="0-100"):
            checked_share(bad)
    monkeypatch.setenv("LABORTRACE_MIN_OWNERSHIP_SHARE", "150")
    with pytest.raises(ConfigError, match="0-100"):
        upstream_options(None, None)
