"""Settings: the engine in use, the model fields, "Test connection" and Save."""

from __future__ import annotations

import gradio as gr

from assistant.app import Warmline
from assistant.errors import InputError
from assistant.services.outreach.service import CHANNEL_LIMITS, KINDS
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
    build_outbound(app)
    build_erase(app)


CONFIRM_WORD = "DELETE"


def build_erase(app: Warmline) -> None:
    """"Delete all my data": every file in the data dir, after typing DELETE; then it stops."""
    with gr.Accordion("Delete all my data", open=False, elem_id="erase"):
        gr.Markdown(f"Deletes everything Warmline keeps in `{app.settings.home}`: contacts, "
                    "notes, drafts, chats, interview sessions, the search index, logs and "
                    "settings. It cannot be undone; export a backup first if you want a copy. "
                    "Warmline stops afterwards.")
        confirm = gr.Textbox(label=f"Type {CONFIRM_WORD} to confirm", elem_id="erase-confirm")
        erase = gr.Button("Delete all my data", variant="stop", elem_id="erase-button")
        done = gr.Markdown(elem_id="erase-result")

        def on_erase(typed: str) -> str:
            if (typed or "").strip() != CONFIRM_WORD:
                msg = f"Type {CONFIRM_WORD} in the box to confirm; nothing was deleted."
                raise InputError(msg)
            removed = app.erase_all()
            return (f"Deleted all your Warmline data ({removed} files). Warmline has stopped; "
                    "you can close this tab.")

        wire(erase.click, on_erase, [confirm], done)


def build_outbound(app: Warmline) -> None:
    """"What leaves your machine": a draft's prompt before it is sent, and the sent log."""
    service = app.outbound
    with gr.Accordion("What leaves your machine", open=False, elem_id="outbound"):
        gr.Markdown("With a model configured, a draft sends these messages to it, word for "
                    "word. Every prompt sent is kept in a log on this machine (owner-only) "
                    "that you can read and clear here or with `warmline outbound`.")
        with gr.Row():
            kind = gr.Dropdown(list(KINDS), value="checkin", label="Draft kind",
                               elem_id="outbound-kind")
            person = gr.Textbox(label="Contact (name or id)", elem_id="outbound-contact")
            channel = gr.Dropdown(list(CHANNEL_LIMITS), value="linkedin-dm", label="Channel",
                                  elem_id="outbound-channel")
        with gr.Row():
            preview = gr.Button("Preview what would be sent", elem_id="outbound-preview")
            show = gr.Button("Show the outbound log", elem_id="outbound-show")
            clear = gr.Button("Clear the outbound log", variant="stop", elem_id="outbound-clear")
        summary = gr.Markdown(elem_id="outbound-summary")
        # A plain textbox, not Markdown: a note's link or image is shown, never loaded.
        body = gr.Textbox(label="Messages", lines=16, max_lines=40, interactive=False,
                          elem_id="outbound-body")

        def on_preview(k: str, who: str, ch: str) -> tuple[str, str]:
            shown = service.preview_draft(k, who or "", ch)
            return shown.summary(), _messages_text(shown.messages)

        def on_show() -> tuple[str, str]:
            entries = service.entries()
            if not entries:
                return "No prompt has been sent to a model from this data dir.", ""
            parts = []
            for e in entries:
                where = "left this machine" if e.leaves_machine else "stayed on this machine"
                parts.append(f"=== {e.time} {e.model} at {e.endpoint} ({where}; {e.purpose})\n"
                             + _messages_text(e.messages))
            return f"{len(entries)} prompts sent, newest first.", "\n\n".join(parts)

        def on_clear() -> tuple[str, str]:
            return f"Deleted the outbound log ({service.clear()} requests).", ""

        wire(preview.click, on_preview, [kind, person, channel], [summary, body])
        wire(show.click, on_show, [], [summary, body])
        wire(clear.click, on_clear, [], [summary, body])


def _messages_text(messages: list[dict[str, str]]) -> str:
    return "\n\n".join(f"--- {m['role']} ---\n{m['content']}" for m in messages)
