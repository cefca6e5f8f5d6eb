"""The workspace store: the only writer of the database."""

from labortrace.store.store import (
    DatasetSpec,
    Store,
    StoredEntity,
    VersionChange,
    file_sha256,
    new_run_id,
)

__all__ = ["DatasetSpec", "Store", "StoredEntity", "VersionChange", "file_sha256", "new_run_id"]
