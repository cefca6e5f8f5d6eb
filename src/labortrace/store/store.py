"""The workspace: the only writer of the database, and read views over it.

A dataset version is swapped in whole or not at all: `replace_dataset` runs in one transaction,
so a reader that fails halfway (bad line, full disk, Ctrl-C) leaves the previous version intact.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy
from sqlalchemy import Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from labortrace.errors import StoreError
from labortrace.model import DATASET_KINDS, LINKS, DatasetInfo
from labortrace.store import schema as s
from labortrace.store.migrations import upgrade

BATCH = 2000


@dataclass(frozen=True)
class StoredEntity:
    """An entity as one dataset holds it."""

    id: str
    dataset: str
    schema: str
    caption: str
    properties: dict[str, list[str]]


@dataclass(frozen=True)
class DatasetSpec:
    """What a loader knows about the dataset version it is about to load."""

    name: str
    kind: str
    version: str
    source: str
    sha256: str
    title: str | None = None
    license: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class VersionChange:
    """What loading a version changed against the one it replaced."""

    dataset: DatasetInfo
    previous_version: str | None
    added: int
    removed: int
    changed: int


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _digest(schema: str, properties: dict[str, list[str]]) -> str:
    raw = json.dumps([schema, properties], sort_keys=True, ensure_ascii=False)
    return hashlib.md5(raw.encode("utf-8")).hexdigest()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    # up to 128 MiB of page cache (default 2 MiB): bulk loads of millions of shipments insert into indexes in
    # random order, and a small cache made them three times slower (measured on 1M rows)
    cur.execute("PRAGMA cache_size=-131072")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for a workspace URL; creates the parent folder of a SQLite file."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Store:
    """A workspace database: datasets, entities, screening runs."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
            s.metadata.create_all(self.engine)
            self._check_schema_version()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open workspace {url}: {exc}") from exc

    def _check_schema_version(self) -> None:
        with self.engine.begin() as conn:
            found = conn.execute(select(s.meta.c.value).where(s.meta.c.key == "schema_version")).scalar()
            if found is None:
                conn.execute(insert(s.meta).values(key="schema_version", value=str(s.SCHEMA_VERSION)))
            elif int(found) > s.SCHEMA_VERSION:
                raise StoreError(
                    f"workspace {self.url} has schema version {found}, newer than this labortrace "
                    f"({s.SCHEMA_VERSION}): upgrade labortrace"
                )
            elif int(found) < s.SCHEMA_VERSION:  # an older workspace is upgraded in this same transaction
                upgrade(conn, int(found), s.SCHEMA_VERSION)
                conn.execute(update(s.meta).where(s.meta.c.key == "schema_version").values(value=str(s.SCHEMA_VERSION)))

    def close(self) -> None:
        self.engine.dispose()

    # -- datasets -------------------------------------------------------------------------------

    def replace_dataset(
        self,
        spec: DatasetSpec,
        entities: Iterable[EntityProxy],
        progress: Callable[[int], None] | None = None,
    ) -> VersionChange:
        """Swap in a new version of a dataset in one transaction; the old one stays on any error."""
        if spec.kind not in DATASET_KINDS:
            raise StoreError(f"unknown dataset kind {spec.kind!r}; use one of {', '.join(DATASET_KINDS)}")
        loaded_at = datetime.now(timezone.utc)
        with self.engine.begin() as conn:
            old_digests = self._digests(conn, spec.name)
            previous = conn.execute(
                select(s.datasets.c.version).where(s.datasets.c.name == spec.name)
            ).scalar()
            conn.execute(delete(s.entities).where(s.entities.c.dataset == spec.name))
            count, added, changed = self._insert_entities(conn, spec.name, entities, old_digests, progress)
            removed = len(old_digests) - (count - added)  # old ids not seen again
            row = dict(
                name=spec.name, kind=spec.kind, version=spec.version, source=spec.source,
                sha256=spec.sha256, loaded_at=loaded_at, entity_count=count,
                title=spec.title, license=spec.license, stats=spec.stats,
            )
            conn.execute(delete(s.datasets).where(s.datasets.c.name == spec.name))
            conn.execute(insert(s.datasets).values(**row))
            conn.execute(
                insert(s.dataset_versions).values(
                    name=spec.name, kind=spec.kind, version=spec.version, source=spec.source,
                    sha256=spec.sha256, loaded_at=loaded_at, entity_count=count,
                    previous_version=previous, added=added, removed=removed, changed=changed,
                )
            )
        info = self.dataset(spec.name)
        assert info is not None
        return VersionChange(info, previous, added, removed, changed)

    def _digests(self, conn: Connection, name: str) -> dict[str, str]:
        rows = conn.execute(select(s.entities.c.id, s.entities.c.digest).where(s.entities.c.dataset == name))
        return {r.id: r.digest for r in rows}

    def _insert_entities(
        self,
        conn: Connection,
        dataset: str,
        entities: Iterable[EntityProxy],
        old: dict[str, str],
        progress: Callable[[int], None] | None,
    ) -> tuple[int, int, int]:
        """Insert in batches; returns (count, added, changed) against the old digests."""
        new: dict[str, str] = {}
        batch: list[dict[str, Any]] = []
        for proxy in entities:
            if proxy.id in new:
                self._flush(conn, batch)
                batch = []
                proxy = self._merge_duplicate(conn, dataset, proxy)
            row = self._entity_row(dataset, proxy)
            new[row["id"]] = row["digest"]
            batch.append(row)
            if len(batch) >= BATCH:
                self._flush(conn, batch)
                batch = []
                if progress:
                    progress(len(new))
        self._flush(conn, batch)
        if progress:
            progress(len(new))
        added = sum(1 for i in new if i not in old)
        changed = sum(1 for i, d in new.items() if i in old and old[i] != d)
        return len(new), added, changed

    @staticmethod
    def _entity_row(dataset: str, proxy: EntityProxy) -> dict[str, Any]:
        props = {k: sorted(v) for k, v in sorted(proxy.properties.items())}
        return dict(
            dataset=dataset, id=proxy.id, schema=proxy.schema.name, caption=proxy.caption,
            properties=props, digest=_digest(proxy.schema.name, props),
        )

    def _flush(self, conn: Connection, batch: list[dict[str, Any]]) -> None:
        if not batch:
            return
        ids = [r["id"] for r in batch]
        conn.execute(delete(s.entities).where(s.entities.c.dataset == batch[0]["dataset"], s.entities.c.id.in_(ids)))
        conn.execute(insert(s.entities), batch)

    def _merge_duplicate(self, conn: Connection, dataset: str, proxy: EntityProxy) -> EntityProxy:
        """Two lines with one id are fragments of one entity (as in FtM streams): merge them."""
        row = conn.execute(
            select(s.entities).where(s.entities.c.dataset == dataset, s.entities.c.id == proxy.id)
        ).one()
        existing = model.get_proxy(
            {"id": row.id, "schema": row.schema, "properties": row.properties}, cleaned=True
        )
        return existing.merge(proxy)

    def datasets(self) -> list[DatasetInfo]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.datasets).order_by(s.datasets.c.name)).all()
        return [_dataset_info(r) for r in rows]

    def dataset(self, name: str) -> DatasetInfo | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(s.datasets).where(s.datasets.c.name == name)).one_or_none()
        return _dataset_info(row) if row is not None else None

    def dataset_stats(self, name: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            return conn.execute(select(s.datasets.c.stats).where(s.datasets.c.name == name)).scalar() or {}

    def history(self, name: str | None = None) -> list[dict[str, Any]]:
        """Every version loaded, newest first: the audit trail of data versions."""
        query = select(s.dataset_versions).order_by(s.dataset_versions.c.id.desc())
        if name is not None:
            query = query.where(s.dataset_versions.c.name == name)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def drop_dataset(self, name: str) -> bool:
        with self.engine.begin() as conn:
            conn.execute(delete(s.entities).where(s.entities.c.dataset == name))
            return conn.execute(delete(s.datasets).where(s.datasets.c.name == name)).rowcount > 0

    # -- entities -------------------------------------------------------------------------------

    def iter_entities(self, datasets: Iterable[str] | None = None,
                      schemata: Iterable[str] | None = None) -> Iterator[StoredEntity]:
        query = select(s.entities).order_by(s.entities.c.dataset, s.entities.c.id)
        if datasets is not None:
            query = query.where(s.entities.c.dataset.in_(list(datasets)))
        if schemata is not None:
            query = query.where(s.entities.c.schema.in_(list(schemata)))
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=BATCH).execute(query):
                yield _stored(row)

    def entity(self, entity_id: str) -> list[StoredEntity]:
        """Every dataset's record of one entity id."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.entities).where(s.entities.c.id == entity_id)).all()
        return [_stored(r) for r in rows]

    def has_links(self) -> bool:
        """Whether the workspace holds anything a supply-chain graph is built from (link entities or shipments)."""
        from labortrace.store import graph_schema as g

        with self.engine.connect() as conn:
            if conn.execute(select(s.entities.c.id).where(s.entities.c.schema.in_(list(LINKS))).limit(1)).first():
                return True
            return conn.execute(select(g.shipments.c.id).limit(1)).first() is not None

    def count_entities(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(s.entities)).scalar() or 0)

    # -- runs -----------------------------------------------------------------------------------

    def save_run(
        self,
        doc: dict[str, Any],
        extras: dict[tuple[int, str], dict[str, Any]] | None = None,
        names: dict[int, str] | None = None,
    ) -> None:
        """Store a screening run (the results document); extras hold each match's features by (row, entity)."""
        run = doc["run"]
        extras = extras or {}
        names = names or {}
        levels: dict[str, int] = {}
        for res in doc["results"]:
            levels[res["risk"]["level"]] = levels.get(res["risk"]["level"], 0) + 1
        rows = [
            dict(run_id=run["id"], row=r["row"], name=names.get(r["row"], ""), input=r["input"],
                 level=r["risk"]["level"], reasons=r["risk"]["reasons"])
            for r in doc["results"]
        ]
        mrows = []
        for r in doc["results"]:
            for rank, m in enumerate(r["matches"]):
                extra = extras.get((r["row"], m["entity_id"]), {})
                mrows.append(dict(
                    run_id=run["id"], row=r["row"], entity_id=m["entity_id"], rank=rank,
                    caption=m["caption"], score=m["score"], datasets=m["datasets"],
                    explanation=m["explanation"], features=extra.get("features", {}),
                    query_name=extra.get("query_name", ""), matched_name=extra.get("matched_name", ""),
                ))
        with self.engine.begin() as conn:
            conn.execute(
                insert(s.runs).values(
                    id=run["id"], started_at=datetime.fromisoformat(run["started_at"]),
                    input_file=run.get("input_file", ""), threshold=run["threshold"],
                    algorithm=run.get("algorithm", ""), datasets=run["datasets"],
                    row_count=len(doc["results"]), levels=levels,
                )
            )
            if rows:
                conn.execute(insert(s.results), rows)
            if mrows:
                conn.execute(insert(s.matches), mrows)

    def review_items(self, run_id: str, levels: Iterable[str]) -> list[dict[str, Any]]:
        """Each (supplier row, match) of a run at the given levels, most severe level first, then row and rank."""
        order = {"high": 0, "elevated": 1, "review": 2, "none": 3}
        r, m = s.results, s.matches
        query = (
            select(r.c.row, r.c.name, r.c.input, r.c.level, r.c.reasons, m.c.entity_id, m.c.caption, m.c.score,
                   m.c.datasets, m.c.explanation, m.c.rank)
            .join(m, (m.c.run_id == r.c.run_id) & (m.c.row == r.c.row))
            .where(r.c.run_id == run_id, r.c.level.in_(list(levels)))
        )
        with self.engine.connect() as conn:
            if conn.execute(select(s.runs.c.id).where(s.runs.c.id == run_id)).first() is None:
                raise StoreError(f"no screening run {run_id!r} in this workspace; `labortrace runs` lists them")
            rows = [dict(x._mapping) for x in conn.execute(query)]
        rows.sort(key=lambda x: (order.get(x["level"], 9), x["row"], x["rank"]))
        return [{"run_id": run_id, **x} for x in rows]

    def runs(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.runs).order_by(s.runs.c.started_at.desc())).all()
        return [dict(r._mapping) for r in rows]


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]


def _dataset_info(row: Any) -> DatasetInfo:
    loaded = row.loaded_at if row.loaded_at.tzinfo else row.loaded_at.replace(tzinfo=timezone.utc)
    return DatasetInfo(
        name=row.name, kind=row.kind, version=row.version, source=row.source, sha256=row.sha256,
        loaded_at=loaded, entity_count=row.entity_count, title=row.title, license=row.license,
    )


def _stored(row: Any) -> StoredEntity:
    return StoredEntity(row.id, row.dataset, row.schema, row.caption, row.properties)
