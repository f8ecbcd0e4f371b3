"""Outreach commands: ``draft``, ``due``, ``today``, ``log``, ``snooze``, ``ledger``,
``intros``, ``drafts``, ``resources``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from assistant.cli.common import JSON, console, emit, open_app
from assistant.domain import Draft
from assistant.errors import InputError
from assistant.services.outreach.service import CHANNEL_LIMITS, KINDS
from assistant.services.outreach.today import actions_json

drafts_app = typer.Typer(help="The drafts history: list drafts, mark one as sent.",
                         no_args_is_help=True)
resources_app = typer.Typer(help="Your resource library: links and notes to share.",
                            no_args_is_help=True)
CHANNEL_HELP = "|".join(CHANNEL_LIMITS)


def _show(draft: Draft) -> None:
    if draft.notice:
        console.print(f"[yellow]Note:[/yellow] {draft.notice}")
    if draft.ask_warning:
        console.print(f"[yellow]Ask-guard:[/yellow] {draft.ask_warning}")
    if draft.subject:
        console.print(f"Subject: {draft.subject}\n")
    console.print(draft.text)
    if draft.second_text:
        console.print("\n[dim]--- then, once they say yes, the introduction ---[/dim]\n")
        console.print(draft.second_text)
    console.print(
        f"[dim]draft {draft.id}; {draft.char_count} characters, {draft.word_count} words; "
        f"written by {draft.engine}; sources: " + ", ".join(s.id for s in draft.sources)
        + "[/dim]")


def draft(
    kind: Annotated[str, typer.Argument(help="|".join(KINDS))],
    contact: Annotated[str, typer.Option("--contact", help="Name or id of the contact.")],
    channel: Annotated[str, typer.Option(help=CHANNEL_HELP)] = "linkedin-dm",
    to: Annotated[str, typer.Option("--to", help="intro only: the second person.")] = "",
    json_out: JSON = False,
) -> None:
    """Draft a message to a contact, grounded in your notes (kept in the drafts history)."""
    with open_app() as app:
        person = app.contacts.find(contact)
        other = app.contacts.find(to).id if to.strip() else ""
        result = app.outreach.draft(kind, person.id, channel, to_id=other)
    emit(json_out, result.to_json, lambda: _show(result))


def due(
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 50,
    json_out: JSON = False,
) -> None:
    """Who is past their ideal check-in period, most overdue first."""
    with open_app() as app:
        shown = app.outreach.cadences.due(limit=max(0, limit))
        total = app.outreach.cadences.count()

    def human() -> None:
        if not shown:
            console.print("Nobody is due. Enjoy the quiet.")
            return
        table = Table("name", "tier", "last touch", "days past", "score")
        for i in shown:
            table.add_row(i.name, i.tier, i.last_touch.isoformat() if i.last_touch else "never",
                          str(i.days_past_ideal), f"{i.overdue_score:.2f}")
        console.print(table)

    emit(json_out, lambda: {"due": [i.to_json() for i in shown], "total": total}, human)


def today(json_out: JSON = False) -> None:
    """The few most valuable small steps this week."""
    with open_app() as app:
        actions, progress = app.outreach.today.actions(), app.outreach.today.progress()

    def human() -> None:
        console.print(progress.sentence())
        for number, action in enumerate(actions, start=1):
            console.print(f"{number}. {action.title}: {action.reason}")

    emit(json_out, lambda: actions_json(actions, progress), human)


def log(
    contact: Annotated[str, typer.Option("--contact", help="Name or id of the contact.")],
    kind: Annotated[str, typer.Option("--kind", help="coffee, call, message, ...")],
    text: Annotated[str, typer.Argument(help="What happened (optional).")] = "",
    direction: Annotated[str, typer.Option(help="gave|asked|neutral")] = "neutral",
    json_out: JSON = False,
) -> None:
    """Log a touch by hand; it resets the person's check-in clock."""
    with open_app() as app:
        person = app.contacts.find(contact)
        item = app.outreach.log(person.id, kind, direction, text)
    emit(json_out, lambda: item.model_dump(mode="json"),
         f"Logged a {item.direction.value} {item.kind} with {person.name} on {item.when}.")


def snooze(
    contact: Annotated[str, typer.Option("--contact", help="Name or id of the contact.")],
    days: Annotated[int, typer.Option(help="How many days to keep them off the due list.")] = 14,
    json_out: JSON = False,
) -> None:
    """Keep someone off the due list for a while."""
    with open_app() as app:
        person = app.contacts.find(contact)
        until = app.outreach.cadences.snooze(person.id, days)
    emit(json_out, lambda: {"contact_id": person.id, "snoozed_until": until.isoformat()},
         f"{person.name} is snoozed until {until}.")


def ledger(
    contact: Annotated[str, typer.Option("--contact", help="Name or id of the contact.")],
    json_out: JSON = False,
) -> None:
    """What you gave this person and what you asked of them."""
    with open_app() as app:
        person = app.contacts.find(contact)
        book = app.outreach.ledger(person.id)
    emit(json_out, book.to_json,
         f"{person.name}: gave {len(book.gave)}, asked {len(book.asked)}, "
         f"neutral {book.neutral} (balance {book.balance:+d}).")


def intros(json_out: JSON = False) -> None:
    """Pairs of contacts worth introducing (a goal one has meets the other's offer or field)."""
    with open_app() as app:
        pairs = app.outreach.intro_suggestions()

    def human() -> None:
        if not pairs:
            console.print("No pairs yet: tag people with seeking:X and offers:Y to get some.")
        for pair in pairs:
            console.print(f"{pair.first} + {pair.second}: {pair.why}")

    emit(json_out, lambda: {"intros": [p.to_json() for p in pairs]}, human)


@drafts_app.command("list")
def drafts_list(
    contact: Annotated[str, typer.Option(help="Only drafts to this contact.")] = "",
    kind: Annotated[str, typer.Option(help="|".join(KINDS))] = "",
    channel: Annotated[str, typer.Option(help=CHANNEL_HELP)] = "",
    sent: Annotated[str, typer.Option(help="yes|no (default: both)")] = "",
    json_out: JSON = False,
) -> None:
    """Kept drafts, newest first."""
    flags = {"": None, "yes": True, "no": False}
    if sent.strip().lower() not in flags:
        msg = "--sent takes yes or no"
        raise InputError(msg)
    with open_app() as app:
        contact_id = app.contacts.find(contact).id if contact.strip() else ""
        items = app.outreach.history(contact_id=contact_id, kind=kind, channel=channel,
                                     sent=flags[sent.strip().lower()])

    def human() -> None:
        table = Table("id", "created", "kind", "channel", "engine", "sent", "text")
        for d in items:
            table.add_row(d.id, f"{d.created:%Y-%m-%d %H:%M}", d.kind, d.channel, d.engine,
                          "yes" if d.sent else "", d.text.split("\n")[0][:50])
        console.print(table)

    emit(json_out, lambda: {"drafts": [d.to_json() for d in items]}, human)


@drafts_app.command("sent")
def drafts_sent(
    draft_id: Annotated[str, typer.Argument(help="The draft's id (see 'drafts list').")],
    json_out: JSON = False,
) -> None:
    """Mark a draft as sent: logs the interaction once and resets the person's clock."""
    with open_app() as app:
        item = app.outreach.mark_sent(draft_id)
        kept = app.outreach.get_draft(draft_id)
    emit(json_out, lambda: {"draft": kept.to_json(), "interaction": item.model_dump(mode="json")},
         f"Marked {draft_id} as sent ({item.direction.value}, {item.when}).")


@resources_app.command("add")
def resources_add(
    title: Annotated[str, typer.Argument(help="What it is.")],
    url: Annotated[str, typer.Option(help="A link (optional).")] = "",
    note: Annotated[str, typer.Option(help="Why it is useful, in a sentence.")] = "",
    topics: Annotated[str, typer.Option(help="Comma-separated topics to match people on.")] = "",
    json_out: JSON = False,
) -> None:
    """Add a link or note you would share with people interested in its topics."""
    with open_app() as app:
        item = app.outreach.library.add(title, url=url, note=note, topics=topics.split(","))
    emit(json_out, lambda: item.model_dump(mode="json"), f"Added {item.title} ({item.id}).")


@resources_app.command("list")
def resources_list(json_out: JSON = False) -> None:
    """Your resource library."""
    with open_app() as app:
        items = app.outreach.library.all()
    def human() -> None:
        for r in items:
            console.print(f"{r.id}  {r.title}  {r.url}")

    emit(json_out, lambda: {"resources": [r.model_dump(mode="json") for r in items]}, human)


def register(cli: typer.Typer) -> None:
    for command in (draft, due, today, log, snooze, ledger, intros):
        cli.command()(command)
    cli.add_typer(drafts_app, name="drafts")
    cli.add_typer(resources_app, name="resources")
