"""Drafts: a grounded message to copy, who wrote it, what it drew on, "mark as sent", history."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.domain import Draft
from assistant.errors import WarmlineError
from assistant.services.outreach.service import CHANNEL_LIMITS, KINDS
from assistant.text import ellipsize

SOURCE_CHARS = 80  # a source's snippet under a draft
HISTORY_COLUMNS = ["id", "created", "to", "kind", "channel", "engine", "sent", "text"]
PRIVATE: dict[str, Any] = {"api_visibility": "private"}
ANY = "any"


def draft_markdown(draft: Draft) -> str:
    """Engine, notice, counts and sources under a draft."""
    lines = []
    if draft.notice:
        lines.append(f"Note: {draft.notice}")
    if draft.ask_warning:
        lines.append(f"Ask-guard: {draft.ask_warning}")
    if draft.subject:
        lines.append(f"**Subject:** {draft.subject}")
    if draft.second_text:
        lines.append("**Once they say yes, send the introduction:**\n\n"
                     + draft.second_text.replace("\n", "  \n"))
    lines.append(
        f"Written by **{draft.engine}** · {draft.char_count} characters · {draft.word_count} words"
    )
    if draft.sources:
        lines.append(
            "Drew on: " + "; ".join(f"*{s.kind}* “{ellipsize(s.snippet, SOURCE_CHARS)}”"
                                    for s in draft.sources)
        )
    return "\n\n".join(lines)


def build(app: Warmline) -> None:
    gr.Markdown("### Drafts\nA short, give-first message that uses something you remember.")
    with gr.Row():
        contact = gr.Textbox(label="Contact (name or id)", elem_id="draft-contact")
        kind = gr.Dropdown(list(KINDS), value=KINDS[0], label="Kind", elem_id="draft-kind")
        channel = gr.Dropdown(
            list(CHANNEL_LIMITS), value="linkedin-dm", label="Channel", elem_id="draft-channel"
        )
        to = gr.Textbox(label="Introduce to (intro only)", elem_id="draft-to")
    write = gr.Button("Write draft", variant="primary", elem_id="draft-write")
    text = gr.Textbox(label="Draft (edit freely)", lines=8, buttons=["copy"], interactive=True,
                      elem_id="draft-text")
    info = gr.Markdown(elem_id="draft-info")
    state = gr.State("")  # the id of the draft on screen; '' when there is none
    with gr.Row():
        regen = gr.Button("Regenerate", elem_id="draft-regenerate")
        sent = gr.Button("Mark as sent", elem_id="draft-sent")
    sent_info = gr.Markdown(elem_id="draft-sent-info")
    with gr.Accordion("History", open=True):
        with gr.Row():
            f_contact = gr.Textbox(label="Contact", elem_id="history-contact")
            f_kind = gr.Dropdown([ANY, *KINDS], value=ANY, label="Kind", elem_id="history-kind")
            f_sent = gr.Dropdown([ANY, "sent", "not sent"], value=ANY, label="Sent",
                                 elem_id="history-sent")
            show = gr.Button("Show", size="sm", elem_id="history-show")
        history = gr.Dataframe(headers=HISTORY_COLUMNS, interactive=False,
                               elem_id="drafts-history")

    def find(name: str) -> str:
        return app.contacts.find(name).id

    def api_draft(kind: str, contact: str, channel: str = "linkedin-dm",
                  to: str = "") -> dict[str, Any]:
        try:
            other = find(to) if to.strip() else ""
            return app.outreach.draft(kind, find(contact), channel,
                                      to_id=other).to_json()
        except WarmlineError as e:  # one line for the caller, no traceback in the server log
            raise gr.Error(str(e), print_exception=False) from e

    def on_write(contact: str, kind: str, channel: str, to: str) -> tuple[str, str, str, str]:
        try:
            other = find(to) if kind == "intro" and to.strip() else ""
            draft = app.outreach.draft(kind, find(contact), channel, to_id=other)
        except WarmlineError as e:
            # Nothing from an earlier draft survives a failed one: no stale text to mark sent.
            return "", f"**Error:** {e}", "", ""
        return draft.text, draft_markdown(draft), draft.id, ""

    def on_regenerate(draft_id: str) -> tuple[str, str, str, str]:
        if not draft_id:
            raise gr.Error("Write a draft first.", print_exception=False)
        draft = app.outreach.regenerate(draft_id)
        return draft.text, draft_markdown(draft), draft.id, ""

    def on_sent(draft_id: str, edited: str) -> str:
        if not draft_id:
            raise gr.Error("Write a draft first.", print_exception=False)
        before = app.outreach.get_draft(draft_id)
        item = app.outreach.mark_sent(draft_id, edited)
        name = app.contacts.detail(item.contact_id).contact.name
        if before.sent:
            return f"Already logged as sent to {name} on {item.when}; nothing new was logged."
        return f"Logged as sent to {name}. The check-in clock for them starts again."

    def rows(contact: str | None, kind: str | None, sent_filter: str | None) -> list[list[str]]:
        contact, kind = contact or "", kind or ANY  # a page load may send empty boxes as None
        try:
            contact_id = find(contact) if contact.strip() else ""
        except WarmlineError as e:
            raise gr.Error(str(e), print_exception=False) from e
        sent_flag = {"sent": True, "not sent": False}.get(sent_filter or "")
        names: dict[str, str] = {}
        out = []
        for d in app.outreach.history(contact_id=contact_id,
                                      kind="" if kind == ANY else kind, sent=sent_flag):
            if d.contact_id not in names:
                try:
                    names[d.contact_id] = app.contacts.detail(d.contact_id).contact.name
                except WarmlineError:
                    names[d.contact_id] = d.contact_id
            out.append([d.id, f"{d.created:%Y-%m-%d %H:%M}", names[d.contact_id], d.kind,
                        d.channel, d.engine, "yes" if d.sent else "",
                        ellipsize(d.text, 60)])
        return out

    filters = [f_contact, f_kind, f_sent]
    drawn = write.click(on_write, [contact, kind, channel, to], [text, info, state, sent_info],
                        **PRIVATE)
    drawn.then(rows, filters, history, **PRIVATE)
    regen.click(on_regenerate, state, [text, info, state, sent_info], **PRIVATE).then(
        rows, filters, history, **PRIVATE)
    sent.click(on_sent, [state, text], sent_info, **PRIVATE).then(rows, filters, history,
                                                                    **PRIVATE)
    show.click(rows, filters, history, **PRIVATE)
    # The scripted API endpoint: same service, JSON out.
    gr.api(api_draft, api_name="draft")
    root = gr.context.Context.root_block
    if root is not None:
        root.load(rows, filters, history, **PRIVATE)
