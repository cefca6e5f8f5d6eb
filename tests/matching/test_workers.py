"""The setting `workers`: a number of processes, empty for the default, anything else a ConfigError naming it."""

from __future__ import annotations

import pytest

from labortrace.errors import ConfigError
from labortrace.matching.vectors import workers


@pytest.mark.parametrize("value", ["four", "2.5", "0", "-1"])
def test_a_workers_setting_that_is_no_count_of_processes_is_a_config_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("LABORTRACE_WORKERS", value)
    with pytest.raises(ConfigError, match="LABORTRACE_WORKERS") as err:
        workers()
    assert "workers" in str(err.value) and repr(value) in str(err.value)


def test_a_workers_count_is_used_and_an_empty_setting_means_up_to_two(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABORTRACE_WORKERS", " 3 ")
    assert workers() == 3
    monkeypatch.setenv("LABORTRACE_WORKERS", "")
    assert 1 <= workers() <= 2
