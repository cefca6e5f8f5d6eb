"""One generated demo folder shared by the demo tests (generation is deterministic)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from labortrace.demo import DemoFiles, generate_demo


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    return generate_demo(tmp_path_factory.mktemp("demo"))


def read_ftm(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def entities(demo: DemoFiles) -> dict[str, list[dict[str, Any]]]:
    return {name: read_ftm(path) for name, path in demo.datasets.items()}


@pytest.fixture(scope="session")
def expected(demo: DemoFiles) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(demo.expected.read_text(encoding="utf-8"))
    return document
