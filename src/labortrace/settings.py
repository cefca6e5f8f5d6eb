"""Settings declared once (name, environment variable, default, help): the CLI, docs and validation read these."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from labortrace.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env) or self.default


def _default_db() -> str:
    return "sqlite:///" + str(Path(platformdirs.user_data_dir("labortrace")) / "workspace.db")


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("db", "LABORTRACE_DB", _default_db(),
                "Workspace database URL, e.g. sqlite:////path/ws.db or postgresql://user@host/db."),
        Setting("cache_dir", "LABORTRACE_CACHE", platformdirs.user_cache_dir("labortrace"),
                "Folder for derived, rebuildable data (the matching index)."),
        Setting("opensanctions_url", "LABORTRACE_OPENSANCTIONS_URL",
                "https://data.opensanctions.org/datasets/latest",
                "Base URL of OpenSanctions dataset exports used by `data pull`."),
        Setting("threshold", "LABORTRACE_THRESHOLD", "0.8",
                "Score from which a candidate counts as a match (0-1)."),
        Setting("review_threshold", "LABORTRACE_REVIEW_THRESHOLD", "0.6",
                "Score from which a weaker candidate is shown for review (0-1)."),
        Setting("workers", "LABORTRACE_WORKERS", "",
                "Worker processes for building the name index and bulk matching (empty: up to 2 CPUs)."),
        Setting("upstream_tiers", "LABORTRACE_UPSTREAM_TIERS", "2",
                "Tiers upstream (shipments, ownership) screening looks for forced-labour-list entities."),
        Setting("min_ownership_share", "LABORTRACE_MIN_OWNERSHIP_SHARE", "",
                "Ownership below this percent is not followed upstream (empty: any share, unknown shares too)."),
    )
}


def setting(name: str) -> str:
    """The current value of a declared setting (environment first, then default)."""
    return SETTINGS[name].value()


def workers_setting() -> int | None:
    """The setting `workers` as a number of processes (1 or more), or None when empty (choose from the CPUs)."""
    spec = SETTINGS["workers"]
    text = spec.value().strip()
    if not text:
        return None
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise ConfigError(f"setting workers ({spec.env}={text!r}) must be a whole number of processes, 1 or more, "
                          f"or empty to use up to 2 CPUs")
    return count
