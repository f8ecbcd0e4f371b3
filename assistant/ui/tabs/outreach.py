"""Drafts: a grounded message to copy, who wrote it, what it drew on, and "mark as sent"."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.domain import Draft
from assistant.errors import WarmlineError
from assistant.services.outreach.service import CHANNEL_LIMITS, KINDS
from assistant.text import ellipsize

SOURCE_CHARS = 80  # a source's snippet under a draft


def draft_markdown(draft: Draft) -> str:
    """Engine, notice, counts and sources under a draft."""
    lines = []
    if draft.notice:
        lines.append(f"⚠️ {draft.notice}")
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

    def api_draft(kind: str, contact: str, channel: str) -> dict[str, Any]:
        try:
            person = app.records.find_contact(contact)
            return app.outreach.draft(kind, person.id, channel).to_json()
        except WarmlineError as e:  # one line for the caller, no traceback in the server log
            raise gr.Error(str(e), print_exception=False) from e

    def on_write(contact: str, kind: str, channel: str) -> tuple[str, str, Any]:
        try:
            person = app.records.find_contact(contact)
            draft = app.outreach.draft(kind, person.id, channel)
        except WarmlineError as e:
            raise gr.Error(str(e), print_exception=False) from e
        return draft.text, draft_markdown(draft), (person.id, draft.model_dump(mode="json"))

    def on_sent(saved: Any, edited: str) -> str:
        if not saved:
            raise gr.Error("Write a draft first.", print_exception=False)
        contact_id, data = saved
        draft = Draft.model_validate({**data, "text": edited})
        app.outreach.mark_sent(contact_id, draft)
        return "Logged as sent. The check-in clock for this person starts again."

    write.click(on_write, [contact, kind, channel], [text, info, state], api_visibility="private")
    sent.click(on_sent, [state, text], sent_info, api_visibility="private")
    # The scripted API endpoint: same service, JSON out.
    gr.api(api_draft, api_name="draft")
