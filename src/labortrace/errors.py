"""The one exception tree of labortrace.

    LabortraceError            anything labortrace raises on purpose
    ├── InputError             a file the user gave cannot be read as asked (names file, row, column)
    │   └── FetchError         a download failed (names the URL)
    ├── StoreError             the workspace database refused an operation
    └── ConfigError            an option or setting is wrong

Errors carry their context so a CLI, an API or a test can show exactly where the problem is.
"""

from __future__ import annotations

from pathlib import Path


class LabortraceError(Exception):
    """Base class: every error labortrace raises on purpose."""


class InputError(LabortraceError):
    """A user-supplied file cannot be read: says which file, row and column, and why."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.message = message
        self.file = str(file) if file is not None else None
        self.row = row
        self.column = column
        super().__init__(self.describe())

    def describe(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class FetchError(InputError):
    """A download failed: the URL, the HTTP status or the limit that was hit."""


class StoreError(LabortraceError):
    """The workspace database refused an operation; nothing was changed."""


class ConfigError(LabortraceError):
    """An option, setting or mapping is wrong."""
