"""report.html: escaped hostile text, no external requests, banner, counts and details that match the data."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from labortrace.errors import ConfigError
from labortrace.report import RENDERERS, render_html, write_report

URL_ATTRS = {"src", "href", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background", "ping"}


class Page(HTMLParser):
    """Collect the elements, attributes and text blocks a test needs to inspect."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._raw: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style"):
            self._raw = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        self._raw = None

    def handle_data(self, data: str) -> None:
        {"script": self.scripts, "style": self.styles}.get(self._raw or "", self.text).append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def _external_references(page: Page) -> list[str]:
    found = [v for _, attrs in page.tags for k, v in attrs.items() if k in URL_ATTRS and not v.startswith("#")]
    styles = page.styles + [a["style"] for _, a in page.tags if "style" in a]
    found += [s for s in styles if "@import" in s or "url(" in s]
    return found


def test_hostile_text_is_escaped_and_injects_nothing(hostile_doc: dict[str, Any]) -> None:
    html = render_html(hostile_doc)
    page = Page(html)
    assert [t for t, _ in page.tags].count("script") == 1  # ours, at the end of the body
    assert len(page.scripts) == 1 and "applyFilter" in page.scripts[0]
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert not page.find("img") and len(page.find("style")) == 1
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    text = "".join(page.text)
    assert "{{ 7*7 }}" in text and '"><img src=x onerror=alert(1)>' in text
    assert "x" * 5000 in text  # shown in full in the detail section


def test_no_external_references(sample_doc: dict[str, Any], hostile_doc: dict[str, Any]) -> None:
    sample_html = render_html(sample_doc)
    assert not re.search(r"https?://|//[a-z]", sample_html, re.IGNORECASE)
    for doc in (sample_doc, hostile_doc):
        assert _external_references(Page(render_html(doc))) == []


def test_external_reference_check_catches_one(sample_doc: dict[str, Any]) -> None:
    # Guard the guard: the checker must see a stylesheet link if a template ever gained one.
    html = render_html(sample_doc).replace("<title>", '<link rel="stylesheet" href="https://cdn.example/x.css"><title>', 1)
    assert _external_references(Page(html)) == ["https://cdn.example/x.css"]


def test_csp_pins_our_inline_script_by_hash(sample_doc: dict[str, Any]) -> None:
    page = Page(render_html(sample_doc))
    csp = page.find("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"]
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp


def test_fictional_banner_present_only_when_fictional(sample_doc: dict[str, Any]) -> None:
    banner = "FICTIONAL DEMO DATA — not real companies"
    assert banner in render_html(sample_doc)
    sample_doc["run"]["fictional"] = False
    assert banner not in render_html(sample_doc)
    del sample_doc["run"]["fictional"]
    assert banner not in render_html(sample_doc)


def test_summary_counts_equal_the_data(sample_doc: dict[str, Any]) -> None:
    html = render_html(sample_doc)
    page = Page(html)
    levels = [r["risk"]["level"] for r in sample_doc["results"]]
    expected = {level: levels.count(level) for level in ("high", "elevated", "review", "none")}
    assert expected == {"high": 4, "elevated": 4, "review": 6, "none": 26}
    shown = re.findall(r'data-level-count="(\w+)">(\d+)<', html)
    assert {level: int(n) for level, n in shown} == expected
    assert {level: len(page.find("tr", **{"data-level": level})) for level in expected} == expected
    for level, count in expected.items():
        assert f"<title>{level}: {count} rows</title>" in html  # chart bar, labelled


def test_every_flagged_row_has_a_detail_section(sample_doc: dict[str, Any]) -> None:
    page = Page(render_html(sample_doc))
    flagged = {r["row"] for r in sample_doc["results"] if r["risk"]["level"] != "none"}
    sections = {int(a["id"].removeprefix("row-")) for a in page.find("article")}
    assert sections == flagged
    links = {a["href"] for a in page.find("a") if a["href"].startswith("#row-")}
    assert links == {f"#row-{n}" for n in flagged}
    text = "".join(page.text)
    assert "The supplier's city lies in a region named in CBP withhold release orders" in text


def test_supplier_name_is_the_name_column_else_the_first(sample_doc: dict[str, Any]) -> None:
    row = sample_doc["results"][0]
    row["input"] = {"Supplier ID": "S-1", "Supplier Name": "北岭晨光棉纺有限公司"}
    assert '<a href="#row-1">北岭晨光棉纺有限公司</a>' in render_html(sample_doc)
    row["input"] = {"Code": "K-77", "Label": "whatever"}
    assert '<a href="#row-1">K-77</a>' in render_html(sample_doc)
    sample_doc["run"]["mapping"] = {"name": "Firma"}
    row["input"] = {"ID": "1", "Firma": "Acme Spinning"}
    assert '<a href="#row-1">Acme Spinning</a>' in render_html(sample_doc)


def test_audit_trail_shows_run_and_datasets(sample_doc: dict[str, Any]) -> None:
    text = " ".join(" ".join(Page(render_html(sample_doc)).text).split())
    for shown in ("suppliers_q2.xlsx", "run-2025-06-14-0001", "2025-06-14T09:30:00+00:00", "0.7", "0.6",
                  "name-tokens-v1", "name ← Supplier Name"):
        assert shown in text
    for ds in sample_doc["run"]["datasets"]:
        assert f"{ds['name']} {ds['kind']} {ds['version']}" in text


def test_rendering_is_deterministic(sample_doc: dict[str, Any]) -> None:
    assert render_html(sample_doc) == render_html(sample_doc)


def test_write_report_writes_every_registered_format(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    assert set(RENDERERS) >= {"json", "csv", "html"}
    paths = write_report(sample_doc, tmp_path / "out")
    assert {k: p.name for k, p in paths.items()} == {
        "json": "results.json", "csv": "results.csv", "html": "report.html"}
    assert all(p.stat().st_size > 0 for p in paths.values())
    assert paths["html"].read_text(encoding="utf-8") == render_html(sample_doc)


def test_write_report_refuses_unknown_format(sample_doc: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="choose from csv, html, json"):
        write_report(sample_doc, tmp_path, formats=["html", "pdf"])
    assert list(tmp_path.iterdir()) == []


def test_page_reads_without_script(sample_doc: dict[str, Any]) -> None:
    page = Page(render_html(sample_doc))
    # The filter controls do nothing without JS, so they start hidden; every row starts shown.
    assert "hidden" in page.find("div", id="row-controls")[0]
    assert not [a for t, a in page.tags if t == "tr" and "hidden" in a]
    flagged = sum(r["risk"]["level"] != "none" for r in sample_doc["results"])
    assert f'<span id="flagged-count">{flagged}</span> flagged' in render_html(sample_doc)


def test_bundled_assets_cannot_close_their_own_element() -> None:
    from importlib.resources import files

    assets = files("labortrace.report").joinpath("assets")
    assert "</style" not in assets.joinpath("report.css").read_text(encoding="utf-8").lower()
    assert "</script" not in assets.joinpath("report.js").read_text(encoding="utf-8").lower()


def test_public_api_is_listed() -> None:
    import labortrace.report as report

    public = {n for n in dir(report) if not n.startswith("_") and n not in {"annotations", "Any", "Callable",
              "Iterable", "Mapping", "Path", "ConfigError"}}
    assert sorted(report.__all__) == report.__all__
    assert public == set(report.__all__)
