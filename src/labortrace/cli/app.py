"""The root command, global options and the one place errors become messages and exit codes."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from labortrace import __version__
from labortrace.errors import LabortraceError

app = typer.Typer(
    name="labortrace",
    help=(
        "Screen a supplier list against forced-labour reference data (UFLPA Entity List, CBP WROs, "
        "sanctions, research lists) and show the evidence behind every flag.\n\n"
        "Start with `labortrace demo` (fictional data), then `labortrace load` or `labortrace data pull` "
        "reference lists and `labortrace screen suppliers.xlsx --out results/`."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)
STATE: dict[str, str | None] = {"db": None}


def _version(value: bool) -> None:
    if value:
        console.print(f"labortrace {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="LABORTRACE_DB",
            help="Workspace database URL (default: a SQLite file in your user data folder).",
            show_envvar=True,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Global options."""
    STATE["db"] = db


def workspace_url() -> str | None:
    return STATE["db"]


def main() -> None:
    """Entry point: run the app and turn labortrace errors into a message and exit code 2."""
    from labortrace.cli import data, evidence, graph, review, screening  # noqa: F401  (registers the commands)
    from labortrace.cli import registries  # noqa: F401  (stats registrations)

    try:
        app(standalone_mode=False)
    except LabortraceError as exc:
        # user text (file names, cell values) is never read as rich markup
        err_console.print(Text.assemble(("error: ", "bold red"), str(exc)), soft_wrap=True)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(130)
    except Exception as exc:  # click usage errors come as ClickException
        from click import ClickException

        if isinstance(exc, ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
