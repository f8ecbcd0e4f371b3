"""After "Delete all my data" the running server stops as Ctrl+C would (SIGINT to itself)."""

from __future__ import annotations

import signal
from typing import Any

import pytest

from assistant.ui import server


def test_run_server_stops_itself_after_an_erase(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[tuple[int, int]] = []

    class Blocks:
        def block_thread(self) -> None:
            app.on_erased()  # the erase happens while the server blocks
            timer = started[0]
            timer.join(5)

        def close(self) -> None:
            pass

    started: list[Any] = []
    real_timer = server.threading.Timer

    def timer(interval: float, fn: Any, args: tuple[int, int]) -> Any:
        t = real_timer(0.01, fn, args)
        started.append(t)
        return t

    class App:
        on_erased: Any = None
        engine = "offline"

        class settings:  # noqa: N801 - a stand-in for Settings
            class auth_password:  # noqa: N801
                @staticmethod
                def get_secret_value() -> str:
                    return ""

    app = App()
    monkeypatch.setattr(server, "start_server", lambda *a: Blocks())
    monkeypatch.setattr(server.threading, "Timer", timer)
    monkeypatch.setattr(server.os, "kill", lambda pid, sig: sent.append((pid, sig)))
    server.run_server(app, "127.0.0.1", 7860)  # type: ignore[arg-type]
    assert sent == [(server.os.getpid(), signal.SIGINT)]
