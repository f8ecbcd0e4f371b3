"""``warmline outbound``: what leaves your machine. Preview a draft's prompt; read or clear the
log of prompts sent to a model."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli.common import JSON, console, emit, open_app, safe
from assistant.services.outreach.service import KINDS

outbound_app = typer.Typer(help="What leaves your machine: previews and the outbound log.",
                           no_args_is_help=True)


@outbound_app.command("preview")
def preview(
    kind: Annotated[str, typer.Argument(help="|".join(KINDS))],
    contact: Annotated[str, typer.Option("--contact", help="Name or id of the contact.")],
    channel: Annotated[str, typer.Option(help="linkedin-note|linkedin-dm|email|text")]
    = "linkedin-dm",
    to: Annotated[str, typer.Option("--to", help="intro only: the second person.")] = "",
    json_out: JSON = False,
) -> None:
    """Show exactly what a draft would send to the model; nothing is sent or kept."""
    with open_app() as app:
        shown = app.outbound.preview_draft(kind, contact, channel, to)

    def human() -> None:
        console.print(f"[bold]{safe(shown.summary())}[/bold]")
        for message in shown.messages:
            console.print(f"\n[dim]--- {message['role']} ---[/dim]")
            console.print(safe(message["content"]))

    emit(json_out, shown.to_json, human)


@outbound_app.command("log")
def show_log(
    limit: Annotated[int, typer.Option(help="Show at most this many, newest first.")] = 20,
    json_out: JSON = False,
) -> None:
    """The prompts Warmline sent to a model, newest first, word for word."""
    with open_app() as app:
        entries = app.outbound.entries(max(1, limit))

    def human() -> None:
        if not entries:
            console.print("No prompt has been sent to a model from this data dir.")
            return
        for entry in entries:
            where = "left this machine" if entry.leaves_machine else "stayed on this machine"
            console.print(f"[bold]{entry.time}[/bold] {safe(entry.model)} at "
                          f"{safe(entry.endpoint)} ({where}; {entry.purpose})")
            for message in entry.messages:
                console.print(f"[dim]--- {message['role']} ---[/dim]")
                console.print(safe(message["content"]))
            console.print()

    emit(json_out, lambda: {"entries": [e.to_json() for e in entries]}, human)


@outbound_app.command("clear")
def clear(json_out: JSON = False) -> None:
    """Delete the outbound log."""
    with open_app() as app:
        count = app.outbound.clear()
    emit(json_out, lambda: {"cleared": count}, f"Deleted the outbound log ({count} requests).")


def register(cli: typer.Typer) -> None:
    cli.add_typer(outbound_app, name="outbound")
