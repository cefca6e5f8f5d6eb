"""The operations every face (CLI, Python, HTTP) calls: load, pull, index, screen, demo.

No business logic lives in a CLI command or a route: they call these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
from followthemoney.proxy import EntityProxy

from labortrace import __version__
from labortrace.errors import ConfigError, InputError
from labortrace.ingest import MAX_BYTES, IngestOutcome, expand_sources, link_mentions, read_source
from labortrace.matching import Matcher, MatchOptions, NameIndex, merge_entities
from labortrace.matching.identity import IdentityPeers, rejected_ids, with_identity_peers
from labortrace.matching.index import fingerprint
from labortrace.model import DATASET_KINDS, SAME_IDENTIFIER, Match, QueryRecord, ScreeningResult
from labortrace.graph import build as build_graph
from labortrace.graph import (
    DEFAULT_DEPTH,
    ListTrace,
    RiskLevels,
    TraceResult,
    load_shipments,
    matcher_resolver,
    trace_entities,
    trace_suppliers,
)
from labortrace.graph.bulk import open_bulk
from labortrace.graph.shipments import BULK_BYTES
from labortrace.graph import trace as trace_paths
from labortrace.options import checked_share, match_options, upstream_options
from labortrace.risk import Context, assess
from labortrace.risk.judged import add_confirmed, apply_judgements, attach_evidence
from labortrace.settings import setting
from labortrace.sources.catalog import kind_for
from labortrace.sources.shipments import open_shipments, read_shipments
from labortrace.sources.opensanctions import FetchedDataset, attribution_notice, fetch_dataset
from labortrace.sources.records import counting_ftm, looks_like_ftm, read_suppliers, registry_entities, table_entities
from labortrace.sources.tables import Table, open_table
from labortrace.store import DatasetSpec, Store, VersionChange, file_sha256, new_run_id
from labortrace.store.evidence_store import evidence_for, save_document
from labortrace.store.judgements import Judgement
from labortrace.store.judgements import current as current_judgements
from labortrace.store.judgements import record as record_judgement

Progress = Callable[[int], None]
FICTIONAL = "FICTIONAL"


@dataclass(frozen=True)
class LoadOutcome:
    change: VersionChange
    stats: dict[str, Any]


@dataclass(frozen=True)
class ScreenOutcome:
    doc: dict[str, Any]
    results: list[ScreeningResult]
    paths: dict[str, Path]


class Workspace:
    """A workspace database and the operations on it."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or setting("db")
        self.store = Store(self.url)

    def close(self) -> None:
        self.store.close()

    # -- loading --------------------------------------------------------------------------------

    def load(
        self,
        path: Path,
        *,
        dataset: str,
        kind: str | None = None,
        mapping: dict[str, str] | None = None,
        version: str | None = None,
        title: str | None = None,
        license: str | None = None,
        source: str | None = None,
        progress: Progress | None = None,
        bulk: bool | None = None,
    ) -> LoadOutcome:
        """Load a file (FtM JSON lines or a table) as a new version of a dataset, in one transaction.

        `bulk` is for shipments: None decides by the file's size (BULK_BYTES), True or False forces it."""
        kind = kind or kind_for(dataset)
        if kind is None:
            raise ConfigError(f"say what kind of dataset {dataset!r} is: --kind {'|'.join(DATASET_KINDS)}")
        if kind not in DATASET_KINDS:
            raise ConfigError(f"unknown kind {kind!r}; use one of {', '.join(DATASET_KINDS)}")
        if not path.is_file():
            raise InputError("no such file", file=path)
        sha = file_sha256(path)
        stats: dict[str, Any]
        spec_version = version or f"{datetime.now(timezone.utc):%Y%m%d}-{sha[:8]}"
        if kind == "shipments":
            spec = DatasetSpec(dataset, kind, spec_version, source or str(path), sha, title, license, {"format": "shipments"})
            resolve = matcher_resolver(Matcher(self.index(), match_options(None, None)))
            bulk = path.stat().st_size >= BULK_BYTES if bulk is None else bulk
            # a large UTF-8 CSV that DuckDB reads exactly goes in bulk (graph/bulk.py); anything else row by row
            reader = open_bulk(open_shipments(path, mapping)) if bulk else None
            rows = reader if reader is not None else read_shipments(path, mapping)
            change, shipped = load_shipments(self.store, spec, rows, resolve, progress, bulk=bulk)
            return LoadOutcome(change, {**spec.stats, **shipped.stats()})
        if looks_like_ftm(path):
            stats = {"format": "ftm"}
            entities: Iterator[EntityProxy] = counting_ftm(path, stats)
        else:
            table = open_table(path, mapping)
            stats = {"format": table.format, "encoding": table.encoding, "mapping": table.mapping}
            entities = registry_entities(table, dataset, stats) if kind == "registry" else table_entities(table, dataset)
        pending = DatasetSpec(dataset, kind, spec_version, source or str(path), sha, title, license, stats)
        change = self.store.replace_dataset(pending, entities, progress)
        return LoadOutcome(change, stats)

    def pull(
        self,
        name: str,
        *,
        base_url: str | None = None,
        kind: str | None = None,
        download_progress: Progress | None = None,
    ) -> tuple[FetchedDataset, LoadOutcome, str]:
        """Download a dataset's FtM export from OpenSanctions, verify it, then load it."""
        kind = kind or kind_for(name)
        if kind is None:
            raise ConfigError(f"{name!r} is not a dataset labortrace knows: say its kind with --kind")
        dest = Path(setting("cache_dir")) / "downloads" / name
        tick = (lambda done, _total: download_progress(done)) if download_progress else None
        fetched = fetch_dataset(name, dest, base_url=base_url, progress=tick)
        outcome = self.load(
            fetched.path, dataset=name, kind=kind, version=fetched.version, title=fetched.title,
            license=fetched.license, source=fetched.url,
        )
        return fetched, outcome, attribution_notice(name)

    # -- evidence -------------------------------------------------------------------------------

    def ingest(
        self,
        sources: Sequence[str],
        *,
        dataset: str = "documents",
        max_bytes: int = MAX_BYTES,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        progress: Progress | None = None,
    ) -> list[IngestOutcome]:
        """Read documents, extract evidence, link mentions to entities and store each document whole; the batch goes on."""
        matcher = Matcher(self.index(), match_options(None, None)) if self.store.count_entities() else None
        outcomes: list[IngestOutcome] = []
        for source in expand_sources(sources):
            doc = read_source(source, max_bytes=max_bytes, timeout=timeout, transport=transport)
            outcome = IngestOutcome(doc)
            if doc.outcome == "ok":
                outcome.links = link_mentions(doc, matcher)
                save_document(self.store.engine, doc, dataset, outcome.links)
                outcome.stored = True
            outcomes.append(outcome)
            if progress:
                progress(1)
        return outcomes

    def evidence(self, entity: str) -> tuple[list[Match], dict[str, list[dict[str, Any]]]]:
        """The evidence the workspace holds about an entity, found by id or, failing that, by name."""
        stored = self.store.entity(entity)
        if stored:
            first = stored[0]
            matches = [Match(first.id, first.caption, 1.0, tuple(e.dataset for e in stored), "entity id")]
        else:
            options = match_options(None, None)
            found = Matcher(self.index(), options).match(QueryRecord(row=1, input={}, name=entity))
            matches = [m for m in found if m.score >= options.threshold]
        return matches, evidence_for(self.store.engine, [m.entity_id for m in matches])

    def _with_evidence(
        self,
        found: list[list[Match]],
        queries: Sequence[QueryRecord],
        judged: dict[tuple[str, str], Judgement],
        entities: dict[str, Any],
    ) -> list[list[Match]]:
        """Matches with their evidence; a confirmed entity the matcher did not propose is added."""
        found = [add_confirmed(q, ms, judged, entities) for q, ms in zip(queries, found)]
        ids = {m.entity_id for matches in found for m in matches}
        evidence = evidence_for(self.store.engine, ids)
        return [attach_evidence(matches, evidence) for matches in found]

    def _upstream(self, found: list[list[Match]], threshold: float, depth: int,
                  min_share: float | None, peers: IdentityPeers) -> dict[str, list[Any]]:
        """Paths from each confidently matched entity to a high-risk entity upstream, when the workspace has links."""
        if not self.store.has_links():
            return {}
        graph = build_graph(self.store, identities=peers)
        risky = RiskLevels(self.store, ("high",))
        starts = sorted({m.entity_id for ms in found for m in ms if m.score >= threshold})
        paths: dict[str, list[Any]] = {}
        for start in starts:
            # a path that only joins two records of one company is the listed_entity rule's: matches hold both
            found_paths = [p for p in trace_paths(graph, [start], risky, depth, min_share=min_share)
                           if any(e.kind != SAME_IDENTIFIER for e in p.edges)]
            if found_paths:
                paths[start] = found_paths
        return paths

    # -- trace --------------------------------------------------------------------------------

    def trace(self, queries: Sequence[str], *, depth: int = DEFAULT_DEPTH,
              min_share: float | None = None) -> TraceResult:
        """Upstream paths to entities with risk from the entities these ids or names point to."""
        return trace_entities(self.store, self.index(), queries, depth=depth, min_share=checked_share(min_share))

    def trace_suppliers(self, path: Path, *, mapping: dict[str, str] | None = None, depth: int = DEFAULT_DEPTH,
                        min_share: float | None = None) -> ListTrace:
        """Upstream paths from every supplier of a list, read as screening reads it."""
        records = read_suppliers(open_table(path, mapping))
        return trace_suppliers(self.store, self.index(), records, str(path), depth=depth,
                               min_share=checked_share(min_share))

    # -- review ---------------------------------------------------------------------------------

    def review_items(self, run_id: str, levels: Sequence[str] = ("high", "review")) -> list[dict[str, Any]]:
        """The (supplier, match) pairs of a run a reviewer should decide, most severe first."""
        return self.store.review_items(run_id, levels)

    def judge(self, judgement: Judgement) -> Judgement:
        return record_judgement(self.store.engine, judgement)

    def datasets(self) -> list[Any]:
        return self.store.datasets()

    # -- index and screening --------------------------------------------------------------------

    def index(self, progress: Progress | None = None) -> NameIndex:
        """The matching index over every loaded dataset, from the on-disk cache when still current."""
        infos = self.store.datasets()
        fp = fingerprint(f"{d.name}|{d.version}|{d.sha256}|{d.loaded_at.isoformat()}" for d in infos)
        cache = Path(setting("cache_dir")) / f"index-{fp}.pkl"
        cached = NameIndex.load(cache)
        if cached is not None and cached.fingerprint == fp:
            return cached
        index = NameIndex(merge_entities(self.store.iter_entities()), fp)
        index.save(cache)
        return index

    def screen(
        self,
        path: Path,
        *,
        mapping: dict[str, str] | None = None,
        threshold: float | None = None,
        review_threshold: float | None = None,
        out_dir: Path | None = None,
        progress: Progress | None = None,
        tiers: int | None = None,
        min_share: float | None = None,
    ) -> ScreenOutcome:
        """Screen a supplier list against every loaded dataset; write results.json/.csv and report.html.

        `tiers` and `min_share` (percent) bound the upstream search; unset, the settings upstream_tiers and
        min_ownership_share decide."""
        options = match_options(threshold, review_threshold)
        tiers, min_share = upstream_options(tiers, min_share)
        table = open_table(path, mapping)
        queries = read_suppliers(table)
        infos = {d.name: d for d in self.store.datasets()}
        index = self.index()
        matcher = Matcher(index, options)
        started = datetime.now(timezone.utc)
        judged = current_judgements(self.store.engine, [q.name for q in queries])
        peers = IdentityPeers(index)
        found = [with_identity_peers(ms, peers, rejected_ids(q.name, judged))
                 for q, ms in zip(queries, matcher.match_all(queries, progress))]
        entities = {e.id: e for e in index.entities}
        results = []
        upstream = self._upstream(found, options.threshold, tiers, min_share, peers)
        for query, matches in zip(queries, self._with_evidence(found, queries, judged, entities)):
            kept, rejected = apply_judgements(query, matches, judged)
            ctx = Context(query, kept, entities, infos, options.threshold, options.review_threshold,
                          matcher.entity_similarity, rejected, upstream)
            results.append(ScreeningResult(query, assess(ctx), tuple(kept)))
        doc = results_document(results, infos, options, path, table, started, matcher.algorithm)
        extras = {
            (r.query.row, m.entity_id): {"features": m.features, "query_name": m.query_name, "matched_name": m.matched_name}
            for r in results
            for m in r.matches
        }
        self.store.save_run(doc, extras, {r.query.row: r.query.name for r in results})
        paths: dict[str, Path] = {}
        if out_dir is not None:
            from labortrace.report import write_report

            paths = write_report(doc, out_dir)
        return ScreenOutcome(doc, results, paths)


def run_demo(out_dir: Path, progress: Progress | None = None) -> ScreenOutcome:
    """Generate the fictional demo data, load it into a demo workspace in out_dir and screen its supplier list."""
    from labortrace.demo import DEMO_DATASETS, generate_demo

    out_dir.mkdir(parents=True, exist_ok=True)
    files = generate_demo(out_dir / "data")
    ws = Workspace("sqlite:///" + str((out_dir / "demo.db").resolve()))
    try:
        for ds in DEMO_DATASETS:
            ws.load(files.datasets[ds.name], dataset=ds.name, kind=ds.kind, title=ds.title,
                    license=f"{FICTIONAL} demo data generated by labortrace", progress=progress)
        return ws.screen(files.suppliers_csv, out_dir=out_dir / "results")
    finally:
        ws.close()


def results_document(
    results: list[ScreeningResult],
    infos: dict[str, Any],
    options: MatchOptions,
    path: Path,
    table: Table,
    started: datetime,
    algorithm: str,
) -> dict[str, Any]:
    """The results.json document: stable keys first, extras after."""
    return {
        "run": {
            "id": new_run_id(),
            "started_at": started.isoformat(),
            "datasets": [{"name": d.name, "kind": d.kind, "version": d.version} for d in infos.values()],
            "threshold": options.threshold,
            "review_threshold": options.review_threshold,
            "input_file": str(path),
            "encoding": table.encoding,
            "mapping": table.mapping,
            "fictional": any((d.license or "").startswith(FICTIONAL) for d in infos.values()),
            "labortrace_version": __version__,
            "algorithm": algorithm,
        },
        "results": [r.to_json() for r in results],
    }
