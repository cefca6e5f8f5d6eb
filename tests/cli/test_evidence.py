"""Evidence end to end: ingest real files and a URL on 127.0.0.1, link claims to entities, show both sides in screening."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from labortrace.service import Workspace
from labortrace.store.evidence_store import documents
from tests.cli.test_cli import run, write_list

ARTICLE = """Uyghur workers sent to chemical plants, rights group says

FICTIONAL TEST ARTICLE for labortrace.

Xinjiang Zhongtai Chemical took part in a labour transfer programme that moved more than 100 Uyghur workers to its plants, according to the Uyghur Rights Project. "Workers could not refuse the assignments and their passports were held by managers," the Uyghur Rights Project said in its report.

A spokesperson for the Xinjiang regional government rejected the allegations as groundless. "All workers sign contracts and choose their jobs freely," he said.
"""

DENIAL_ONLY = """Garment maker answers questions

FICTIONAL TEST ARTICLE for labortrace.

Hubei Huaxin Garment rejected the allegations as groundless. "Our workers sign contracts and choose their jobs freely," a spokesperson for Hubei Huaxin Garment said.
"""


@pytest.fixture
def workspace(tmp_path: Path, db_url: str) -> Iterator[Workspace]:
    ws = Workspace(db_url)
    ws.load(write_list(tmp_path / "list.ftm.json"), dataset="us_dhs_uflpa")
    yield ws
    ws.close()


def test_ingest_links_claims_and_keeps_exact_quotes(workspace: Workspace, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (outcome,) = workspace.ingest([str(tmp_path / "a.txt")])
    assert outcome.stored and outcome.document.outcome == "ok"
    assert outcome.links.get("Xinjiang Zhongtai Chemical") == "zt"
    text = outcome.document.text
    for claim in outcome.document.claims:
        assert text[claim.start : claim.end] == claim.text
    _, evidence = workspace.evidence("zt")
    stances = {e["stance"] for e in evidence["zt"]}
    assert {"alleges", "denies"} <= stances
    assert all(e["link"] in ("mention", "speaker", "paragraph", "lead") for e in evidence["zt"])


def test_screening_shows_both_sides_and_only_allegations_raise_risk(workspace: Workspace, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DENIAL_ONLY, encoding="utf-8")
    workspace.ingest([str(tmp_path)])
    suppliers = tmp_path / "s.csv"
    suppliers.write_text("Supplier Name\nXinjiang Zhongtai Chemical Co Ltd\nHubei Huaxin Garment\n", encoding="utf-8")
    outcome = workspace.screen(suppliers, out_dir=tmp_path / "out")
    zt, hx = outcome.doc["results"]
    evidence = zt["matches"][0]["evidence"]
    assert {e["stance"] for e in evidence} >= {"alleges", "denies"}
    assert any("allege forced labour" in r and "deny it" in r for r in zt["risk"]["reasons"])
    # a denial is shown but never lowers a list-based level, and never raises one either
    assert hx["risk"]["level"] == "high"
    assert all("allege" not in r for r in hx["risk"]["reasons"])
    assert any(e["stance"] == "denies" for e in hx["matches"][0]["evidence"])
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "Allegations" in html and "Denials" in html and "choose their jobs freely" in html


def test_bad_documents_get_an_outcome_and_the_batch_goes_on(workspace: Workspace, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "garbage.pdf").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "page.html").write_text("<html><script>alert(1)</script><body><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></body></html>", encoding="utf-8")
    outcomes = {Path(o.document.source).name: o for o in workspace.ingest([str(tmp_path), str(tmp_path / "missing.txt")])}
    assert outcomes["good.txt"].stored and outcomes["page.html"].stored
    assert not outcomes["empty.txt"].stored and outcomes["empty.txt"].document.outcome == "empty"
    assert not outcomes["garbage.pdf"].stored and outcomes["garbage.pdf"].document.outcome != "ok"
    assert outcomes["missing.txt"].document.outcome.startswith("error")
    assert "alert(1)" not in outcomes["page.html"].document.text
    stored = {d["source"] for d in documents(workspace.store.engine)}
    assert {Path(s).name for s in stored} == {"good.txt", "page.html"}


@pytest.fixture
def server() -> Iterator[str]:
    pages = {"/article.html": ("<html><head><title>Chemical plants</title></head><body><article><p>"
                               + ARTICLE.replace("\n\n", "</p><p>") + "</p></article></body></html>").encode()}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = pages.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ingest_cli_reads_urls_and_writes_json(server: str, tmp_path: Path, db_url: str) -> None:
    assert run("load", str(write_list(tmp_path / "l.ftm.json")), "--dataset", "us_dhs_uflpa", db=db_url, cwd=tmp_path).returncode == 0
    out = tmp_path / "ev.json"
    res = run("ingest", f"{server}/article.html", f"{server}/missing.html", "--json", str(out), db=db_url, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    docs = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert docs[0]["outcome"] == "ok" and "404" in docs[1]["outcome"]
    claim_keys = {"text", "start", "end", "speaker", "speaker_type", "stance", "indicators", "entities"}
    assert docs[0]["claims"] and all(claim_keys <= set(c) for c in docs[0]["claims"])
    assert any("zt" in c["entities"] for c in docs[0]["claims"])
    assert any(q["value"] == 100 for q in docs[0]["quantities"])
    res = run("evidence", "Xinjiang Zhongtai Chemical", db=db_url, cwd=tmp_path)
    assert res.returncode == 0 and "alleges" in res.stdout and "denies" in res.stdout
