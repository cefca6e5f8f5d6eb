"""The workspace schema (SQLAlchemy Core): datasets and their history, entities, runs, results, matches."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

#: The version of the workspace schema; stored in `meta` and checked when a workspace is opened, which upgrades
#: an older one (labortrace.store.migrations).
SCHEMA_VERSION = 2

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

datasets = Table(
    "datasets",
    metadata,
    Column("name", String(255), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("version", String(255), nullable=False),
    Column("source", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("entity_count", Integer, nullable=False),
    Column("title", Text),
    Column("license", Text),
    Column("stats", JSON, nullable=False, default=dict),
)

#: Every version ever loaded, with what changed against the one it replaced: the audit trail.
dataset_versions = Table(
    "dataset_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(255), nullable=False, index=True),
    Column("kind", String(32), nullable=False),
    Column("version", String(255), nullable=False),
    Column("source", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("entity_count", Integer, nullable=False),
    Column("previous_version", String(255)),
    Column("added", Integer, nullable=False),
    Column("removed", Integer, nullable=False),
    Column("changed", Integer, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("dataset", String(255), primary_key=True),
    Column("id", String(255), primary_key=True),
    Column("schema", String(64), nullable=False),
    Column("caption", Text, nullable=False),
    Column("properties", JSON, nullable=False),
    Column("digest", String(32), nullable=False),
    Index("ix_entities_id", "id"),
)

runs = Table(
    "runs",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("input_file", Text, nullable=False),
    Column("threshold", Float, nullable=False),
    Column("algorithm", String(64), nullable=False),
    Column("datasets", JSON, nullable=False),
    Column("row_count", Integer, nullable=False),
    Column("levels", JSON, nullable=False),
)

results = Table(
    "results",
    metadata,
    Column("run_id", String(64), ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("row", Integer, primary_key=True),
    Column("name", Text, nullable=False, default=""),  # the supplier name as screened (judgements key on it)
    Column("input", JSON, nullable=False),
    Column("level", String(16), nullable=False),
    Column("reasons", JSON, nullable=False),
)

matches = Table(
    "matches",
    metadata,
    Column("run_id", String(64), ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("row", Integer, primary_key=True),
    Column("entity_id", String(255), primary_key=True),
    Column("rank", Integer, nullable=False),
    Column("caption", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("datasets", JSON, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("features", JSON, nullable=False),
    Column("query_name", Text, nullable=False),
    Column("matched_name", Text, nullable=False),
)

#: Documents read by `labortrace ingest`, with their text so every quote's offsets can be checked.
documents = Table(
    "documents",
    metadata,
    Column("id", String(255), primary_key=True),
    Column("dataset", String(255), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("date", String(32)),
    Column("language", String(16)),
    Column("author", Text),
    Column("outlet", Text),
    Column("outcome", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("text", Text, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("document_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker", Text),
    Column("speaker_type", String(32), nullable=False),
    Column("stance", String(16), nullable=False),
    Column("indicators", JSON, nullable=False),
    Column("cue", Text),
    Column("reasons", JSON, nullable=False),
)

#: Which workspace entities a claim is about (a mention inside it, or its speaker), linked by the matcher.
claim_entities = Table(
    "claim_entities",
    metadata,
    Column("document_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("entity_id", String(255), primary_key=True),
    Column("role", String(16), nullable=False),  # 'mention' or 'speaker'
    Column("mention", Text, nullable=False),
    Index("ix_claim_entities_entity", "entity_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("document_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("entity_id", String(255)),
)

quantities = Table(
    "quantities",
    metadata,
    Column("document_id", String(255), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("counts", Text),
    Column("when", Text),
)

#: Reviewers' decisions on (supplier, entity) pairs; every decision is kept, the latest one counts.
judgements = Table(
    "judgements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("query_key", Text, nullable=False),
    Column("query_name", Text, nullable=False),
    Column("entity_id", String(255), nullable=False),
    Column("judgement", String(16), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("run_id", String(64)),
    Column("row", Integer),
    Index("ix_judgements_pair", "query_key", "entity_id"),
)

from labortrace.store import graph_schema  # noqa: E402,F401  (graph tables on the same metadata)
