"""Builds the Gradio app and serves it on loopback, with no outside requests."""

from __future__ import annotations

import functools
import inspect
import ipaddress
import logging
import os
import re
import signal
import threading
from collections.abc import Callable
from typing import Any

import gradio as gr
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.app import Warmline
from assistant.errors import ConfigError
from assistant.importers import MAX_FILE_BYTES
from assistant.settings import Settings
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
# The scripted API of the interface contract; gr.api() endpoints are public too.
CONTRACT_ENDPOINTS = frozenset({
    "pitch", "draft", "search_contacts", "import_file", "interview_start", "interview_answer",
    "due", "chat", "sounding_board",
})
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
# Far above any real argument (a 5000-character pitch, a story), far below a memory problem.
MAX_ARGUMENT_CHARS = 200_000
QUEUE_MAX = 64


def is_loopback(host: str) -> bool:
    """True when ``host`` only accepts connections from this machine."""
    if host.strip().lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def login_for(settings: Settings, host: str) -> list[tuple[str, str]] | None:
    """The ``auth`` for ``launch``; refuses any address but loopback when no password is set."""
    password = settings.auth_password.get_secret_value()
    if password:
        return [(settings.auth_user, password)]
    if is_loopback(host):
        return None
    msg = (f"refusing to serve on {host} without a password: anyone on the network could read "
           "your contacts; set WARMLINE_AUTH_PASSWORD (or auth_password in "
           f"{settings.config_path}), or serve on 127.0.0.1")
    raise ConfigError(msg)


def restrict_api(blocks: gr.Blocks) -> set[str]:
    """Make every endpoint private but the contract's and gr.api's; return the public names."""
    public: set[str] = set()
    for fn in blocks.fns.values():
        named = isinstance(fn.api_name, str)
        scripted = named and (fn.api_name in CONTRACT_ENDPOINTS or not fn.targets)
        if fn.api_visibility == "public" and scripted and fn.fn is not None:
            public.add(str(fn.api_name))
            fn.fn = one_line_errors(fn.fn, str(fn.api_name))
        else:
            fn.api_visibility = "private"
    return public


def one_line_errors(handler: Callable[..., Any], name: str) -> Callable[..., Any]:
    """An API handler whose arguments are checked against its signature before it runs, and
    whose failures reach the client as one clear line, never internals."""
    signature = inspect.signature(handler)
    params = [p for p in signature.parameters.values() if p.name != "progress"]
    wanted = ", ".join(f"{p.name}: {_type_name(p.annotation)}" for p in params)
    invalid = f"{name}: invalid arguments; expected ({wanted})"

    @functools.wraps(handler)
    def run(*args: Any, **kwargs: Any) -> Any:
        if any(isinstance(a, str) and len(a) > MAX_ARGUMENT_CHARS
               for a in (*args, *kwargs.values())):
            msg = f"{name}: an argument is over {MAX_ARGUMENT_CHARS:,} characters"
            raise gr.Error(msg, print_exception=False)
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as e:
            raise gr.Error(invalid, print_exception=False) from e
        for param in params:
            if param.name in bound.arguments and not _fits(bound.arguments[param.name],
                                                           _type_name(param.annotation)):
                raise gr.Error(invalid, print_exception=False)
        try:
            return handler(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as e:
            log.exception("%s failed", name)
            msg = f"{name}: internal error ({type(e).__name__}); details in the server log"
            raise gr.Error(msg, print_exception=False) from e

    return run


def _type_name(annotation: Any) -> str:
    return str(getattr(annotation, "__name__", annotation))


def _fits(value: Any, annotation: str) -> bool:
    """Whether an API argument can be what the handler's annotation says (as Gradio passes it)."""
    optional = annotation.replace(" ", "").endswith("|None")
    base = annotation.replace(" ", "").removesuffix("|None")
    if value is None:
        return optional or base not in {"int", "float", "bool", "str"}
    if base == "int":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()) or (
            isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d{1,18}\s*", value) is not None)
    if base == "float":
        if isinstance(value, bool):
            return False
        try:
            float(value)
        except (TypeError, ValueError):
            return False
        return True
    if base == "bool":
        return isinstance(value, bool) or value in (0, 1) or (
            isinstance(value, str) and value.strip().lower() in {"true", "false", "0", "1"})
    if base == "str":
        return isinstance(value, str)
    return True


class PublicCallsOnly:
    """ASGI guard: ``/gradio_api/call/NAME`` answers 404 unless NAME is a public endpoint.

    Gradio hides private endpoints from /gradio_api/info but still runs them when called by
    name; the page itself reaches them through the queue, never through ``/call/``.
    """

    def __init__(self, app: ASGIApp, public: frozenset[str]) -> None:
        self.app = app
        self.public = public

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse a call by name to anything but the public API."""
        if scope["type"] == "http" and self._refused(scope.get("path", "")):
            await send({"type": "http.response.start", "status": 404,
                        "headers": [(b"content-type", b"application/json")]})
            await send({"type": "http.response.body",
                        "body": b'{"detail": "no such API endpoint"}'})
            return
        await self.app(scope, receive, send)

    def _refused(self, path: str) -> bool:
        parts = [p for p in path.split("/") if p]
        for i in range(len(parts) - 1):
            if parts[i : i + 2] == ["gradio_api", "call"]:
                rest = [p for p in parts[i + 2 :] if p != "v2"][:1]
                return not rest or rest[0] not in self.public
        return False


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
        # Only gr.Error messages reach a client; anything else ("invalid literal for int()",
        # "<Api object at 0x...>") stays in the server log.
        "show_error": False,
        "footer_links": [],
        "enable_monitoring": False,
        "inbrowser": False,
        "max_file_size": MAX_FILE_BYTES,
    }


def start_server(app: Warmline, host: str, port: int) -> gr.Blocks:
    """Start serving in the background (tests, benchmarks); returns the running Blocks."""
    auth = login_for(app.settings, host)
    blocks = build_ui(app)
    public = frozenset(restrict_api(blocks))
    # Bounded: at most 4 handlers at once, 64 waiting; more get "queue full" instead of memory.
    blocks.queue(default_concurrency_limit=4, max_size=QUEUE_MAX)
    blocks.launch(
        prevent_thread_lock=True, auth=auth, blocked_paths=[str(app.settings.home)],
        app_kwargs={"middleware": [Middleware(PublicCallsOnly, public=public)]},
        **launch_kwargs(host, port),
    )
    app.search.warm()  # while the browser opens, not on the first search
    return blocks


def run_server(app: Warmline, host: str, port: int) -> None:
    """Serve until Ctrl+C, which is the normal way to stop (exit 0) even during start-up."""
    blocks: gr.Blocks | None = None
    # After "Delete all my data" the stores are gone: stop as Ctrl+C would, once the page has
    # its answer.
    app.on_erased = lambda: threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
    try:
        blocks = start_server(app, host, port)
        url = f"http://{host}:{port}"
        login = " (login required)" if app.settings.auth_password.get_secret_value() else ""
        print(f"Warmline is running at {url}{login}  (engine: {app.engine}; "  # noqa: T201
              "Ctrl+C to stop)")
        blocks.block_thread()  # returns on Ctrl+C
    except KeyboardInterrupt:
        # Ctrl+C outside block_thread (while Gradio starts up) would otherwise end as a
        # silent exit 130.
        log.info("interrupted while starting; stopping")
    finally:
        if blocks is not None:
            blocks.close()
