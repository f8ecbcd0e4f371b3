"""Settings: the engine in use, the model fields, "Test connection" and Save."""

from __future__ import annotations

import gradio as gr

from assistant.app import Warmline
from assistant.settings import Provider
from assistant.ui.actions import wire


def build(app: Warmline) -> None:
    service = app.models
    status = service.status()
    values = service.fields()
    gr.Markdown("### Settings")
    engine = gr.Markdown(
        f"Engine in use: **{status['engine']}** ({status['reason']})", elem_id="settings-engine"
    )
    provider = gr.Radio(
        [p.value for p in Provider],
        value=values["provider"],
        label="Provider",
        elem_id="settings-provider",
    )
    base_url = gr.Textbox(
        values["base_url"],
        label="Base URL (OpenAI-compatible)",
        placeholder="http://127.0.0.1:11434/v1",
        elem_id="settings-base-url",
    )
    model = gr.Textbox(
        values["model"],
        label="Model name",
        placeholder="empty: the server's first",
        elem_id="settings-model",
    )
    api_key = gr.Textbox(
        "",
        label="API key (left empty keeps the saved one)",
        type="password",
        elem_id="settings-api-key",
    )
    with gr.Row():
        # No minimum/maximum here: Gradio would refuse -5 itself, with a traceback in the
        # server log; the settings' own rules answer with one line instead.
        timeout = gr.Number(values["timeout_s"], label="Timeout (s)", elem_id="settings-timeout")
        retries = gr.Number(values["max_retries"], label="Retries", precision=0,
                            elem_id="settings-retries")
    with gr.Row():
        test = gr.Button("Test connection", elem_id="settings-test")
        save = gr.Button("Save", variant="primary", elem_id="settings-save")
    result = gr.Markdown(elem_id="settings-result")
    fields = [provider, base_url, model, api_key, timeout, retries]

    def changes(p: str, url: str, m: str, key: str, t: float | None,
                r: float | None) -> dict[str, object]:
        return {
            "provider": p,
            "base_url": (url or "").strip(),
            "model": (m or "").strip(),
            "api_key": key,
            "timeout_s": t,  # None (an emptied box) keeps the saved value
            "max_retries": None if r is None else int(r),
        }

    def on_test(*args: object) -> str:
        ok, message = service.test_connection(changes(*args))  # type: ignore[arg-type]
        return ("OK: " if ok else "Failed: ") + message

    def on_save(*args: object) -> tuple[str, str]:
        message = service.save(changes(*args))  # type: ignore[arg-type]
        now = service.status()
        return "Saved: " + message, f"Engine in use: **{now['engine']}** ({now['reason']})"

    wire(test.click, on_test, fields, result)
    wire(save.click, on_save, fields, [result, engine])
