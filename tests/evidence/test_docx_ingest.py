"""A real .docx (headings, paragraphs, a table, Han text) through the public ingest path, and a corrupt one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from labortrace.service import Workspace
from labortrace.store import schema

ALLEGATION = ("Researchers at the Harbor Labour Institute said that 3,666 villages sent workers to factories "
              "under labour transfer quotas.")
DENIAL = "A spokesperson for the regional government rejected the allegations as groundless."
HAN = "新疆棉花公司表示，所有工人都签订了劳动合同。"


def _write_docx(path: Path) -> None:
    """A FICTIONAL report: title heading, body paragraphs, a sub-heading, a two-row table and a Han line."""
    document = docx.Document()
    document.core_properties.title = "Transfer audit"
    document.add_heading("Transfer audit", level=1)
    document.add_paragraph(ALLEGATION)
    document.add_heading("Responses", level=2)
    document.add_paragraph(DENIAL)
    table = document.add_table(rows=2, cols=2)
    for (row, col), value in {(0, 0): "Factory", (0, 1): "Workers", (1, 0): "Aksu Mill", (1, 1): "260"}.items():
        table.cell(row, col).text = value
    document.add_paragraph(HAN)
    document.save(str(path))


@pytest.fixture
def workspace(db_url: str) -> Iterator[Workspace]:
    ws = Workspace(db_url)
    yield ws
    ws.close()


def test_docx_is_ingested_with_headings_tables_han_text_and_exact_offsets(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "audit.docx"
    _write_docx(path)
    (outcome,) = workspace.ingest([str(path)])
    assert outcome.stored and outcome.document.outcome == "ok"
    with workspace.store.engine.connect() as conn:
        stored = conn.execute(select(schema.documents.c.text, schema.documents.c.title)).one()
        claims = conn.execute(select(schema.claims.c.text, schema.claims.c.start, schema.claims.c.end,
                                     schema.claims.c.stance).order_by(schema.claims.c.idx)).all()
    text = stored.text
    assert stored.title == "Transfer audit"
    # every block in document order: headings, paragraphs, the table row by row, the Han line
    order = ["Transfer audit", ALLEGATION, "Responses", DENIAL, "Factory\tWorkers", "Aksu Mill\t260", HAN]
    positions = [text.index(block) for block in order]
    assert positions == sorted(positions)
    assert outcome.document.language == "mixed"
    assert claims, "the allegation and the denial are claims"
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
    by_stance = {c.stance: c for c in claims}
    assert ALLEGATION.index("3,666") + text.index(ALLEGATION) in range(by_stance["alleges"].start, by_stance["alleges"].end)
    assert text.index(DENIAL) <= by_stance["denies"].start < text.index(DENIAL) + len(DENIAL)


def test_corrupt_docx_is_an_error_naming_the_file_and_the_batch_goes_on(workspace: Workspace, tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    _write_docx(good)
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good.read_bytes()[:700])  # a zip cut short: starts like a .docx, cannot be opened
    renamed = tmp_path / "notes.docx"
    renamed.write_bytes(b"plain text that was given a .docx name\n")
    outcomes = {Path(o.document.source).name: o for o in workspace.ingest([str(tmp_path)])}
    assert outcomes["good.docx"].stored
    for name in ("truncated.docx", "notes.docx"):
        result = outcomes[name]
        assert not result.stored
        assert result.document.outcome.startswith("error:") and name in result.document.outcome
    with workspace.store.engine.connect() as conn:
        sources = [Path(s).name for s in conn.execute(select(schema.documents.c.source)).scalars()]
    assert sources == ["good.docx"]


def test_merged_table_cells_are_read_once(tmp_path: Path) -> None:
    from labortrace.evidence.reading import read_bytes

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    header = table.cell(0, 0).merge(table.cell(0, 1))  # python-docx then repeats this cell in the row
    header.text = "Aksu Mill"
    table.cell(0, 2).text = "260"
    for col, value in enumerate(("Hotan Yarn", "Kashgar", "75")):
        table.cell(1, col).text = value
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert len(table.rows[0].cells) == 3  # the merged cell is there twice: the reader must drop the repeat
    doc = read_bytes(path.read_bytes(), name=path.name)
    assert doc.text.splitlines()[::2] == ["Aksu Mill\t260", "Hotan Yarn\tKashgar\t75"]
