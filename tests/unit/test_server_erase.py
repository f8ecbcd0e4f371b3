"""After "Delete all my data" the running server stops as Ctrl+C would (SIGINT to itself)."""

from __future__ import annotations

import signal
import threading
from types import SimpleNamespace
from typing import Any

import pytest

from assistant.ui import server


def test_run_server_stops_itself_after_an_erase(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[tuple[int, int]] = []
    stopped = threading.Event()

    def kill(pid: int, sig: int) -> None:
        sent.append((pid, sig))
        stopped.set()

    class Blocks:
        def block_thread(self) -> None:
            app.on_erased()  # the erase happens while the server blocks
            stopped.wait(10)

        def close(self) -> None:
            pass

    app: Any = SimpleNamespace(on_erased=None, engine="offline", settings=SimpleNamespace(
        auth_password=SimpleNamespace(get_secret_value=lambda: "")))
    monkeypatch.setattr(server, "start_server", lambda *a: Blocks())
    monkeypatch.setattr(server.os, "kill", kill)
    server.run_server(app, "127.0.0.1", 7860)
    assert sent == [(server.os.getpid(), signal.SIGINT)]
