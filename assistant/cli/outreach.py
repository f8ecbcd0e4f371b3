"""Draft commands: ``warmline draft KIND --contact NAME``."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli.common import JSON, console, open_app, print_json


def draft(
    kind: Annotated[str, typer.Argument(help="checkin")],
    contact: Annotated[str, typer.Option("--contact", help="Name or id of the contact.")],
    channel: Annotated[str, typer.Option(help="linkedin-note|linkedin-dm|email|text")] = (
        "linkedin-dm"
    ),
    json_out: JSON = False,
) -> None:
    """Draft a message to a contact, grounded in your notes."""
    with open_app() as app:
        person = app.contacts.find(contact)
        result = app.outreach.draft(kind, person.id, channel)
    if json_out:
        print_json(result.to_json())
        return
    if result.notice:
        console.print(f"[yellow]Note:[/yellow] {result.notice}")
    console.print(result.text)
    console.print(
        f"[dim]{result.char_count} characters, {result.word_count} words; "
        f"written by {result.engine}; sources: "
        + ", ".join(s.id for s in result.sources)
        + "[/dim]"
    )


def register(cli: typer.Typer) -> None:
    cli.command()(draft)
