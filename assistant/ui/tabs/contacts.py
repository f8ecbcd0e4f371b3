"""Contacts: import, search, open, note, delete."""

from __future__ import annotations

import gradio as gr

from assistant.app import Warmline


def build(app: Warmline) -> None:
    gr.Markdown("### Contacts\nImport a LinkedIn export, Google Contacts CSV, vCard or notes.")
