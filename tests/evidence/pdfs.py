"""Write tiny PDFs by hand: one with a text layer, one that is only a drawing (like a scan)."""

from __future__ import annotations


def _pdf(content: bytes, with_font: bool) -> bytes:
    font = b" /Resources << /Font << /F1 5 0 R >> >>" if with_font else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R" + font + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (ASCII)."""
    ops = b"BT /F1 11 Tf 72 720 Td 14 TL " + b" ".join(
        b"(" + line.replace("(", "\\(").replace(")", "\\)").encode("ascii") + b") Tj T*" for line in lines) + b" ET"
    return _pdf(ops, with_font=True)


def scanned_pdf() -> bytes:
    """A one-page PDF with only filled rectangles: pages but no text layer."""
    return _pdf(b"0.2 g 72 600 300 100 re f 72 400 200 50 re f", with_font=False)
