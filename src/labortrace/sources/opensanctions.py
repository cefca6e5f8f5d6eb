"""Download an OpenSanctions dataset's entities.ftm.json, verified, never leaving half a file.

Layout (https://www.opensanctions.org/docs/bulk/): ``{base}/{name}/index.json`` holds ``version``,
``title`` and ``resources``; each resource has ``name``, ``url``, ``checksum`` (SHA1 of the file),
``size`` and ``mime_type``. We fetch the index, pick the ``entities.ftm.json`` resource, stream it
to a temporary file beside the destination while hashing (SHA1 to verify, SHA256 to record) and
counting bytes, and rename it into place only when it is complete and verified.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx

from labortrace.errors import ConfigError, FetchError
from labortrace.sources.catalog import KNOWN_DATASETS

DEFAULT_BASE_URL = "https://data.opensanctions.org/datasets/latest"
BASE_URL_ENV = "LABORTRACE_OPENSANCTIONS_URL"
RESOURCE = "entities.ftm.json"
LICENSE = "CC-BY-NC-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by-nc/4.0/"
_NAME = re.compile(r"^[a-z0-9_]+$")
_CHUNK = 1 << 16

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class FetchedDataset:
    """A verified download: where it lies, which version, and its hashes."""

    name: str
    path: Path
    url: str
    version: str
    sha256: str
    size: int
    title: str | None
    license: str


def attribution_notice(name: str) -> str:
    """The credit line to show wherever data from this dataset appears."""
    known = KNOWN_DATASETS.get(name)
    source = f" Original publisher: {known.publisher} ({known.publisher_url})." if known else ""
    return (
        f"Data: OpenSanctions dataset '{name}' (https://www.opensanctions.org/datasets/{name}/), "
        f"licensed CC BY-NC 4.0 ({LICENSE_URL}); commercial use needs a licence from "
        f"OpenSanctions.{source}"
    )


def _get_json(client: httpx.Client, url: str, name: str, base: str) -> dict[str, Any]:
    response = client.get(url)
    if response.status_code == 404:
        raise FetchError(f"no dataset named {name!r} at {base}", file=url)
    if response.status_code != 200:
        raise FetchError(f"HTTP {response.status_code} fetching the dataset index", file=url)
    try:
        data = response.json()
    except ValueError as exc:
        raise FetchError(f"the dataset index is not JSON: {exc}", file=url) from exc
    if not isinstance(data, dict):
        raise FetchError("the dataset index is not a JSON object", file=url)
    return data


def _resource(index: dict[str, Any], index_url: str) -> dict[str, Any]:
    for resource in index.get("resources") or []:
        if isinstance(resource, dict) and resource.get("name") == RESOURCE and resource.get("url"):
            return resource
    raise FetchError(f"the dataset index lists no {RESOURCE} resource", file=index_url)


def _check_size(size: int | None, max_bytes: int, url: str) -> None:
    if size is not None and size > max_bytes:
        raise FetchError(f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes", file=url)


def _stream(
    client: httpx.Client, url: str, handle: Any, max_bytes: int, progress: Progress | None
) -> tuple[int, str, str]:
    """Write the body to handle; returns (bytes, sha1, sha256)."""
    sha1, sha256, done = hashlib.sha1(), hashlib.sha256(), 0
    with client.stream("GET", url) as response:
        if response.status_code != 200:
            raise FetchError(f"HTTP {response.status_code} downloading the data", file=url)
        length = response.headers.get("content-length")
        total = int(length) if length and length.isdigit() else None
        _check_size(total, max_bytes, url)
        for chunk in response.iter_bytes(_CHUNK):
            done += len(chunk)
            _check_size(done, max_bytes, url)
            sha1.update(chunk)
            sha256.update(chunk)
            handle.write(chunk)
            if progress is not None:
                progress(done, total)
    return done, sha1.hexdigest(), sha256.hexdigest()


def _safe(version: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", version) or "unversioned"


def fetch_dataset(
    name: str,
    dest_dir: Path,
    *,
    base_url: str | None = None,
    max_bytes: int = 2_000_000_000,
    timeout: float = 60.0,
    progress: Progress | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchedDataset:
    """Download NAME's entities.ftm.json into dest_dir as NAME_VERSION.ftm.json, checksum verified."""
    if not _NAME.match(name):
        raise ConfigError(f"{name!r} is not an OpenSanctions dataset name (lowercase, digits, _)")
    base = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
    index_url = f"{base}/{name}/index.json"
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    with httpx.Client(transport=transport, timeout=timeout, follow_redirects=True) as client:
        try:
            return _fetch(client, name, base, index_url, dest_dir, max_bytes, progress)
        except httpx.HTTPError as exc:
            url = str(exc.request.url) if _has_request(exc) else index_url
            raise FetchError(f"download failed: {type(exc).__name__}: {exc}", file=url) from exc


def _has_request(exc: httpx.HTTPError) -> bool:
    try:
        exc.request  # noqa: B018 (raises RuntimeError when unset)
    except RuntimeError:
        return False
    return True


def _fetch(
    client: httpx.Client, name: str, base: str, index_url: str, dest_dir: Path, max_bytes: int,
    progress: Progress | None,
) -> FetchedDataset:
    index = _get_json(client, index_url, name, base)
    resource = _resource(index, index_url)
    url = urljoin(index_url, str(resource["url"]))
    expected_size = resource.get("size") if isinstance(resource.get("size"), int) else None
    _check_size(expected_size, max_bytes, url)
    version = str(index.get("version") or index.get("last_export") or "unversioned")
    target = dest_dir / f"{name}_{_safe(version)}.ftm.json"
    fd, tmp_name = tempfile.mkstemp(dir=dest_dir, prefix=f".{name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            size, sha1, sha256 = _stream(client, url, handle, max_bytes, progress)
        _verify(resource, url, size, sha1)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    title = index.get("title")
    return FetchedDataset(name, target, url, version, sha256, size, title if isinstance(title, str) else None, LICENSE)


def _verify(resource: dict[str, Any], url: str, size: int, sha1: str) -> None:
    expected_size = resource.get("size")
    if isinstance(expected_size, int) and expected_size != size:
        raise FetchError(f"got {size:,} bytes, the index says {expected_size:,}; try again", file=url)
    checksum = resource.get("checksum")
    if checksum and str(checksum).lower() != sha1:
        raise FetchError(f"SHA1 checksum mismatch: index says {checksum}, got {sha1}; try again", file=url)
