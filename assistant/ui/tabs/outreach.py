"""Drafts: a grounded message to copy, who wrote it, what it drew on, "mark as sent", history."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.domain import Draft
from assistant.drafting.render import draft_info, safe
from assistant.errors import WarmlineError
from assistant.services.outreach.intros import IntroSuggestion
from assistant.services.outreach.ledger import ASK_KINDS
from assistant.services.outreach.service import CHANNEL_LIMITS, KINDS
from assistant.text import ellipsize
from assistant.ui.actions import api_action, require, ui_action, wire
from assistant.ui.tabs import resources

HISTORY_COLUMNS = ["id", "created", "to", "kind", "channel", "engine", "sent", "text"]
ANY = "any"
WRITE_FIRST = "Write a draft first."
NO_INTROS = ("No pairs yet. Tag people with what they want and offer (`seeking: a product "
             "mentor`, `offers: product mentoring`) or give them interests, and pairs show here.")


def intro_choices(suggestions: list[IntroSuggestion]) -> list[tuple[str, str]]:
    """Intro suggestions as radio choices: who and why, valued by the two ids."""
    return [(f"{s.first} ↔ {s.second}: {s.why}", f"{s.first_id}|{s.second_id}")
            for s in suggestions]


def build(app: Warmline) -> None:
    gr.Markdown("### Drafts\nA short, give-first message that uses something you remember.")
    with gr.Row():
        contact = gr.Textbox(label="Contact (name or id)", elem_id="draft-contact")
        kind = gr.Dropdown(list(KINDS), value=KINDS[0], label="Kind", elem_id="draft-kind")
        channel = gr.Dropdown(
            list(CHANNEL_LIMITS), value="linkedin-dm", label="Channel", elem_id="draft-channel"
        )
        to = gr.Textbox(label="Introduce to (intro only)", elem_id="draft-to")
    guard = gr.Markdown(elem_id="draft-guard")
    give_first = gr.Button("Give first: write a check-in that shares something instead",
                           size="sm", visible=False, elem_id="draft-give-first")
    write = gr.Button("Write draft", variant="primary", elem_id="draft-write")
    text = gr.Textbox(label="Draft (edit freely)", lines=8, buttons=["copy"], interactive=True,
                      elem_id="draft-text")
    info = gr.Markdown(elem_id="draft-info")
    state = gr.State("")  # the id of the draft on screen; '' when there is none
    with gr.Row():
        regen = gr.Button("Regenerate", elem_id="draft-regenerate")
        sent = gr.Button("Mark as sent", elem_id="draft-sent")
    sent_info = gr.Markdown(elem_id="draft-sent-info")
    with gr.Accordion("Introductions worth making", open=False):
        gr.Markdown("Pairs whose goals and offers fit. Pick one for a double opt-in intro: "
                    "first a short ask to the first person, then the introduction itself.")
        intros = gr.Radio(choices=[], label="Pairs", elem_id="intro-suggestions")
        intros_note = gr.Markdown(elem_id="intro-suggestions-note")
        intros_refresh = gr.Button("Refresh pairs", size="sm", elem_id="intro-refresh")
    with gr.Accordion("Your resource library", open=False):
        resources.build(app)
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

    def shown(draft: Draft) -> tuple[str, str, str, str, str, Any]:
        warning = f"**Ask-guard:** {safe(draft.ask_warning)}" if draft.ask_warning else ""
        return (draft.text, draft_info(draft), draft.id, "", warning,
                gr.update(visible=bool(draft.ask_warning)))

    @api_action
    def api_draft(kind: str, contact: str, channel: str = "linkedin-dm",
                  to: str = "") -> dict[str, Any]:
        other = find(to) if to.strip() else ""
        return app.outreach.draft(kind, find(contact), channel, to_id=other).to_json()

    def on_guard(name: str | None, k: str | None) -> tuple[str, Any]:
        """Before an ask is written: warn when lately it has been asks only with them."""
        warning = ""
        if k in ASK_KINDS and (name or "").strip():
            try:
                warning = app.outreach.ask_guard(find(name or ""))
            except WarmlineError:
                warning = ""  # an unknown name is reported when the draft is written
        return (f"**Ask-guard:** {safe(warning)}" if warning else "",
                gr.update(visible=bool(warning)))

    def on_write(name: str, k: str, ch: str, other: str) -> tuple[Any, ...]:
        try:
            to_id = find(other) if k == "intro" and other.strip() else ""
            draft = app.outreach.draft(k, find(name), ch, to_id=to_id)
        except WarmlineError as e:
            # Nothing from an earlier draft survives a failed one: no stale text to mark sent.
            return "", f"**Error:** {e}", "", "", "", gr.update(visible=False)
        return shown(draft)

    def on_give_first(name: str, ch: str) -> tuple[Any, ...]:
        require((name or "").strip(), "Type the contact's name first.")
        draft = app.outreach.draft("checkin", find(name), ch)
        return (*shown(draft), "checkin")

    def on_intro(pair: str | None, ch: str) -> tuple[Any, ...]:
        require(pair and "|" in pair, "Pick a pair first.")
        first, second = str(pair).split("|", 1)
        draft = app.outreach.draft("intro", first, ch or "linkedin-dm", to_id=second)
        names = (app.contacts.detail(first).contact.name,
                 app.contacts.detail(second).contact.name)
        return (*shown(draft), "intro", *names)

    def on_intros() -> tuple[Any, str]:
        choices = intro_choices(app.outreach.intro_suggestions())
        return gr.update(choices=choices, value=None), "" if choices else NO_INTROS

    def on_regenerate(draft_id: str) -> tuple[Any, ...]:
        require(draft_id, WRITE_FIRST)
        return shown(app.outreach.regenerate(draft_id))

    def on_sent(draft_id: str, edited: str) -> str:
        require(draft_id, WRITE_FIRST)
        before = app.outreach.get_draft(draft_id)
        item = app.outreach.mark_sent(draft_id, edited)
        name = app.contacts.detail(item.contact_id).contact.name
        if before.sent:
            return f"Already logged as sent to {name} on {item.when}; nothing new was logged."
        return f"Logged as sent to {name}. The check-in clock for them starts again."

    def rows(name: str | None, k: str | None, sent_filter: str | None) -> list[list[str]]:
        name, k = name or "", k or ANY  # a page load may send empty boxes as None
        contact_id = find(name) if name.strip() else ""
        sent_flag = {"sent": True, "not sent": False}.get(sent_filter or "")
        names: dict[str, str] = {}
        out = []
        for d in app.outreach.history(contact_id=contact_id,
                                      kind="" if k == ANY else k, sent=sent_flag):
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
    refresh = ui_action(1)(rows)
    drafted = [text, info, state, sent_info, guard, give_first]
    for trigger in (kind.change, contact.blur, contact.submit):
        wire(trigger, on_guard, [contact, kind], [guard, give_first])
    wire(write.click, on_write, [contact, kind, channel, to], drafted).then(
        refresh, filters, history, api_visibility="private")
    wire(give_first.click, on_give_first, [contact, channel], [*drafted, kind]).then(
        refresh, filters, history, api_visibility="private")
    wire(intros.input, on_intro, [intros, channel], [*drafted, kind, contact, to]).then(
        refresh, filters, history, api_visibility="private")
    wire(intros_refresh.click, on_intros, None, [intros, intros_note])
    wire(regen.click, on_regenerate, state, drafted).then(
        refresh, filters, history, api_visibility="private")
    wire(sent.click, on_sent, [state, text], sent_info).then(
        refresh, filters, history, api_visibility="private")
    wire(show.click, rows, filters, history)
    # The scripted API endpoint: same service, JSON out.
    gr.api(api_draft, api_name="draft")
    root = gr.context.Context.root_block
    if root is not None:
        wire(root.load, rows, filters, history)
        wire(root.load, on_intros, None, [intros, intros_note])
