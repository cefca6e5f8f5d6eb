"""read_ftm: FtM JSON lines as OpenSanctions publishes them, dropped-value counts, and errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model

from labortrace.errors import InputError
from labortrace.sources.ftm import FtmStats, read_ftm

UFLPA_ENTITY: dict[str, Any] = {
    "id": "us-uflpa-xinjiang-example",
    "schema": "Company",
    "caption": "Xinjiang Example Cotton Co., Ltd.",
    "datasets": ["us_dhs_uflpa"],
    "first_seen": "2023-06-09T00:00:00",
    "target": True,
    "properties": {
        "name": ["Xinjiang Example Cotton Co., Ltd.", "新疆示例棉业有限公司"],
        "country": ["cn", "XX", "China"],
        "incorporationDate": ["not a date", "2010-05-01"],
        "uscCode": ["91650100MA786G142T", "91650100MA786G142X"],
        "email": ["not-an-email", "info@example.cn"],
        "topics": ["sanction"],
        "madeUpProperty": ["a", "b"],
    },
}


def write_lines(path: Path, *objects: Any, raw: list[str] | None = None) -> Path:
    lines = [json.dumps(o, ensure_ascii=False) for o in objects] + (raw or [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_entity_with_context_and_counts_dropped_values(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "entities.ftm.json", UFLPA_ENTITY)
    stats = FtmStats()
    [entity] = list(read_ftm(path, stats))
    assert entity.id == "us-uflpa-xinjiang-example"
    assert entity.get("country") == ["cn"]
    assert entity.get("incorporationDate") == ["2010-05-01"]
    assert entity.get("uscCode") == ["91650100MA786G142T"]
    assert entity.context["datasets"] == ["us_dhs_uflpa"] and entity.context["target"] is True
    assert stats.lines == 1 and stats.entities == 1
    assert stats.dropped == {
        ("Company", "country"): 1,  # 'XX'; 'China' cleans to 'cn' and merges
        ("Company", "incorporationDate"): 1,
        ("Company", "uscCode"): 1,
        ("Company", "email"): 1,
    }
    assert stats.unknown_properties == {("Company", "madeUpProperty"): 2}


def test_same_entity_as_followthemoney_get_proxy(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "e.json", UFLPA_ENTITY)
    [entity] = list(read_ftm(path))
    assert entity.to_dict() == model.get_proxy(UFLPA_ENTITY, cleaned=False).to_dict()


def test_equal_after_cleaning_is_merged_not_dropped(tmp_path: Path) -> None:
    entity = {"id": "x", "schema": "Company", "properties": {"name": [" Acme ", "Acme"], "country": ["CN", "cn"]}}
    stats = FtmStats()
    [proxy] = list(read_ftm(write_lines(tmp_path / "e.json", entity), stats))
    assert proxy.get("name") == ["Acme"] and proxy.get("country") == ["cn"]
    assert not stats.dropped


def test_gzip_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json.gz"
    body = json.dumps(UFLPA_ENTITY) + "\n\n" + json.dumps({**UFLPA_ENTITY, "id": "two"}) + "\n"
    path.write_bytes(gzip.compress(body.encode()))
    stats = FtmStats()
    assert [e.id for e in read_ftm(path, stats)] == ["us-uflpa-xinjiang-example", "two"]
    assert stats.lines == 3 and stats.entities == 2


def test_streams_lazily(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "e.json", UFLPA_ENTITY, raw=["{not json"])
    entities = read_ftm(path)
    assert next(entities).id == UFLPA_ENTITY["id"]  # the bad second line is not read yet
    with pytest.raises(InputError):
        next(entities)


@pytest.mark.parametrize(
    ("line", "column", "words"),
    [
        ("{not json", None, "not valid JSON"),
        ('["a list"]', None, "expected an object"),
        ('{"schema": "Company", "properties": {}}', "id", "no id"),
        ('{"id": "x", "properties": {}}', "schema", "no schema"),
        ('{"id": "x", "schema": "Spaceship"}', "schema", "unknown FollowTheMoney schema"),
        ('{"id": "x", "schema": "Company", "properties": ["name"]}', "properties", "not an object"),
    ],
)
def test_bad_line_names_file_row_and_column(tmp_path: Path, line: str, column: str | None, words: str) -> None:
    path = write_lines(tmp_path / "e.json", UFLPA_ENTITY, raw=[line])
    with pytest.raises(InputError) as info:
        list(read_ftm(path))
    assert info.value.file == str(path) and info.value.row == 2
    assert info.value.column == column and words in info.value.message


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text("\n\n")
    with pytest.raises(InputError, match="no entities"):
        list(read_ftm(path))


def test_line_too_long(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "e.json", UFLPA_ENTITY)
    with pytest.raises(InputError, match="longer than 100 bytes") as info:
        list(read_ftm(path, max_line_bytes=100))
    assert info.value.row == 1


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "e.json.gz"
    path.write_bytes(b"\x1f\x8b" + b"this is not deflate data" * 4)
    with pytest.raises(InputError, match="compressed"):
        list(read_ftm(path))
