"""fetch_dataset against a real HTTP server on 127.0.0.1 serving a small OpenSanctions layout."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from labortrace.errors import ConfigError, FetchError
from labortrace.model.records import DATASET_KINDS
from labortrace.sources.catalog import KNOWN_DATASETS, kind_for
from labortrace.sources.ftm import read_ftm
from labortrace.sources.opensanctions import BASE_URL_ENV, attribution_notice, fetch_dataset

ENTITIES = (
    json.dumps({"id": "us-uflpa-1", "schema": "Company", "datasets": ["us_dhs_uflpa"],
                "properties": {"name": ["Xinjiang Example Cotton Co., Ltd."], "country": ["cn"]}}) + "\n"
).encode() * 40


class Site:
    """Files by path; 'truncate' paths announce more bytes than they send, then hang up."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.truncate: set[str] = set()

    def index(self, name: str, body: bytes, *, checksum: str | None = None, size: int | None = None) -> None:
        resource = {
            "name": "entities.ftm.json", "url": f"/files/{name}/entities.ftm.json",
            "checksum": checksum or hashlib.sha1(body).hexdigest(),
            "size": len(body) if size is None else size, "mime_type": "application/json",
        }
        index = {"name": name, "title": "US UFLPA Entity List", "version": "20240601120000-abc",
                 "resources": [{"name": "targets.simple.csv", "url": "/x.csv"}, resource]}
        self.files[f"/base/{name}/index.json"] = json.dumps(index).encode()
        self.files[f"/files/{name}/entities.ftm.json"] = body


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    content = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            body = content.files.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2] if self.path in content.truncate else body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield content, f"http://127.0.0.1:{server.server_address[1]}/base"
    server.shutdown()
    server.server_close()
    thread.join()


def test_fetch_success(site: tuple[Site, str], tmp_path: Path) -> None:
    content, base = site
    content.index("us_dhs_uflpa", ENTITIES)
    seen: list[tuple[int, int | None]] = []
    got = fetch_dataset("us_dhs_uflpa", tmp_path, base_url=base, progress=lambda d, t: seen.append((d, t)))
    assert got.version == "20240601120000-abc" and got.title == "US UFLPA Entity List"
    assert got.sha256 == hashlib.sha256(ENTITIES).hexdigest() and got.size == len(ENTITIES)
    assert got.path.read_bytes() == ENTITIES and got.path.parent == tmp_path
    assert got.url.endswith("/files/us_dhs_uflpa/entities.ftm.json") and got.license == "CC-BY-NC-4.0"
    assert seen[-1] == (len(ENTITIES), len(ENTITIES))
    assert [e.id for e in read_ftm(got.path)][:1] == ["us-uflpa-1"]
    assert list(tmp_path.iterdir()) == [got.path]


def test_base_url_from_environment(site: tuple[Site, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content, base = site
    content.index("us_cbp_forced_labor", ENTITIES)
    monkeypatch.setenv(BASE_URL_ENV, base)
    assert fetch_dataset("us_cbp_forced_labor", tmp_path).size == len(ENTITIES)


def test_checksum_mismatch_leaves_no_file(site: tuple[Site, str], tmp_path: Path) -> None:
    content, base = site
    content.index("us_dhs_uflpa", ENTITIES, checksum="0" * 40)
    with pytest.raises(FetchError, match="checksum mismatch") as info:
        fetch_dataset("us_dhs_uflpa", tmp_path, base_url=base)
    assert info.value.file is not None and info.value.file.endswith("entities.ftm.json")
    assert list(tmp_path.iterdir()) == []


def test_unknown_dataset_is_404(site: tuple[Site, str], tmp_path: Path) -> None:
    _, base = site
    with pytest.raises(FetchError, match=f"no dataset named 'nope' at {base}") as info:
        fetch_dataset("nope", tmp_path, base_url=base)
    assert info.value.file == f"{base}/nope/index.json"


def test_missing_resource_file_gives_status(site: tuple[Site, str], tmp_path: Path) -> None:
    content, base = site
    content.index("us_dhs_uflpa", ENTITIES)
    del content.files["/files/us_dhs_uflpa/entities.ftm.json"]
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_dataset("us_dhs_uflpa", tmp_path, base_url=base)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("announced", [None, 10])
def test_size_over_limit(site: tuple[Site, str], tmp_path: Path, announced: int | None) -> None:
    content, base = site
    content.index("us_dhs_uflpa", ENTITIES, size=announced)  # 10: the index lies, the stream is checked
    with pytest.raises(FetchError, match="over the limit of 100 bytes"):
        fetch_dataset("us_dhs_uflpa", tmp_path, base_url=base, max_bytes=100)
    assert list(tmp_path.iterdir()) == []


def test_connection_closed_early(site: tuple[Site, str], tmp_path: Path) -> None:
    content, base = site
    content.index("us_dhs_uflpa", ENTITIES)
    content.truncate.add("/files/us_dhs_uflpa/entities.ftm.json")
    with pytest.raises(FetchError, match="download failed") as info:
        fetch_dataset("us_dhs_uflpa", tmp_path, base_url=base)
    assert info.value.file is not None and info.value.file.endswith("entities.ftm.json")
    assert list(tmp_path.iterdir()) == []


def test_bad_name_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        fetch_dataset("../etc", tmp_path, base_url="http://127.0.0.1:9")


def test_catalog_kinds_and_attribution() -> None:
    assert all(d.kind in DATASET_KINDS and d.name == key for key, d in KNOWN_DATASETS.items())
    assert kind_for("us_dhs_uflpa", ["sanction"]) == "forced_labour_list"
    assert kind_for("us_cbp_forced_labor", ["sanction"]) == "forced_labour_list"
    assert kind_for("some_new_list", ["sanction"]) == "sanctions"
    assert kind_for("some_new_list", ["forced.labor"]) == "research"
    assert kind_for("some_new_list") is None
    notice = attribution_notice("us_dhs_uflpa")
    assert "OpenSanctions" in notice and "CC BY-NC 4.0" in notice and "Homeland Security" in notice
    assert "Customs and Border Protection" in attribution_notice("us_cbp_forced_labor")
