"""generate_demo: files, determinism, declared datasets."""

from __future__ import annotations

import zipfile
from pathlib import Path

from labortrace.demo import DEMO_DATASETS, DemoFiles, generate_demo
from labortrace.model.records import DATASET_KINDS


def _all_bytes(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_two_runs_are_byte_identical(tmp_path: Path) -> None:
    first = generate_demo(tmp_path / "a")
    second = generate_demo(tmp_path / "b")
    assert _all_bytes(first.directory) == _all_bytes(second.directory)
    assert len(_all_bytes(first.directory)) == 6


def test_another_seed_gives_other_data(tmp_path: Path) -> None:
    default = generate_demo(tmp_path / "a")
    other = generate_demo(tmp_path / "b", seed=7)
    assert default.suppliers_csv.read_bytes() != other.suppliers_csv.read_bytes()
    name = "demo_forced_labour_list"
    assert default.datasets[name].read_bytes() != other.datasets[name].read_bytes()


def test_returned_paths_exist_and_match_declared_datasets(demo: DemoFiles) -> None:
    assert set(demo.datasets) == {d.name for d in DEMO_DATASETS}
    for dataset in DEMO_DATASETS:
        assert demo.datasets[dataset.name] == demo.directory / dataset.filename
        assert demo.datasets[dataset.name].is_file()
    for path in (demo.suppliers_csv, demo.suppliers_xlsx, demo.expected):
        assert path.is_file() and path.parent == demo.directory


def test_declared_kinds_are_known_dataset_kinds() -> None:
    kinds = {d.name: d.kind for d in DEMO_DATASETS}
    assert kinds == {"demo_forced_labour_list": "forced_labour_list", "demo_research": "research",
                     "demo_companies": "registry"}
    assert set(kinds.values()) <= set(DATASET_KINDS)
    assert all(d.title and "demo" in d.title for d in DEMO_DATASETS)


def test_creates_missing_parent_folders(tmp_path: Path) -> None:
    files = generate_demo(tmp_path / "deep" / "er")
    assert files.expected.is_file()


def test_xlsx_carries_no_generation_time(demo: DemoFiles) -> None:
    # Byte-identical output across runs needs fixed zip-entry and document-property times.
    with zipfile.ZipFile(demo.suppliers_xlsx) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2020, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert core.count("2020-01-01T00:00:00Z") == 2
