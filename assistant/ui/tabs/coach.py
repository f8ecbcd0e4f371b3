"""Coach: chat with Warmline in plain words; it answers with the real features."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from typing import Any

import gradio as gr
from gradio.context import Context

from assistant.app import Warmline
from assistant.errors import WarmlineError
from assistant.services.coach.replies import ANOTHER, OPEN, SENT, Reply

Messages = list[dict[str, str]]
PROGRESS_AFTER_S = 1.0  # a step slower than this shows that it is working
TICK_S = 0.1
WORKING = "_Working on it…_"
BUTTONS = ((ANOTHER, "coach-another"), (SENT, "coach-sent"), (OPEN, "coach-open"))


def _history(app: Warmline, conversation: str) -> Messages:
    return [{"role": m["role"], "content": m["content"]}
            for m in app.coach.history(conversation)]


def _drain(tokens: queue.Queue[str]) -> Iterator[str]:
    while True:
        try:
            yield tokens.get_nowait()
        except queue.Empty:
            return


def _buttons(actions: list[str]) -> list[Any]:
    return [gr.update(visible=label in actions) for label, _ in BUTTONS]


def build(app: Warmline) -> None:
    gr.Markdown("### Coach\nAsk in plain words: “who should I get back in touch with this "
                "week?”, “write something to Marisol”, “give me a 30 second pitch for a "
                "recruiter”, “make it shorter”. I ask before I change anything.")
    conversation = gr.State("")
    chat = gr.Chatbot(elem_id="coach-chat", buttons=["copy"], height=460, label="Coach",
                      group_consecutive_messages=False)
    with gr.Row():
        message = gr.Textbox(placeholder="Type a message and press Enter", show_label=False,
                             scale=5, elem_id="coach-input")
        send = gr.Button("Send", variant="primary", scale=1, elem_id="coach-send")
    with gr.Row():
        follow = [gr.Button(label.capitalize(), visible=False, size="sm", elem_id=elem)
                  for label, elem in BUTTONS]
        new = gr.Button("New chat", size="sm", elem_id="coach-new")

    def on_load() -> tuple[Any, ...]:
        current = app.coach.current()
        return (current, _history(app, current), *_buttons(_last_actions(app, current)))

    def on_send(text: str, current: str) -> Iterator[tuple[Any, ...]]:
        current = current or app.coach.current()
        if not text.strip():
            yield ("", current, _history(app, current), *_buttons([]))
            return
        shown = [*_history(app, current), {"role": "user", "content": text}]
        yield ("", current, shown, *_buttons([]))
        tokens: queue.Queue[str] = queue.Queue()
        done: dict[str, Any] = {}

        def work() -> None:
            try:
                done["reply"] = app.coach.reply(text, current, on_token=tokens.put)
            except WarmlineError as e:
                done["error"] = e

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        started, streamed, waiting = time.monotonic(), "", False
        while worker.is_alive():
            worker.join(timeout=TICK_S)
            fresh = "".join(_drain(tokens))
            if fresh:  # a model is writing: show its words as they come
                streamed += fresh
                yield ("", current, [*shown, {"role": "assistant", "content": streamed + " ▍"}],
                       *_buttons([]))
            elif not streamed and not waiting and time.monotonic() - started > PROGRESS_AFTER_S:
                waiting = True
                yield ("", current, [*shown, {"role": "assistant", "content": WORKING}],
                       *_buttons([]))
        if "error" in done:
            raise gr.Error(str(done["error"]), print_exception=False)
        reply: Reply = done["reply"]
        yield ("", current, _history(app, current), *_buttons(reply.actions))

    def press(label: str) -> Any:
        def on_press(current: str) -> tuple[Any, ...]:
            current = current or app.coach.current()
            reply = app.coach.press(label, current)
            return (_history(app, current), *_buttons(reply.actions))
        return on_press

    def on_new() -> tuple[Any, ...]:
        return (app.coach.new_chat(), [], *_buttons([]))

    def api_chat(message: str, conversation: str = "") -> dict[str, Any]:
        """One turn; the reply's JSON plus the conversation id to continue it."""
        try:
            current = conversation or app.coach.current()
            reply: Reply = app.coach.reply(message, current)
        except WarmlineError as e:
            raise gr.Error(str(e), print_exception=False) from e
        return {**reply.to_json(), "conversation": current}

    outputs = [message, conversation, chat, *follow]
    for trigger in (send.click, message.submit):
        trigger(on_send, [message, conversation], outputs, api_visibility="private",
                show_progress="full")
    for (label, _), button in zip(BUTTONS, follow, strict=True):
        button.click(press(label), [conversation], [chat, *follow], api_visibility="private",
                     show_progress="full")
    new.click(on_new, None, [conversation, chat, *follow], api_visibility="private")
    page = Context.root_block
    if page is not None:  # a reload continues the stored conversation
        page.load(on_load, None, [conversation, chat, *follow], api_visibility="private")
    gr.api(api_chat, api_name="chat")


def _last_actions(app: Warmline, conversation: str) -> list[str]:
    for message in reversed(app.coach.history(conversation)):
        if message["role"] == "assistant":
            return list(message["data"].get("actions", []))
    return []

