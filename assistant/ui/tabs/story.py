"""Story & Pitch: the profile, pitches and the sounding board."""

from __future__ import annotations

import gradio as gr

from assistant.app import Warmline


def build(app: Warmline) -> None:
    gr.Markdown("### Your story\nTell Warmline where you are now and where you are going next.")
