"""``warmline chat [MESSAGE]``: the coach in a terminal, one line in, one answer out."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli.common import JSON, console, open_app, print_json
from assistant.services.coach.replies import Reply
from assistant.services.coach.service import CoachService

PROMPT = "you> "


def _show(reply: Reply, json_out: bool, conversation: str) -> None:
    if json_out:
        print_json({**reply.to_json(), "conversation": conversation})
    else:
        console.print(reply.text, markup=False)


def _interactive(coach: CoachService, conversation: str, json_out: bool) -> None:
    while True:
        try:
            line = input("" if json_out else PROMPT)
        except EOFError:
            return
        if line.strip().casefold() in {"quit", "exit", ":q"}:
            return
        if line.strip():
            _show(coach.reply(line, conversation), json_out, conversation)


def chat(
    message: Annotated[str | None, typer.Argument(help="One message; none: a session.")] = None,
    new: Annotated[bool, typer.Option("--new", help="Start a new conversation.")] = False,
    forget: Annotated[bool, typer.Option(
        "--forget", help="Delete every stored conversation and exit.")] = False,
    json_out: JSON = False,
) -> None:
    """Chat with the coach: plain words in, drafts, people and pitches out."""
    with open_app() as app:
        coach = app.coach
        if forget:
            removed = coach.forget_all()
            if json_out:
                print_json({"deleted_messages": removed})
            else:
                console.print(f"Deleted {removed} chat messages.")
            return
        conversation = coach.new_chat() if new else coach.current()
        if message is None:
            _interactive(coach, conversation, json_out)
            return
        _show(coach.reply(message, conversation), json_out, conversation)


def register(cli: typer.Typer) -> None:
    cli.command()(chat)
