"""Drafts: a grounded message to copy, who wrote it, what it drew on, and "mark as sent"."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.domain import Draft
from assistant.services.outreach.service import CHANNEL_LIMITS, KINDS
from assistant.text import ellipsize
from assistant.ui.actions import api_action, require, wire

SOURCE_CHARS = 80  # a source's snippet under a draft


def draft_markdown(draft: Draft) -> str:
    """Engine, notice, counts and sources under a draft."""
    lines = []
    if draft.notice:
        lines.append(f"Note: {draft.notice}")
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
    write = gr.Button("Write draft", variant="primary", elem_id="draft-write")
    text = gr.Textbox(label="Draft", lines=8, buttons=["copy"], elem_id="draft-text")
    info = gr.Markdown(elem_id="draft-info")
    state = gr.State(None)
    sent = gr.Button("Mark as sent", elem_id="draft-sent")
    sent_info = gr.Markdown(elem_id="draft-sent-info")

    @api_action
    def api_draft(kind: str, contact: str, channel: str) -> dict[str, Any]:
        person = app.contacts.find(contact)
        return app.outreach.draft(kind, person.id, channel).to_json()

    def on_write(contact: str, kind: str, channel: str) -> tuple[str, str, Any]:
        person = app.contacts.find(contact)
        draft = app.outreach.draft(kind, person.id, channel)
        return draft.text, draft_markdown(draft), (person.id, draft.model_dump(mode="json"))

    def on_sent(saved: Any, edited: str) -> str:
        require(saved, "Write a draft first.")
        contact_id, data = saved
        draft = Draft.model_validate({**data, "text": edited})
        app.outreach.mark_sent(contact_id, draft)
        return "Logged as sent. The check-in clock for this person starts again."

    wire(write.click, on_write, [contact, kind, channel], [text, info, state])
    wire(sent.click, on_sent, [state, text], sent_info)
    # The scripted API endpoint: same service, JSON out.
    gr.api(api_draft, api_name="draft")
