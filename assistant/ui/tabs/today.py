"""Today: the few most valuable small steps this week, each one click from a ready draft."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.drafting.render import draft_info
from assistant.errors import WarmlineError
from assistant.services.outreach.today import Action, actions_json
from assistant.ui.actions import api_action, require, wire

EMPTY = ("Nothing is due this week. Add contacts (Contacts tab) and set their tiers: "
         "inner-circle people come up every 30 days.")
SNOOZE_CHOICES = [("1 week", 7), ("2 weeks", 14), ("1 month", 30), ("3 months", 90)]
PICK_FIRST = "Pick a step first."


def _choice(action: Action) -> tuple[str, str]:
    return f"{action.title}: {action.reason}", f"{action.draft_kind}|{action.contact_id}"


def build(app: Warmline) -> None:
    gr.Markdown("### Today\nSmall, low-pressure steps. Pick one and a draft is ready to copy.")
    progress = gr.Markdown(elem_id="today-progress")
    actions = gr.Radio(choices=[], label="This week", elem_id="today-actions")
    summary = gr.Markdown(elem_id="today-summary")
    text = gr.Textbox(label="Draft (edit freely before you copy it)", lines=8, buttons=["copy"],
                      interactive=True, elem_id="today-draft")
    info = gr.Markdown(elem_id="today-draft-info")
    with gr.Row():
        regen = gr.Button("Regenerate", size="sm", elem_id="today-regenerate")
        sent = gr.Button("Mark as sent", variant="primary", size="sm", elem_id="today-sent")
        refresh = gr.Button("Refresh", size="sm", elem_id="today-refresh")
    with gr.Row():
        snooze_for = gr.Dropdown(SNOOZE_CHOICES, value=7, label="Not now? Snooze this person for",
                                 elem_id="today-snooze-days", scale=2)
        snooze = gr.Button("Snooze", size="sm", elem_id="today-snooze", scale=1)
    status = gr.Markdown(elem_id="today-status")
    current = gr.State("")  # the id of the draft on screen

    def load() -> tuple[Any, str, str]:
        found = app.outreach.today.actions()
        done = app.outreach.today.progress()
        count = len(found)
        line = (f"**{count}** small step{'s' if count != 1 else ''} for this week."
                if count else EMPTY)
        choices = [_choice(a) for a in found]
        return gr.update(choices=choices, value=None), line, done.sentence()

    def open_action(value: str | None) -> tuple[str, str, str, str]:
        if not value:
            return "", "", "", ""
        kind, contact_id = value.split("|", 1)
        if not kind:
            return ("", "Practice runs in the Interview tab: one mock session is plenty.", "",
                    "")
        try:
            draft = app.outreach.draft(kind, contact_id, "linkedin-dm")
        except WarmlineError as e:
            # Nothing from an earlier draft survives a failed one: no stale text to mark sent.
            return "", f"**Error:** {e}", "", ""
        return draft.text, draft_info(draft), draft.id, ""

    def on_regenerate(draft_id: str) -> tuple[str, str, str, str]:
        require(draft_id, PICK_FIRST)
        draft = app.outreach.regenerate(draft_id)
        return draft.text, draft_info(draft), draft.id, ""

    def on_sent(draft_id: str, edited: str) -> tuple[Any, ...]:
        require(draft_id, PICK_FIRST)
        item = app.outreach.mark_sent(draft_id, edited)
        name = app.contacts.detail(item.contact_id).contact.name
        return (*load(), "", "", "",
                f"Logged as sent to {name}. Their check-in clock starts again.")

    def on_snooze(value: str | None, days: int | None) -> tuple[Any, ...]:
        contact_id = (value or "|").split("|", 1)[1]
        require(contact_id, "Pick a check-in, thank-you or congratulation to snooze.")
        until = app.outreach.cadences.snooze(contact_id, int(days or 7))
        name = app.contacts.detail(contact_id).contact.name
        return (*load(), "", "", "",
                f"Snoozed {name} until {until}. They come back on their own then.")

    @api_action
    def api_due() -> dict[str, Any]:
        items = app.outreach.cadences.due(limit=100)
        return {"due": [i.to_json() for i in items], "total": app.outreach.cadences.count(),
                **actions_json(app.outreach.today.actions(), app.outreach.today.progress())}

    listed = [actions, summary, progress]
    drafted = [text, info, current, status]
    wire(refresh.click, load, None, listed)
    wire(actions.input, open_action, actions, drafted)
    wire(regen.click, on_regenerate, current, drafted)
    wire(sent.click, on_sent, [current, text], [*listed, *drafted])
    wire(snooze.click, on_snooze, [actions, snooze_for], [*listed, *drafted])
    gr.api(api_due, api_name="due")
    root = gr.context.Context.root_block
    if root is not None:  # on every page load, not only after Refresh
        wire(root.load, load, None, listed)
