"""Interview: mock interviews with adaptive follow-ups."""

from __future__ import annotations

import gradio as gr

from assistant.app import Warmline


def build(app: Warmline) -> None:
    gr.Markdown("### Mock interview\nPractice sessions will appear here.")
