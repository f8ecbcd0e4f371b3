"""What every CLI command shares: opening the app, printing results, logging to a file."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from assistant.errors import StoreError, StoreLockedError
from assistant.network_reader import NetworkReader, build_network_reader
from assistant.privacy import FILE_MODE, private_dir, private_file
from assistant.settings import default_home
from assistant.text import escape_for_terminal

if TYPE_CHECKING:
    from assistant.app import ReadOnlyWarmline, Warmline

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)
JSON = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


def configure_logging() -> Path:
    """Log to ``$WARMLINE_HOME/warmline.log`` (stderr stays clean for one-line errors)."""
    home = default_home()
    logfile = home / "warmline.log"
    try:
        private_dir(home)
        logfile.touch(mode=FILE_MODE, exist_ok=True)
        private_file(logfile)  # the log may quote contacts and notes
        handler: logging.Handler = logging.FileHandler(logfile, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    for noisy in ("httpx", "chromadb", "urllib3", "gradio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return logfile


class RepairNotice:
    """Says on stderr, at once, that an interrupted run is being finished, then how far it got.

    Without it a command after a crash sat silent while the index caught up (40 s on 20k rows).
    """

    def __init__(self, every_s: float = 2.0) -> None:
        self.every_s = every_s
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == 0:
            err_console.print(f"warmline: an earlier run was interrupted; bringing the search "
                              f"index up to date ({total} pending changes)...")
            self._last = now
        elif now - self._last >= self.every_s or done >= total:
            err_console.print(f"warmline: indexing {done}/{total}")
            self._last = now


# The whole app is imported on first use: ``map`` and ``path`` never need it.
def build_app(**kwargs: Any) -> Warmline:
    """The composition root's ``build_app``."""
    from assistant.app import build_app as build

    return build(**kwargs)


def build_reader() -> ReadOnlyWarmline:
    """The composition root's read-only view of the records."""
    from assistant.app import build_reader as build

    return build()


def data_dir_busy(home: Path) -> bool:
    """Whether another Warmline holds ``home`` now."""
    from assistant.app import data_dir_busy as busy

    return busy(home)


@contextmanager
def open_app() -> Iterator[Warmline]:
    """Build the app for one command and always release the data dir."""
    app = build_app(repair=RepairNotice())
    try:
        yield app
    finally:
        app.close()


@contextmanager
def open_reader() -> Iterator[Warmline | ReadOnlyWarmline]:
    """The app, or (while another Warmline such as ``serve`` holds the data dir) a read-only
    view of the records: enough to list contacts and export a backup alongside the server."""
    try:
        if data_dir_busy(default_home()):  # don't wait out the lock's timeout: read now
            raise StoreLockedError(str(default_home()))
        app: Warmline | ReadOnlyWarmline = build_app(repair=RepairNotice())
    except StoreLockedError:
        app = build_reader()
        err_console.print("[dim]another Warmline is running; reading the records read-only[/dim]")
    try:
        yield app
    finally:
        app.close()


@contextmanager
def open_network() -> Iterator[NetworkReader | Warmline]:
    """The network service over the records opened read-only (no lock, index or model), so
    ``map`` and ``path`` start at once and run beside ``serve``; the whole app when there is
    nothing to read yet or the store needs upgrading."""
    try:
        app: NetworkReader | Warmline = build_network_reader()
    except StoreError:
        app = build_app(repair=RepairNotice())
    try:
        yield app
    finally:
        app.close()


def safe(text: str) -> str:
    """User data fit for the terminal: escapes shown, not run, and no Rich markup ("[link=]")."""
    return escape(escape_for_terminal(text))


def print_json(data: Any) -> None:
    """One JSON object on stdout."""
    print(json.dumps(data, ensure_ascii=False, default=str))  # noqa: T201


def emit(json_out: bool, data: Callable[[], Any], human: str | Callable[[], object]) -> None:
    """With --json, ``data()`` as one JSON object; otherwise the human view: a line or a printer."""
    if json_out:
        print_json(data())
    elif isinstance(human, str):
        console.print(human)
    else:
        human()
