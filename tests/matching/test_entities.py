"""The packed entity table: list values survive a cache round trip whatever characters they hold."""

from __future__ import annotations

from pathlib import Path

from labortrace.matching.index import IndexedEntity, NameIndex


def test_list_values_holding_the_packing_separators_reload_unchanged(tmp_path: Path) -> None:
    odd = IndexedEntity("e1", "Company", "Acme Trading", ["list\x1eone", "\x1b"],
                        names=["Acme Trading"], addresses=["Room 1\x1eBlock 2", "a\x1b\x1eb", "", "\x1b\x1b\x1e"],
                        countries=["cn"], identifiers=["ID\x1e7"])
    plain = IndexedEntity("e2", "Company", "Beta Textile", [], names=["Beta Textile"], addresses=[""], countries=[])
    built = NameIndex([odd, plain], "fp")
    built.save(tmp_path / "index.idx")
    loaded = NameIndex.load(tmp_path / "index.idx")
    assert loaded is not None
    assert list(loaded.entities) == [odd, plain]
    assert loaded.entity_summary(0) == ("e1", "Acme Trading", ("list\x1eone", "\x1b"))
