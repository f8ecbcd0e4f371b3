"""Today: the few most valuable small steps this week."""

from __future__ import annotations

import gradio as gr

from assistant.app import Warmline
from assistant.ui.actions import wire


def build(app: Warmline) -> None:
    gr.Markdown(
        "### Today\nSmall, low-pressure steps. Start by adding your story (Story & Pitch) and "
        "importing your contacts (Contacts); check-ins that are due will show up here."
    )
    summary = gr.Markdown(elem_id="today-summary")

    def refresh() -> str:
        count = app.contacts.count()
        return f"You have **{count}** contact{'s' if count != 1 else ''} in Warmline."

    wire(gr.Button("Refresh", size="sm").click, refresh, None, summary)
