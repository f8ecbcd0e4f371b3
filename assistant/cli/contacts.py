"""Contact commands: ``import``, ``contacts list|search|show|add|set|delete``, ``note add``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from assistant.cli.common import JSON, console, emit, err_console, open_app, open_reader, safe
from assistant.domain import Contact
from assistant.errors import InputError
from assistant.privacy import private_file
from assistant.services.contacts.importing import ImportReport
from assistant.services.contacts.query_rewrite import Rewrite
from assistant.services.contacts.search_results import SearchResult
from assistant.services.contacts.service import ContactDetail
from assistant.services.contacts.spreadsheet import contacts_csv

contacts_app = typer.Typer(help="List, search, show, add, edit and delete contacts.",
                           no_args_is_help=True)
note_app = typer.Typer(help="Add notes to contacts.", no_args_is_help=True)

TIER = Annotated[str, typer.Option("--tier", help="inner|active|dormant|aspirational")]
TAG = Annotated[str, typer.Option("--tag", help="Only contacts with this tag.")]
ID_WIDTH = 14  # "c_" + 12 hex digits
COMPANY = Annotated[str, typer.Option("--company", help="Only contacts at this company.")]
CSV_PATH = Annotated[Path | None, typer.Option(
    "--csv", help="Write the contacts to this CSV file instead (formula cells made inert).")]


def import_file(
    path: Annotated[Path, typer.Argument(help="The export file to import.")],
    fmt: Annotated[str, typer.Option(
        "--format", help="auto|linkedin|linkedin-messages|google|vcard|notes|profile")] = "auto",
    create_contacts: Annotated[bool, typer.Option(
        "--create-contacts",
        help="Notes: add a contact for each `# Name` that matches nobody.")] = False,
    json_out: JSON = False,
) -> None:
    """Import contacts, messages, notes or your profile from an export file."""
    with open_app() as app, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=err_console, transient=True, disable=json_out or not err_console.is_terminal,
    ) as bar:
        task = bar.add_task("reading", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total or None)

        report = app.importer.import_path(path, fmt, progress, create_contacts=create_contacts)
    emit(json_out, report.to_json, lambda: _print_report(report))


def list_contacts(tier: TIER = "", tag: TAG = "", company: COMPANY = "",
                  json_out: JSON = False, csv_path: CSV_PATH = None) -> None:
    """List contacts by name (or write them to a CSV file for a spreadsheet)."""
    with open_reader() as app:  # works while 'warmline serve' runs
        contacts = app.contacts.list_contacts(tier=tier, tag=tag, company=company)
    if csv_path is not None:
        try:
            csv_path.write_text(contacts_csv(contacts), encoding="utf-8")
        except OSError as e:
            msg = f"cannot write {csv_path}: {e.strerror or e}"
            raise InputError(msg) from e
        private_file(csv_path)  # the user's whole network, like the data dir
        emit(json_out, lambda: {"csv": str(csv_path), "contacts": len(contacts)},
             f"Wrote {len(contacts)} contacts to {csv_path}")
        return
    emit(json_out, lambda: {"contacts": [c.model_dump(mode="json") for c in contacts]},
         lambda: _print_contacts(contacts))


def search(
    query: Annotated[str, typer.Argument(help="Names, companies, or what you remember.")],
    tier: TIER = "", tag: TAG = "", company: COMPANY = "",
    limit: Annotated[int, typer.Option("--limit", min=1, max=500)] = 20,
    mode: Annotated[str, typer.Option(
        "--mode", help="hybrid (default), lexical (names, companies, keywords) or semantic "
        "(meaning only): to see why something ranks where it does.")] = "hybrid",
    expand: Annotated[bool, typer.Option(
        "--expand", help="Also ask the configured model for other ways of saying it "
        "('arborist' for 'who looks after trees'); costs one model call.")] = False,
    json_out: JSON = False,
) -> None:
    """Search by name, company, title, notes and interests, best first."""
    with open_app() as app:
        found = app.search.find(query, expand=expand, k=limit, tier=tier, tag=tag,
                                company=company, mode=mode)
    emit(json_out, found.to_json, lambda: _print_results(found.results, found.rewrite))


def show(
    name_or_id: Annotated[str, typer.Argument(help="Name, id or LinkedIn slug.")],
    json_out: JSON = False,
) -> None:
    """Show a contact with notes, interactions and merge history."""
    with open_app() as app:
        detail = app.contacts.detail(app.contacts.find(name_or_id).id)
    emit(json_out, detail.to_json, lambda: _print_detail(detail))


def add(
    name: Annotated[str, typer.Option("--name", help="Full name.")],
    company: Annotated[str, typer.Option("--company")] = "",
    title: Annotated[str, typer.Option("--title")] = "",
    tier: TIER = "active",
    json_out: JSON = False,
) -> None:
    """Add a contact by hand."""
    with open_app() as app:
        contact = app.contacts.add(name, company=company, title=title, tier=tier)
    emit(json_out, lambda: {"contact": contact.model_dump(mode="json")},
         f"Added {contact.name} ({contact.id})")


def set_fields(
    contact_id: Annotated[str, typer.Argument(help="Contact id (or exact name).")],
    tier: Annotated[str | None, typer.Option("--tier")] = None,
    tags: Annotated[str | None, typer.Option("--tags", help="Comma-separated; '' clears.")] = None,
    cadence: Annotated[int | None, typer.Option("--cadence", help="Days; 0: tier default.")] = (
        None
    ),
    json_out: JSON = False,
) -> None:
    """Set a contact's tier, tags or check-in cadence."""
    with open_app() as app:
        contact = app.contacts.find(contact_id)
        if tier is not None:
            contact = app.contacts.set_tier(contact.id, tier)
        if tags is not None:
            contact = app.contacts.set_tags(contact.id, tags.split(","))
        if cadence is not None:
            contact = app.contacts.set_cadence(contact.id, cadence or None)
    emit(json_out, lambda: {"contact": contact.model_dump(mode="json")},
         f"{contact.name}: tier {contact.tier.value}, tags {', '.join(contact.tags) or '-'}, "
         f"cadence {contact.cadence_days or '-'}")


def delete(
    contact_id: Annotated[str, typer.Argument(help="Contact id.")],
    json_out: JSON = False,
) -> None:
    """Delete a contact everywhere: records, notes, interactions and the search index."""
    with open_app() as app:
        result = app.contacts.delete(contact_id)
    emit(json_out, lambda: result,
         f"Deleted {result['name']} ({result['deleted']}) with {result['notes']} notes and "
         f"{result['interactions']} interactions")


def undo_merge(
    event_id: Annotated[int, typer.Argument(help="The merge's id (see 'contacts show').")],
    json_out: JSON = False,
) -> None:
    """Split a merged contact back into the two records it was made from."""
    with open_app() as app:
        restored, split = app.contacts.undo_merge(event_id)
    emit(json_out, lambda: {"restored": restored.model_dump(mode="json"),
                            "split": split.model_dump(mode="json")},
         f"Split {split.name} ({split.id}) back out of {restored.name} ({restored.id})")


def add_note(
    text: Annotated[str, typer.Argument(help="What you want to remember.")],
    contact: Annotated[str, typer.Option("--contact", help="Name or id of the contact.")],
    json_out: JSON = False,
) -> None:
    """Add a dated note to a contact."""
    with open_app() as app:
        person = app.contacts.find(contact)
        note = app.contacts.add_note(person.id, text)
    emit(json_out, lambda: {"note": note.model_dump(mode="json")},
         f"Noted for {person.name} ({note.created}).")


def _print_contacts(contacts: list[Contact]) -> None:
    table = Table("name", "company", "title", "tier", "tags")
    table.add_column("id", no_wrap=True, min_width=ID_WIDTH)  # ids are copied into commands
    for c in contacts:
        table.add_row(safe(c.name), safe(c.company), safe(c.title), c.tier.value,
                      safe(", ".join(c.tags)), c.id)
    console.print(table)
    console.print(f"{len(contacts)} contact{'s' if len(contacts) != 1 else ''}")


def _print_results(results: list[SearchResult], rewrite: Rewrite | None = None) -> None:
    if rewrite and rewrite.terms:
        console.print(f"[dim]Also searched for (from {rewrite.engine}): "
                      f"{safe(', '.join(rewrite.terms))}[/dim]", highlight=False)
    elif rewrite and rewrite.notice:
        console.print(f"[yellow]{rewrite.notice}[/yellow]", highlight=False)
    if not results:
        console.print("No matches.")
        return
    table = Table("score", "name", "company", "title", "why")
    table.add_column("id", no_wrap=True, min_width=ID_WIDTH)
    for r in results:
        table.add_row(f"{r.score:.2f}", safe(r.name), safe(r.company), safe(r.title),
                      safe("; ".join(r.why)), r.id)
    console.print(table)


def _print_report(report: ImportReport) -> None:
    console.print("Imported " + safe(report.summary()))
    for row in report.skipped_rows[:20]:
        console.print(f"  [yellow]skipped row {row.row}:[/yellow] {safe(row.reason)}")
    if report.skipped > 20:
        console.print(f"  … and {report.skipped - 20} more skipped rows (see --json)")
    for row in report.warnings[:20]:
        console.print(f"  [yellow]row {row.row}:[/yellow] {safe(row.reason)}")
    if report.unmatched:
        console.print("  [dim]no contact for: " + safe(", ".join(report.unmatched[:10]))
                      + (" …" if len(report.unmatched) > 10 else "") + "[/dim]")
    if report.notice:
        console.print(f"[yellow]Note:[/yellow] {safe(report.notice)}")
    for line in report.set_aside[:20]:
        console.print(f"  [yellow]left out:[/yellow] {safe(line)}")


def _print_detail(detail: ContactDetail) -> None:
    c: Contact = detail.contact
    console.print(f"[bold]{safe(c.name)}[/bold]  ({c.id})")
    for label, value in (("role", " at ".join(p for p in (c.title, c.company) if p)),
                         ("tier", c.tier.value), ("tags", ", ".join(c.tags)),
                         ("emails", ", ".join(c.emails)), ("linkedin", c.linkedin_slug),
                         ("past", ", ".join(c.past_companies)),
                         ("interests", ", ".join(c.interests)), ("met", c.how_we_met),
                         ("last contacted", str(c.last_contacted or "")),
                         ("cadence", f"{c.cadence_days} days" if c.cadence_days else "")):
        if value:
            console.print(f"  {label}: {safe(value)}")
    for note in detail.notes:
        console.print(f"  [cyan]note {note.created}[/cyan] {safe(note.text)}")
    for item in detail.interactions:
        console.print(f"  [green]{item.when} {item.channel} {item.direction.value}[/green] "
                      f"{safe(item.summary)}")
    for event in detail.to_json()["history"]:
        state = " (undone)" if event["undone"] else ""
        console.print(f"  [magenta]{event['kind']} #{event['id']}{state}[/magenta] "
                      f"{safe(str(event['data']))}")


def register(cli: typer.Typer) -> None:
    cli.command(name="import")(import_file)
    contacts_app.command(name="list")(list_contacts)
    contacts_app.command()(search)
    contacts_app.command()(show)
    contacts_app.command()(add)
    contacts_app.command(name="set")(set_fields)
    contacts_app.command()(delete)
    contacts_app.command(name="undo-merge")(undo_merge)
    note_app.command(name="add")(add_note)
    cli.add_typer(contacts_app, name="contacts")
    cli.add_typer(note_app, name="note")
