"""Reading each input type from real files, and bad input that must give a clear outcome."""

from __future__ import annotations

import os
from pathlib import Path

import docx

from labortrace.evidence.extract import read_document
from tests.evidence.pdfs import scanned_pdf, text_pdf


def test_pdf_text_layer_is_read(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(text_pdf(["The ministry said the workers signed contracts freely.", "Second line."]))
    doc = read_document(path, name=path.name)
    assert doc.outcome == "ok"
    assert "signed contracts freely" in doc.text
    assert doc.claims and doc.claims[0].stance == "denies"


def test_pdf_without_text_layer_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    doc = read_document(path, name=path.name)
    assert doc.outcome == "no_text_layer"
    assert doc.claims == []


def test_docx_text_and_core_properties(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Transfer audit"
    document.core_properties.author = "Jane Roe"
    document.add_paragraph("Researchers said 3,666 villages sent workers under labour transfer quotas.")
    path = tmp_path / "audit.docx"
    document.save(str(path))
    doc = read_document(path, name=path.name)
    assert (doc.outcome, doc.title, doc.author) == ("ok", "Transfer audit", "Jane Roe")
    assert [q.value for q in doc.quantities] == [3666.0]
    assert {"state_quota", "state_labour_transfer"} <= set(doc.claims[0].indicators)


def test_html_full_of_scripts_keeps_only_the_article(tmp_path: Path) -> None:
    scripts = "<script>var a = 'forced labour';" + "x=1;" * 5000 + "</script>"
    html = (f"<html><head><title>Wire</title><meta name='author' content='Ann Writer'>{scripts}</head><body>"
            f"{scripts}<article><h1>Camps in Xinjiang</h1><p>Former detainees said they were sent to factories "
            "after the camps and could not leave the dormitories at night, according to the report.</p>"
            f"<p>The company denied the allegations and said its audit found no forced labour.</p></article>{scripts}"
            "</body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path, name=path.name)
    assert doc.outcome == "ok"
    assert "var a" not in doc.text and "x=1" not in doc.text
    assert doc.author == "Ann Writer"
    assert {"alleges", "denies"} <= {c.stance for c in doc.claims}


def test_binary_garbage_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 40 + os.urandom(2000))
    assert read_document(path, name=path.name).outcome == "unsupported"


def test_pdf_extension_on_garbage_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 100)
    assert read_document(path, name=path.name).outcome.startswith("error:")


def test_empty_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    assert read_document(path, name=path.name).outcome == "empty"


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    assert read_document(path, name=path.name, max_bytes=1000).outcome.startswith("error:")


def test_mixed_chinese_and_english(tmp_path: Path) -> None:
    text = "新疆劳动力转移：今年已有5万人转移就业。\nOfficials said the 50,000 workers signed contracts voluntarily."
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path, name=path.name)
    assert doc.outcome == "ok" and doc.language == "mixed"
    assert [q.value for q in doc.quantities] == [50000.0, 50000.0]
    assert any(c.stance == "denies" and c.speaker_type == "government" for c in doc.claims)
