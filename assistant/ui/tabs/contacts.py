"""Contacts: import, search and filter, open a contact, note, edit, delete, undo a merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.domain import Tier
from assistant.errors import InputError
from assistant.services.contacts.importing import FORMATS
from assistant.services.contacts.query_rewrite import Rewrite
from assistant.services.contacts.search_results import Found, SearchResult
from assistant.services.contacts.service import MAX_CADENCE_DAYS, ContactDetail
from assistant.ui.actions import api_action, require, wire
from assistant.ui.keep_in_touch import keep_in_touch_markdown

COLUMNS = ["name", "company", "title", "tier", "tags", "score", "why", "id"]
# Fixed widths (px), about 1,150 in all: on a laptop every column is on screen, and on a phone
# the table scrolls sideways instead of squeezing tags to single letters; long reasons are cut
# (the contact's page has them in full), so rows stay a few lines tall.
COLUMN_WIDTHS: list[str | int] = [140, 130, 150, 80, 150, 70, 300, 130]
CELL_CHARS = 100
TABLE_ROWS = 500
TIERS = [t.value for t in Tier]
ANY_TIER = [("any tier", ""), *((t, t) for t in TIERS)]
EMPTY_PAGE = "*Select a row or type a name to open a contact.*"
SNOOZE_CHOICES = [("1 week", 7), ("2 weeks", 14), ("1 month", 30), ("3 months", 90),
                  ("back on the due list now", 0)]


def report_markdown(report: dict[str, Any]) -> str:
    """An import report for people: counts, then skipped rows with their reasons."""
    lines = [f"**Imported {report['file']}** ({report['format']}): {report['added']} added, "
             f"{report['updated']} updated, {report['merged']} merged, "
             f"{report['unchanged']} unchanged, {report['skipped']} skipped · "
             f"{report['notes']} notes · {report['interactions']} interactions"]
    if report.get("job_changes"):
        lines.append(f"{report['job_changes']} job change(s): a chance to say congratulations.")
    if report.get("profile_updated"):
        lines.append(f"Your profile was updated ({report['positions']} new positions).")
    lines += [f"- skipped row {s['row']}: {s['reason']}" for s in report["skipped_rows"][:20]]
    lines += [f"- row {w['row']}: {w['reason']}" for w in report.get("warnings", [])[:20]]
    if report.get("unmatched"):
        lines.append("No contact for: " + ", ".join(report["unmatched"][:10]))
    if report.get("notice"):
        lines.append(f"Note: {report['notice']}")
    return "\n\n".join(lines)


def rewrite_markdown(rewrite: Rewrite | None) -> str:
    """What the model added to a search, or why it added nothing."""
    if rewrite is None:
        return ""
    if rewrite.terms:
        return f"Also searched for (from {rewrite.engine}): " + ", ".join(rewrite.terms)
    return f"Note: {rewrite.notice}" if rewrite.notice else ""


def table_rows(results: list[SearchResult]) -> list[list[Any]]:
    """Search results as the contacts table shows them."""
    return [[r.name, r.company, r.title, r.tier, ", ".join(r.tags), round(r.score, 3),
             (f"{r.match}: " if r.match != "match" else "") + "; ".join(r.why), r.id]
            for r in results]


def detail_markdown(detail: ContactDetail) -> str:
    """The contact page: who they are, notes, interactions and merge history."""
    c = detail.contact
    facts = [("Role", " at ".join(p for p in (c.title, c.company) if p)),
             ("Tier", c.tier.value), ("Tags", ", ".join(c.tags)),
             ("Email", ", ".join(c.emails)), ("LinkedIn", c.linkedin_slug),
             ("Previously", ", ".join(c.past_companies)), ("Interests", ", ".join(c.interests)),
             ("How we met", c.how_we_met), ("Last contacted", str(c.last_contacted or ""))]
    sections = [f"#### {c.name}\n`{c.id}`",
                "\n".join(f"- **{label}:** {value}" for label, value in facts if value),
                "**Notes**\n\n" + ("\n".join(f"- {n.created}: {n.text}" for n in detail.notes)
                                   or "- (none yet)"),
                "**Interactions**\n\n" + ("\n".join(
                    f"- {i.when} · {i.channel or '-'} · {i.direction.value} · {i.summary}"
                    for i in detail.interactions) or "- (none yet)")]
    history = detail.to_json()["history"]
    if history:
        sections.append("**History**\n\n" + "\n".join(f"- {_event_line(e)}" for e in history))
    return "\n\n".join(sections)


def _event_line(event: dict[str, Any]) -> str:
    data = event["data"]
    if event["kind"] == "merge":
        state = " (undone)" if event["undone"] else ""
        return (f"merge #{event['id']}{state}: {data.get('merged_name', '')} from "
                f"{data.get('source', '?')} (matched by {data.get('rule', '?')})")
    if event["kind"] == "job_change":
        return (f"job change: {data.get('old_title', '')} at {data.get('old_company', '')} → "
                f"{data.get('new_title', '')} at {data.get('new_company', '')}")
    return f"{event['kind']} #{event['id']}"


def build(app: Warmline) -> None:
    gr.Markdown("### Contacts\nImport a LinkedIn export (Connections.csv, messages.csv, "
                "Profile.csv, Positions.csv), Google Contacts CSV, vCard, Markdown notes or a "
                "Warmline export. Nothing leaves this machine.")
    with gr.Row():
        upload = gr.File(label="Drop an export here", elem_id="contacts-import", scale=3)
        fmt = gr.Dropdown(list(FORMATS), value="auto", label="Format",
                          elem_id="contacts-import-format", scale=1)
    report_md = gr.Markdown(elem_id="contacts-import-report")
    create_btn = gr.Button("Add the people these notes are about as contacts", size="sm",
                           visible=False, elem_id="contacts-create-unmatched")
    with gr.Accordion("Import report (JSON)", open=False):
        report_json = gr.JSON(elem_id="contacts-import-json")

    with gr.Row():
        query = gr.Textbox(label="Search", elem_id="contacts-search", scale=3,
                           placeholder="a name, a company, or what you remember")
        tier = gr.Dropdown(ANY_TIER, value="", label="Tier", elem_id="contacts-filter-tier")
        tag = gr.Textbox(label="Tag", elem_id="contacts-filter-tag")
        company = gr.Textbox(label="Company", elem_id="contacts-filter-company")
    with gr.Row():
        search_btn = gr.Button("Search", elem_id="contacts-search-button", scale=3)
        expand = gr.Checkbox(label="Ask the model for other ways of saying it", scale=1,
                             info="'arborist' for 'who looks after trees'; one model call",
                             elem_id="contacts-search-expand")
    expanded = gr.Markdown(elem_id="contacts-search-expanded")
    filters = [query, tier, tag, company, expand]

    def found(q: str = "", t: str = "", g: str = "", c: str = "", x: bool = False) -> Found:
        # Rewrites are remembered, so refreshing the table after an edit asks no model again.
        return app.search.find(q or "", expand=bool(x), k=TABLE_ROWS, tier=t or "",
                               tag=g or "", company=c or "")

    def rows(*f: Any) -> list[list[Any]]:
        return table_rows(found(*f).results)

    def on_search(*f: Any) -> tuple[list[list[Any]], str]:
        result = found(*f)
        said = rewrite_markdown(result.rewrite)
        if not result.results and (f[0] or "").strip():
            said = "\n\n".join(p for p in (f"No matches for '{f[0].strip()}'.", said) if p)
        return table_rows(result.results), said

    table = gr.Dataframe(headers=COLUMNS, interactive=False, wrap=True, elem_id="contacts-table",
                         column_widths=COLUMN_WIDTHS, max_chars=CELL_CHARS)

    with gr.Accordion("Add a contact", open=False):
        with gr.Row():
            new_name = gr.Textbox(label="Name", elem_id="contacts-add-name")
            new_company = gr.Textbox(label="Company", elem_id="contacts-add-company")
            new_title = gr.Textbox(label="Title", elem_id="contacts-add-title")
            new_tier = gr.Dropdown(TIERS, value="active", label="Tier", elem_id="contacts-add-tier")
        add_btn = gr.Button("Add contact", elem_id="contacts-add-button")

    gr.Markdown("#### Contact")
    current = gr.State("")
    with gr.Row():
        open_box = gr.Textbox(label="Open a contact (name or id)", elem_id="contact-open", scale=3)
        open_btn = gr.Button("Open", elem_id="contact-open-button")
    page = gr.Markdown(EMPTY_PAGE, elem_id="contact-detail")
    with gr.Row():
        edit_tier = gr.Dropdown(TIERS, label="Tier", elem_id="contact-tier")
        edit_tags = gr.Textbox(label="Tags (comma-separated)", elem_id="contact-tags")
        # No minimum/maximum here: Gradio's own bound errors log a traceback; on_save checks.
        edit_cadence = gr.Number(label="Check in every N days (empty: tier default)",
                                 precision=0, elem_id="contact-cadence")
        edit_cadence_max = gr.Number(label="At most every N days (empty: default)",
                                     precision=0, elem_id="contact-cadence-max")
        save_btn = gr.Button("Save", elem_id="contact-save")
    with gr.Row():
        snooze_days = gr.Dropdown(SNOOZE_CHOICES, value=7, label="Snooze check-ins for",
                                  elem_id="contact-snooze-days", scale=3)
        snooze_btn = gr.Button("Snooze", elem_id="contact-snooze")
    with gr.Row():
        note_box = gr.Textbox(label="Add a note", lines=2, elem_id="contact-note", scale=3)
        note_btn = gr.Button("Add note", elem_id="contact-note-add")
    with gr.Row():
        merges = gr.Dropdown([], label="Merged records", elem_id="contact-merge", scale=3)
        undo_btn = gr.Button("Undo merge", elem_id="contact-undo-merge")
    delete_btn = gr.Button("Delete contact", variant="stop", elem_id="contact-delete")
    with gr.Row(visible=False) as confirm_row:
        gr.Markdown("Delete this contact with their notes and interactions, everywhere? "
                    "This cannot be undone.")
        confirm_btn = gr.Button("Yes, delete", variant="stop", elem_id="contact-delete-confirm")
        cancel_btn = gr.Button("Cancel", elem_id="contact-delete-cancel")
    status = gr.Markdown(elem_id="contact-status")
    page_outputs = [current, page, edit_tier, edit_tags, edit_cadence, edit_cadence_max, merges]

    def page_values(contact_id: str) -> list[Any]:
        if not contact_id:
            return ["", EMPTY_PAGE, None, "", None, None, gr.update(choices=[], value=None)]
        detail = app.contacts.detail(contact_id)
        c = detail.contact
        choices = [(f"#{e['id']} {e['data'].get('merged', {}).get('name', '')} from "
                    f"{e['data'].get('source', '')}", e["id"]) for e in detail.undoable_merges]
        keep = keep_in_touch_markdown(app.outreach.cadences.status(c.id),
                                      app.outreach.ledger(c.id), app.outreach.ask_guard(c.id),
                                      app.outreach.clock())
        return [c.id, detail_markdown(detail) + "\n\n" + keep, c.tier.value, ", ".join(c.tags),
                c.cadence_days, c.cadence_max_days,
                gr.update(choices=choices, value=choices[0][1] if choices else None)]

    @api_action
    def api_import(file: str | None, fmt_name: str = "auto",
                   progress: gr.Progress = gr.Progress()) -> dict[str, Any]:  # noqa: B008
        require(file, "Choose a file to import.")

        def step(stage: str, done: int, total: int) -> None:
            progress((done, total) if total else None, desc=stage)

        report = app.importer.import_path(Path(str(file)), fmt_name or "auto", step)
        return report.to_json()

    @api_action
    def api_search(query: str, tier: str = "", tag: str = "", company: str = "",
                   limit: int = 20, expand: bool = False) -> dict[str, Any]:
        return app.search.find(query, expand=bool(expand), k=int(limit), tier=tier,
                               tag=tag, company=company).to_json()

    def on_open(name_or_id: str) -> list[Any]:
        return [*page_values(app.contacts.find(name_or_id).id), ""]

    def on_select(evt: gr.SelectData) -> list[Any]:
        row = evt.row_value or []
        return [*page_values(str(row[-1]) if row else ""), ""]

    def on_save(cid: str, t: str, tags: str, cadence: float | None, top: float | None,
                *f: str) -> list[Any]:
        require(cid, "Open a contact first.")
        days = int(cadence) if cadence else None  # 0 or empty: the tier's default
        most = int(top) if top else None
        for value in (days, most):
            if value is not None and not 1 <= value <= MAX_CADENCE_DAYS:
                raise InputError(f"A check-in cadence is between 1 and {MAX_CADENCE_DAYS} days.")
        app.outreach.cadences.set_period(cid, days, most)  # checked first: all or nothing
        app.contacts.update(cid, tier=t or "active", tags=(tags or "").split(","))
        return [*page_values(cid), "Saved.", rows(*f)]

    def on_snooze(cid: str, days: int | None) -> list[Any]:
        require(cid, "Open a contact first.")
        if not days:
            app.outreach.cadences.unsnooze(cid)
            return [*page_values(cid), "Back on the due list."]
        until = app.outreach.cadences.snooze(cid, int(days))
        return [*page_values(cid), f"Snoozed until {until}: they stay off Today until then."]

    def on_note(cid: str, text: str) -> list[Any]:
        require(cid, "Open a contact first.")
        app.contacts.add_note(cid, text)
        return [*page_values(cid), "Note added.", ""]

    def on_add(name: str, comp: str, title: str, t: str, *f: str) -> list[Any]:
        contact = app.contacts.add(name, company=comp, title=title, tier=t or "active")
        return [*page_values(contact.id), f"Added {contact.name}.", rows(*f)]

    def on_undo(cid: str, event_id: int | None, *f: str) -> list[Any]:
        require(cid and event_id is not None, "Choose a merge to undo.")
        _, split = app.contacts.undo_merge(int(event_id or 0))
        return [*page_values(cid), f"Split {split.name} back out ({split.id}).", rows(*f)]

    def on_delete(cid: str, *f: str) -> list[Any]:
        require(cid, "Open a contact first.")
        result = app.contacts.delete(cid)
        return [*page_values(""), f"Deleted {result['name']} with {result['notes']} notes.",
                rows(*f), gr.update(visible=False)]

    def ask_delete(cid: str) -> Any:
        require(cid, "Open a contact first.")
        return gr.update(visible=True)

    private: dict[str, Any] = {"api_visibility": "private"}
    imported = upload.upload(api_import, [upload, fmt], report_json, api_name="import_file")
    imported.success(lambda r: (report_markdown(r), rows(),
                                gr.update(visible=bool(r.get("unmatched_notes")))),
                     report_json, [report_md, table, create_btn], **private)

    def on_create(report: dict[str, Any] | None) -> tuple[str, Any, Any]:
        names = list((report or {}).get("unmatched_notes", []))
        made = app.importer.create_contacts_for(names)
        line = ("Added " + ", ".join(c.name for c in made) + "; their notes are attached."
                if made else "Everyone named in the notes is already a contact.")
        return line, rows(), gr.update(visible=False)

    wire(create_btn.click, on_create, report_json, [report_md, table, create_btn])
    # Clear the drop zone after every attempt so the next file can be dropped straight away.
    # Gradio 6's page skips .then() after an error, so a failed import needs .failure() too.
    imported.then(lambda: None, None, upload, **private)
    imported.failure(lambda: None, None, upload, **private)
    for trigger in (query.submit, search_btn.click, tier.change, tag.submit, company.submit,
                    expand.input):
        wire(trigger, on_search, filters, [table, expanded])
    wire(table.select, on_select, None, [*page_outputs, status])
    for trigger in (open_box.submit, open_btn.click):
        wire(trigger, on_open, open_box, [*page_outputs, status])
    wire(save_btn.click, on_save,
         [current, edit_tier, edit_tags, edit_cadence, edit_cadence_max, *filters],
         [*page_outputs, status, table])
    wire(snooze_btn.click, on_snooze, [current, snooze_days], [*page_outputs, status])
    wire(note_btn.click, on_note, [current, note_box], [*page_outputs, status, note_box])
    wire(add_btn.click, on_add, [new_name, new_company, new_title, new_tier, *filters],
         [*page_outputs, status, table])
    wire(undo_btn.click, on_undo, [current, merges, *filters], [*page_outputs, status, table])
    wire(delete_btn.click, ask_delete, current, confirm_row)
    cancel_btn.click(lambda: gr.update(visible=False), None, confirm_row, **private)
    wire(confirm_btn.click, on_delete, [current, *filters],
         [*page_outputs, status, table, confirm_row])
    gr.api(api_search, api_name="search_contacts")
    # Fill the table on every page load (a callable value would add a public API endpoint).
    root = gr.context.Context.root_block
    if root is not None:
        wire(root.load, rows, None, table)
