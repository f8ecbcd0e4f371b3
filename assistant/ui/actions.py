"""How every tab runs a user's action: one clear message on failure, nothing else disturbed.

A Gradio handler that raises marks every output with a red "Error" badge, so a failed "Open"
would blank the fields around it. A UI action instead shows the message as a toast and leaves
each output as it was. Scripted API endpoints (``gr.api``) do raise, so a client gets the
message as its error.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import gradio as gr

from assistant.errors import InputError, WarmlineError

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])
UNEXPECTED = "Something went wrong, and nothing was changed. Details are in warmline.log."


def ui_action(outputs: int) -> Callable[[F], F]:
    """Wrap a UI handler with ``outputs`` outputs: a failure shows one toast, changes none."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)  # Gradio reads the handler's signature (SelectData, Progress)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except WarmlineError as e:
                gr.Warning(str(e))
            except Exception:  # the last line of defence: one line on screen, details logged
                log.exception("UI action %s failed", fn.__name__)
                gr.Warning(UNEXPECTED)
            return gr.skip() if outputs == 1 else tuple(gr.skip() for _ in range(outputs))

        return run  # type: ignore[return-value]

    return wrap


def api_action(fn: F) -> F:
    """Wrap a scripted API endpoint: a failure is one clear error for the client."""

    @functools.wraps(fn)  # gr.api documents the endpoint from this signature
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except WarmlineError as e:
            raise gr.Error(str(e), print_exception=False) from e
        except Exception as e:
            log.exception("API endpoint %s failed", fn.__name__)
            raise gr.Error(UNEXPECTED, print_exception=False) from e

    return run  # type: ignore[return-value]


def require(value: Any, message: str) -> None:
    """Stop an action with ``message`` unless ``value`` is set."""
    if not value:
        raise InputError(message)


def wire(event: Callable[..., Any], fn: Callable[..., Any], inputs: Any, outputs: Any) -> Any:
    """Connect a UI action to an event, with no API endpoint, counting its outputs."""
    count = len(outputs) if isinstance(outputs, list | tuple) else 1
    return event(ui_action(count)(fn), inputs, outputs, api_visibility="private")
