"""The `labortrace` command line: typer commands by group, rich progress bars and tables."""

from labortrace.cli.app import app, main

__all__ = ["app", "main"]
