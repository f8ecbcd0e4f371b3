"""The page: one tab per feature, each built by its own module."""

from __future__ import annotations

import gradio as gr

from assistant.app import Warmline
from assistant.ui.tabs import coach, contacts, interview, network, outreach, story, system, today

TABS = (
    ("Coach", coach),  # first, and so open by default
    ("Today", today),
    ("Story & Pitch", story),
    ("Contacts", contacts),
    ("Drafts", outreach),
    ("Interview", interview),
    ("Map", network),
    ("Settings", system),
)


def build_ui(app: Warmline) -> gr.Blocks:
    """Every tab, wired to the app's services."""
    with gr.Blocks(title="Warmline", analytics_enabled=False) as blocks:
        gr.Markdown("## Warmline  \nA networking coach that runs on your machine.")
        engine = gr.Markdown(
            f"Engine: **{app.engine}**", elem_classes="wl-engine", elem_id="wl-engine"
        )
        for label, module in TABS:
            with gr.Tab(label, id=label.split()[0].lower()):
                module.build(app)
        blocks.load(lambda: f"Engine: **{app.engine}**", outputs=engine, api_visibility="private")
    return blocks
