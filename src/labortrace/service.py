"""The operations every face (CLI, Python, HTTP) calls: load, pull, index, screen, demo.

No business logic lives in a CLI command or a route: they call these functions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
from followthemoney import model
from followthemoney.proxy import EntityProxy

from labortrace import __version__
from labortrace.errors import ConfigError, InputError
from labortrace.ingest import MAX_BYTES, IngestOutcome, expand_sources, link_mentions, read_source
from labortrace.matching import Matcher, MatchOptions, NameIndex, merge_entities
from labortrace.matching.index import fingerprint
from labortrace.model import DATASET_KINDS, Match, QueryRecord, ScreeningResult
from labortrace.names.uscc import find_usccs
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
from labortrace.registries.load import registry_entity
from labortrace.risk import Context, assess
from labortrace.settings import setting
from labortrace.sources.catalog import kind_for
from labortrace.sources.shipments import open_shipments, read_shipments
from labortrace.sources.opensanctions import FetchedDataset, attribution_notice, fetch_dataset
from labortrace.sources.ftm import FtmStats, read_ftm
from labortrace.sources.tables import Table, TableRow, open_table
from labortrace.store import DatasetSpec, Store, VersionChange, file_sha256, new_run_id
from labortrace.store.evidence_store import evidence_for, save_document
from labortrace.store.judgements import Judgement, query_key
from labortrace.store.judgements import current as current_judgements
from labortrace.store.judgements import record as record_judgement

Progress = Callable[[int], None]
ALIAS_SEPARATORS = (";", "|", "；", "、")
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


def looks_like_ftm(path: Path) -> bool:
    """True when the file's first non-empty line is a JSON object with a schema (FtM JSON lines)."""
    name = path.name.lower()
    if name.endswith((".ftm.json", ".ftm.json.gz", ".ijson")):
        return True
    if not name.endswith((".json", ".jsonl", ".ndjson")):
        return False
    with open(path, "rb") as fh:
        for raw in fh:
            line = raw.strip().lstrip(b"\xef\xbb\xbf")
            if not line:
                continue
            try:
                data = json.loads(line)
            except ValueError:
                return False
            return isinstance(data, dict) and "schema" in data
    return False


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
            entities: Iterator[EntityProxy] = _counting(path, stats)
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
        found = [_add_confirmed(q, ms, judged, entities) for q, ms in zip(queries, found)]
        ids = {m.entity_id for matches in found for m in matches}
        evidence = evidence_for(self.store.engine, ids)
        return [_attach(matches, evidence) for matches in found]

    def _upstream(self, found: list[list[Match]], threshold: float, depth: int,
                  min_share: float | None) -> dict[str, list[Any]]:
        """Paths from each confidently matched entity to a high-risk entity upstream, when the workspace has links."""
        if not self.store.has_links():
            return {}
        graph = build_graph(self.store)
        risky = RiskLevels(self.store, ("high",))
        starts = sorted({m.entity_id for ms in found for m in ms if m.score >= threshold})
        paths: dict[str, list[Any]] = {}
        for start in starts:
            found_paths = [p for p in trace_paths(graph, [start], risky, depth, min_share=min_share)
                           if len(p.nodes) > 1]
            if found_paths:
                paths[start] = found_paths
        return paths

    # -- trace --------------------------------------------------------------------------------

    def trace(self, queries: Sequence[str], *, depth: int = DEFAULT_DEPTH,
              min_share: float | None = None) -> TraceResult:
        """Upstream paths to entities with risk from the entities these ids or names point to."""
        return trace_entities(self.store, self.index(), queries, depth=depth, min_share=min_share)

    def trace_suppliers(self, path: Path, *, mapping: dict[str, str] | None = None, depth: int = DEFAULT_DEPTH,
                        min_share: float | None = None) -> ListTrace:
        """Upstream paths from every supplier of a list, read as screening reads it."""
        records = [query_record(row) for row in open_table(path, mapping)]
        return trace_suppliers(self.store, self.index(), records, str(path), depth=depth, min_share=min_share)

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
        queries = [query_record(row) for row in table]
        infos = {d.name: d for d in self.store.datasets()}
        index = self.index()
        matcher = Matcher(index, options)
        started = datetime.now(timezone.utc)
        judged = current_judgements(self.store.engine, [q.name for q in queries])
        found = matcher.match_all(queries, progress)
        entities = {e.id: e for e in index.entities}
        results = []
        upstream = self._upstream(found, options.threshold, tiers, min_share)
        for query, matches in zip(queries, self._with_evidence(found, queries, judged, entities)):
            kept, rejected = _apply_judgements(query, matches, judged)
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


def _add_confirmed(
    query: QueryRecord, matches: list[Match], judged: dict[tuple[str, str], Judgement], entities: dict[str, Any]
) -> list[Match]:
    key = query_key(query.name) if query.name.strip() else None
    have = {m.entity_id for m in matches}
    extra = [
        Match(e.id, e.caption, 1.0, tuple(e.datasets), "")
        for (k, entity_id), j in judged.items()
        if k == key and j.judgement == "confirm" and entity_id not in have and (e := entities.get(entity_id))
    ]
    return [*matches, *extra]


def _apply_judgements(
    query: QueryRecord, matches: list[Match], judged: dict[tuple[str, str], Judgement]
) -> tuple[list[Match], list[tuple[Match, Judgement]]]:
    """Rejected pairs leave the matches; confirmed ones become certain; each says who decided and when."""
    if not query.name.strip():
        return matches, []
    key = query_key(query.name)
    kept: list[Match] = []
    rejected: list[tuple[Match, Judgement]] = []
    for m in matches:
        j = judged.get((key, m.entity_id))
        if j is None:
            kept.append(m)
        elif j.judgement == "reject":
            rejected.append((m, j))
        else:
            score = 1.0 if j.judgement == "confirm" else m.score
            note = f"Reviewer decision: {j.describe()}."
            kept.append(replace(m, score=score, judgement=j.judgement, decided=j.describe(),
                                explanation=f"{note} {m.explanation}".strip()))
    kept.sort(key=lambda m: (-m.score, m.entity_id))
    return kept, rejected


def _attach(matches: list[Match], evidence: dict[str, list[dict[str, Any]]]) -> list[Match]:
    return [replace(m, evidence=tuple(evidence.get(m.entity_id, ()))) for m in matches]


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


def _counting(path: Path, stats: dict[str, Any]) -> Iterator[EntityProxy]:
    """Read FtM lines; once read, record lines, entities and values dropped as invalid per property."""
    counts = FtmStats()
    yield from read_ftm(path, counts)
    stats["lines"] = counts.lines
    stats["entities"] = counts.entities
    stats["dropped"] = {f"{schema}.{prop}": n for (schema, prop), n in sorted(counts.dropped.items())}
    stats["unknown_properties"] = {
        f"{schema}.{prop}": n for (schema, prop), n in sorted(counts.unknown_properties.items())
    }


def upstream_options(tiers: int | None, min_share: float | None) -> tuple[int, float | None]:
    """Tiers and minimum ownership share for screening's upstream search: the arguments, else the settings."""
    try:
        depth = int(tiers if tiers is not None else setting("upstream_tiers"))
        share_text = setting("min_ownership_share")
        share = min_share if min_share is not None else (float(share_text) if share_text.strip() else None)
    except ValueError as exc:
        raise ConfigError(f"upstream_tiers and min_ownership_share must be numbers: {exc}") from exc
    if depth < 1 or (share is not None and not 0 <= share <= 100):
        raise ConfigError(f"tiers must be 1 or more ({depth}) and the ownership share 0-100 ({share})")
    return depth, share


def match_options(threshold: float | None, review_threshold: float | None) -> MatchOptions:
    thr = float(threshold if threshold is not None else setting("threshold"))
    rev = float(review_threshold if review_threshold is not None else setting("review_threshold"))
    if not 0 < rev <= thr <= 1:
        raise ConfigError(f"thresholds must satisfy 0 < review ({rev}) <= match ({thr}) <= 1")
    return MatchOptions(threshold=thr, review_threshold=rev)


def split_aliases(value: str) -> tuple[str, ...]:
    parts = [value]
    for sep in ALIAS_SEPARATORS:
        parts = [p for part in parts for p in part.split(sep)]
    return tuple(p.strip() for p in parts if p.strip())


def query_record(row: TableRow) -> QueryRecord:
    """A supplier row as the matcher sees it; identifiers include any USCC found in any cell."""
    identifiers = [row.field("identifier")] if row.field("identifier") else []
    identifiers += [c.code for c in find_usccs(" ".join(row.values.values())) if c.code not in identifiers]
    return QueryRecord(
        row=row.row,
        input=dict(row.values),
        name=row.field("name"),
        aliases=split_aliases(row.field("alias")),
        address=" ".join(p for p in (row.field("address"), row.field("city"), row.field("region")) if p),
        country=row.field("country"),
        identifiers=tuple(identifiers),
    )


def registry_entities(table: Table, dataset: str, stats: dict[str, Any]) -> Iterator[EntityProxy]:
    """Registration records as FtM Companies with dates, products and business scope; unreadable cells are listed, not fatal."""
    problems: list[str] = []
    for row in table:
        entity = registry_entity(row, dataset, problems)
        if entity is not None:
            yield entity
    stats["problems"] = problems[:1000]
    stats["problem_count"] = len(problems)


def table_entities(table: Table, dataset: str) -> Iterator[EntityProxy]:
    """Rows of a reference table as FtM Company entities; rows without a name are skipped."""
    for row in table:
        name = row.field("name")
        if not name:
            continue
        proxy = model.make_entity("Company")
        key = row.field("identifier") or f"{name}|{row.field('address')}"
        proxy.make_id(dataset, key)
        proxy.add("name", name)
        proxy.add("alias", list(split_aliases(row.field("alias"))))
        proxy.add("address", row.field("address") or None)
        proxy.add("country", row.field("country") or None, quiet=True, fuzzy=True)
        proxy.add("registrationNumber", row.field("identifier") or None)
        yield proxy


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
