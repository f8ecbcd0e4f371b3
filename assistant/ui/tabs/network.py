"""Map: people and companies, tiers, goals and warm paths."""

from __future__ import annotations

import gradio as gr

from assistant.app import Warmline


def build(app: Warmline) -> None:
    gr.Markdown("### Network map\nYour people and the companies they work at.")
