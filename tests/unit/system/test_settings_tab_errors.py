"""Bad values in the Settings tab: one clear toast, no traceback in the server log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import gradio as gr
import pytest

from assistant.ui.shell import build_ui


def settings_handler(blocks: gr.Blocks, name: str) -> Callable[..., Any]:
    for fn in blocks.fns.values():
        labels = [getattr(block, "label", "") for block in fn.inputs]
        if fn.fn is not None and fn.fn.__name__ == name and "Timeout (s)" in labels:
            return fn.fn
    raise AssertionError(f"no {name} handler on the Settings tab")


@pytest.mark.parametrize(("timeout", "retries", "message"), [
    (-5, 1, "invalid setting timeout_s: Input should be greater than 0"),
    (100_000, 1, "invalid setting timeout_s: Input should be less than or equal to 600"),
    (30, 9, "invalid setting max_retries: Input should be less than or equal to 5"),
])
def test_out_of_range_numbers_are_one_line_without_a_traceback(
    app_factory: Callable[..., Any], timeout: float, retries: int, message: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    blocks = build_ui(app_factory(provider="offline"))
    number = next(b for b in blocks.blocks.values() if getattr(b, "label", "") == "Timeout (s)")
    assert number.preprocess(timeout) == timeout  # Gradio no longer refuses it itself
    on_save = settings_handler(blocks, "on_save")
    with caplog.at_level(logging.INFO), pytest.warns(UserWarning) as toasts:
        outputs = on_save("offline", "", "", "", timeout, retries)
    assert [str(t.message) for t in toasts] == [message]  # the one toast (a warning off-request)
    assert all(o == gr.skip() for o in outputs)  # nothing on screen changes
    assert not [r for r in caplog.records if r.exc_info]  # and no traceback in the log


def test_emptied_number_boxes_keep_the_saved_values(app_factory: Callable[..., Any]) -> None:
    blocks = build_ui(app_factory(provider="offline"))
    status, _engine = settings_handler(blocks, "on_save")("offline", "", "", "", None, None)
    assert status.startswith("Saved: saved")


NOT_A_URL = ("invalid setting base_url: 'not a url' is not a model server address; use an "
             "http:// or https:// URL such as http://127.0.0.1:11434/v1")


@pytest.mark.parametrize(("provider", "url", "message"), [
    ("openai-compatible", "not a url", NOT_A_URL),
    ("auto", "not a url", NOT_A_URL),
    ("openai-compatible", "ftp://127.0.0.1/v1",
     "invalid setting base_url: 'ftp://127.0.0.1/v1' is not a model server address; use an "
     "http:// or https:// URL such as http://127.0.0.1:11434/v1"),
    ("openai", "", "the openai provider needs an API key: paste it into the 'API key' field "
                   "above and press Save (or choose another provider)"),
])
def test_fields_that_cannot_work_are_refused_on_screen_and_nothing_is_saved(
    app_factory: Callable[..., Any], provider: str, url: str, message: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = app_factory(provider="offline")
    blocks = build_ui(app)
    with caplog.at_level(logging.INFO), pytest.warns(UserWarning) as toasts:
        outputs = settings_handler(blocks, "on_save")(provider, url, "", "", 30, 1)
    assert [str(t.message) for t in toasts] == [message]
    assert all(o == gr.skip() for o in outputs)
    assert not app.settings.config_path.exists()  # nothing written: the next start still works
    assert not [r for r in caplog.records if r.exc_info]
    tested = settings_handler(blocks, "on_test")(provider, url, "", "", 30, 1)
    assert tested == f"Failed: {message}"


def test_a_good_url_is_accepted_and_a_key_in_the_field_satisfies_openai(
    app_factory: Callable[..., Any],
) -> None:
    from assistant.settings import load_settings

    assert load_settings(base_url=" http://127.0.0.1:11434/v1 ").base_url == \
        "http://127.0.0.1:11434/v1"
    blocks = build_ui(app_factory(provider="offline"))
    status, _ = settings_handler(blocks, "on_save")("openai", "", "", "sk-test", 30, 1)
    assert status.startswith("Saved: saved; engine in use: openai:")
