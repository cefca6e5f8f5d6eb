"""Shared fixtures: a real SQLite workspace file per test, a private index cache, and a one-line entity factory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.proxy import EntityProxy

from labortrace.store import Store


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real workspace or cache."""
    monkeypatch.setenv("LABORTRACE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("LABORTRACE_DB", "sqlite:///" + str(tmp_path / "default.db"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return "sqlite:///" + str(tmp_path / "ws.db")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    st = Store(db_url)
    yield st
    st.close()


def make(schema: str = "Company", id: str = "e1", **props: str | list[str]) -> EntityProxy:
    """One-line entity factory: make(id='x', name='Acme', alias=['A', 'B'])."""
    proxy = model.make_entity(schema)
    proxy.id = id
    for prop, values in props.items():
        proxy.add(prop, values)
    return proxy
