"""The resource library (inside the Drafts tab): links and notes to share, matched to people."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.text import ellipsize
from assistant.ui.actions import require, wire

COLUMNS = ["title", "url", "topics", "note", "id"]
NOTE_CHARS = 80


def resource_rows(app: Warmline) -> list[list[str]]:
    """Every resource as the library table shows it, by title."""
    return [[r.title, r.url, ", ".join(r.topics), ellipsize(r.note, NOTE_CHARS), r.id]
            for r in app.outreach.library.all()]


def topics_list(text: str | None) -> list[str]:
    """Comma- or semicolon-separated topics as a list."""
    return [t.strip() for t in (text or "").replace(";", ",").split(",") if t.strip()]


def build(app: Warmline) -> None:
    """The library's table and its add / edit / remove form."""
    gr.Markdown("Links and notes you are happy to pass on. A check-in or thank-you offers the "
                "one that fits the person's interests best (topics help it match).")
    table = gr.Dataframe(headers=COLUMNS, interactive=False, wrap=True,
                         elem_id="resources-table")
    current = gr.State("")  # the id of the resource in the form; '' for a new one
    with gr.Row():
        title = gr.Textbox(label="Title", elem_id="resource-title", scale=2)
        url = gr.Textbox(label="Link (optional)", placeholder="https://...",
                         elem_id="resource-url", scale=2)
        topics = gr.Textbox(label="Topics (comma-separated)", placeholder="running, product",
                            elem_id="resource-topics", scale=2)
    note = gr.Textbox(label="Note: what it is, in a sentence", lines=2, elem_id="resource-note")
    with gr.Row():
        save = gr.Button("Add to library", variant="primary", size="sm", elem_id="resource-save")
        clear = gr.Button("New", size="sm", elem_id="resource-new")
        remove = gr.Button("Remove", variant="stop", size="sm", elem_id="resource-remove")
    status = gr.Markdown(elem_id="resource-status")
    form = [current, title, url, topics, note, save]

    def blank() -> list[Any]:
        return ["", "", "", "", "", gr.update(value="Add to library")]

    def on_select(evt: gr.SelectData) -> list[Any]:
        row = evt.row_value or []
        require(row and row[-1], "Pick a resource in the table.")
        r = app.outreach.library.get(str(row[-1]))
        return [r.id, r.title, r.url, ", ".join(r.topics), r.note,
                gr.update(value="Save changes"), f"Editing “{r.title}”."]

    def on_save(rid: str, t: str, u: str, tp: str, n: str) -> list[Any]:
        library, found = app.outreach.library, topics_list(tp)
        saved = (library.update(rid, t or "", url=u or "", note=n or "", topics=found) if rid
                 else library.add(t or "", url=u or "", note=n or "", topics=found))
        verb = "Saved" if rid else "Added"
        return [*blank(), f"{verb} “{saved.title}”.", resource_rows(app)]

    def on_remove(rid: str) -> list[Any]:
        require(rid, "Pick a resource in the table first.")
        gone = app.outreach.library.get(rid)
        app.outreach.library.delete(rid)
        return [*blank(), f"Removed “{gone.title}”.", resource_rows(app)]

    wire(table.select, on_select, None, [*form, status])
    wire(save.click, on_save, [current, title, url, topics, note], [*form, status, table])
    wire(clear.click, lambda: [*blank(), ""], None, [*form, status])
    wire(remove.click, on_remove, current, [*form, status, table])
    root = gr.context.Context.root_block
    if root is not None:
        wire(root.load, lambda: resource_rows(app), None, table)
