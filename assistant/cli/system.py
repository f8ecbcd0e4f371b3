"""System commands: serve, doctor, reindex, export."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from assistant.cli.common import JSON, console, emit, open_app, open_reader
from assistant.errors import InputError
from assistant.services.system.health import HealthReport


def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 7860).")] = None,
) -> None:
    """Start the web UI."""
    from assistant.ui.server import run_server

    with open_app() as app:
        run_server(app, host=host or app.settings.host, port=port or app.settings.port)


def doctor(json_out: JSON = False) -> None:
    """Check config, engine, model reachability, store health and versions."""
    with open_reader() as app:  # works while 'warmline serve' runs
        report = app.doctor()
    emit(json_out, report.to_json, lambda: _print_doctor(report))
    if not report.ok:
        raise typer.Exit(1)


def reindex(json_out: JSON = False) -> None:
    """Rebuild the search index from the records."""
    with open_app() as app, Progress(console=console, transient=True, disable=json_out) as progress:
        task = progress.add_task("Indexing", total=None)
        counts = app.reindex(
            lambda done, total: progress.update(task, completed=done, total=total)
        )
    emit(json_out, lambda: {"reindexed": counts},
         "Reindexed " + ", ".join(f"{v} {k}" for k, v in counts.items()))


def export(path: Path, json_out: JSON = False) -> None:
    """Write everything (profile, contacts, notes, interactions, history) to one JSON file."""
    with open_reader() as app:  # works while 'warmline serve' runs
        counts = app.backup.export(path)
    emit(json_out, lambda: {"path": str(path), **counts},
         f"Exported {counts['contacts']} contacts, {counts['notes']} notes and "
         f"{counts['interactions']} interactions to {path}")


def erase(
    yes: Annotated[bool, typer.Option("--yes", help="Really delete everything.")] = False,
    json_out: JSON = False,
) -> None:
    """Delete all your data: contacts, notes, drafts, sessions, the index, logs and settings."""
    from assistant.services.system.erase import erase_data_dir
    from assistant.settings import default_home

    home = default_home()
    if not yes:
        msg = (f"this deletes everything in {home}; export first ('warmline export PATH') "
               "if you want a copy, then run 'warmline erase --yes'")
        raise InputError(msg)
    logging.shutdown()  # the log file is data too: close it before it goes, and write no more
    logging.getLogger().handlers[:] = [logging.NullHandler()]
    removed = erase_data_dir(home)
    emit(json_out, lambda: {"erased": str(home), "files": removed},
         f"Deleted all Warmline data in {home} ({removed} files).")


def _print_doctor(report: HealthReport) -> None:
    console.print(f"[bold]Engine in use:[/bold] {report.engine}")
    for check in report.checks:
        mark = "[green]ok[/green]  " if check.ok else "[red]FAIL[/red]"
        console.print(f"{mark} {check.name}: {check.detail}")
    console.print("versions: " + ", ".join(f"{k} {v}" for k, v in report.versions.items()))


def register(cli: typer.Typer) -> None:
    for command in (serve, doctor, reindex, export, erase):
        cli.command()(command)
