"""Builds the Gradio app and serves it on loopback, with no outside requests."""

from __future__ import annotations

import logging
from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.ui.shell import build_ui

log = logging.getLogger(__name__)

# System fonts only: Gradio's default theme would fetch fonts from Google on every page load.
THEME = gr.themes.Soft(
    primary_hue="teal",
    font=[gr.themes.Font("system-ui"), gr.themes.Font("Segoe UI"), "sans-serif"],
    font_mono=[gr.themes.Font("ui-monospace"), "monospace"],
)
CSS = """
.wl-notice {border-left: 4px solid #d97706; padding: 6px 10px; background: #fffbeb;}
.wl-engine {font-size: 0.9em; opacity: 0.8;}
footer {display: none !important;}
"""


def launch_kwargs(host: str, port: int) -> dict[str, Any]:
    """Everything ``launch`` needs to stay local and quiet."""
    return {
        "server_name": host,
        "server_port": port,
        "theme": THEME,
        "css": CSS,
        "share": False,
        "ssr_mode": False,
        "quiet": True,
        "show_error": True,
        "footer_links": [],
        "enable_monitoring": False,
        "inbrowser": False,
    }


def start_server(app: Warmline, host: str, port: int) -> gr.Blocks:
    """Start serving in the background (tests, benchmarks); returns the running Blocks."""
    blocks = build_ui(app)
    blocks.queue(default_concurrency_limit=4)
    blocks.launch(prevent_thread_lock=True, **launch_kwargs(host, port))
    app.search.warm()  # while the browser opens, not on the first search
    return blocks


def run_server(app: Warmline, host: str, port: int) -> None:
    """Serve until Ctrl+C, which is the normal way to stop (exit 0) even during start-up."""
    blocks: gr.Blocks | None = None
    try:
        blocks = start_server(app, host, port)
        url = f"http://{host}:{port}"
        print(f"Warmline is running at {url}  (engine: {app.engine}; Ctrl+C to stop)")  # noqa: T201
        blocks.block_thread()  # returns on Ctrl+C
    except KeyboardInterrupt:
        # Ctrl+C outside block_thread (while Gradio starts up) would otherwise end as a
        # silent exit 130.
        log.info("interrupted while starting; stopping")
    finally:
        if blocks is not None:
            blocks.close()
