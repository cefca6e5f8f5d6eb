"""Read .txt, .md, .html, .pdf and .docx into a Document; bad input gives an outcome, never an exception."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from labortrace.evidence.model import Document

SUPPORTED = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def read_bytes(data: bytes, *, name: str, max_bytes: int = 50_000_000) -> Document:
    """Turn the bytes of one file into a Document with metadata, text and an outcome."""
    doc = Document(id=_doc_id(name, data), title=Path(name).stem, source=name)
    if len(data) > max_bytes:
        doc.outcome = f"error: {len(data):,} bytes is over the {max_bytes:,}-byte limit; split the file"
        return doc
    if not data.strip():
        doc.outcome = "empty"
        return doc
    kind = _kind(data, name)
    try:
        if kind == "pdf":
            _read_pdf(doc, data)
        elif kind == "docx":
            _read_docx(doc, data)
        elif kind == "html":
            _read_html(doc, data)
        elif kind == "text":
            _read_text(doc, data)
        elif kind == "corrupt":
            suffix = Path(name).suffix.lower()
            doc.outcome = (f"error: {Path(name).name} is not a valid {suffix} file (its bytes are not {suffix[1:].upper()}); "
                           "open and re-save it, or export it again")
        else:
            doc.outcome = "unsupported"
    except Exception as exc:  # noqa: BLE001 - a broken file must not stop the batch
        doc.text = ""
        doc.outcome = (f"error: cannot read {Path(name).name} as {kind}: {type(exc).__name__}: {exc}"[:300]
                       + "; open and re-save it, or export it again")
    if doc.outcome == "ok":
        doc.text = _tidy(doc.text)
        if not doc.text.strip():
            doc.outcome = "empty"
        doc.language = doc.language or guess_language(doc.text)
    return doc


def _doc_id(name: str, data: bytes) -> str:
    return "doc-" + hashlib.sha256(name.encode() + b"\0" + data).hexdigest()[:16]


def _kind(data: bytes, name: str) -> str:
    """Decide the format from magic bytes first, then from the extension."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if suffix in (".docx", "") or b"word/" in data[:4096] else "binary"
    if suffix in (".pdf", ".docx"):
        return "corrupt"  # the extension promises a format the bytes do not have
    head = data[:2048].lower()
    if suffix in (".html", ".htm") or b"<html" in head or b"<!doctype html" in head:
        return "html"
    if suffix in (".txt", ".md", ""):
        return "text"
    return "other"


def _decode(data: bytes) -> str | None:
    """Decode text bytes, or None when they are not text."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else None


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    return bool(sample) and len(_CONTROL.findall(sample)) > 0.02 * len(sample)


def _read_text(doc: Document, data: bytes) -> None:
    text = _decode(data)
    if text is None or _looks_binary(text):
        doc.outcome = "unsupported"
        return
    doc.text = text
    first = text.strip().splitlines()[0].lstrip("# ").strip() if text.strip() else ""
    if first and len(first) < 200:
        doc.title = first


def _read_html(doc: Document, data: bytes) -> None:
    import trafilatura

    text = _decode(data)
    if text is None or _looks_binary(text):
        doc.outcome = "unsupported"
        return
    result = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if result is None:
        doc.outcome = "empty"
        return
    meta = result if isinstance(result, dict) else result.as_dict()
    doc.text = str(meta.get("text") or "")
    doc.title = str(meta.get("title") or doc.title)
    doc.author = meta.get("author") or None
    doc.outlet = meta.get("sitename") or None
    doc.date = meta.get("date") or None
    doc.language = meta.get("language") or None


def _read_pdf(doc: Document, data: bytes) -> None:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf = pdfium.PdfDocument(data)
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        meta = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    doc.text = "\n\n".join(pages)
    doc.title = meta.get("Title") or doc.title
    doc.author = meta.get("Author") or None
    date = meta.get("CreationDate", "")
    if re.match(r"D:\d{8}", date):
        doc.date = f"{date[2:6]}-{date[6:8]}-{date[8:10]}"
    if pages and not doc.text.strip():
        doc.outcome = "no_text_layer"  # pages exist but carry no text: a scan, needs OCR


def _read_docx(doc: Document, data: bytes) -> None:
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    # headings, paragraphs and tables in document order; a table row reads as its cells joined by tabs
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks += [_docx_row(row) for row in item.rows]
        else:
            blocks.append(item.text)
    doc.text = "\n\n".join(b for b in blocks if b.strip())
    props = document.core_properties
    doc.title = props.title or doc.title
    doc.author = props.author or None
    doc.date = props.created.date().isoformat() if props.created else None


def _docx_row(row: Any) -> str:
    """A table row's text: each cell once (merged cells repeat in python-docx), tab-separated."""
    cells: list[Any] = []
    for cell in row.cells:
        if not any(cell._tc is seen._tc for seen in cells):
            cells.append(cell)
    return "\t".join(cell.text.strip() for cell in cells)


def _tidy(text: str) -> str:
    """Normalise line ends and drop control characters, keeping one character per character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)


def guess_language(text: str) -> str | None:
    """Guess 'zh', 'en' or 'mixed' from the share of Han and Latin letters."""
    sample = text[:20000]
    han, latin = len(_CJK.findall(sample)), len(_LATIN.findall(sample))
    if han + latin == 0:
        return None
    if han > 4 * latin:
        return "zh"
    if latin > 20 * han:
        return "en"
    return "mixed"
