"""Integration fixtures: the real CLI in a subprocess, a real ``warmline serve``, seeded data.

Sockets are allowed on loopback only: an integration test may talk to the servers it starts,
never to another machine.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_socket import socket_allow_hosts

from tests.integration.llm_server import (  # noqa: F401 - fixtures, re-exported for pytest
    free_port,
    late_llm_server,
    llm_server,
    second_llm_server,
)

REPO = Path(__file__).resolve().parents[2]
SERVE_READY_TIMEOUT_S = 120.0


@pytest.fixture(autouse=True)
def _loopback_only() -> None:
    socket_allow_hosts(["127.0.0.1", "::1"], allow_unix_socket=True)


@dataclass
class CliRun:
    """What one ``python -m assistant`` process did."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    def json(self) -> Any:
        """The one JSON object the command printed on stdout."""
        return json.loads(self.stdout)

    def __str__(self) -> str:
        return (f"warmline {' '.join(self.args)} -> exit {self.returncode} "
                f"in {self.seconds:.1f} s\nstdout: {self.stdout}\nstderr: {self.stderr}")


def cli_env(**overrides: str | None) -> dict[str, str]:
    """This test's environment (temp home, no keys, no detect ports) plus ``overrides``."""
    env = {**os.environ}
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_cli(*args: str, timeout: float = 180, **env: str | None) -> CliRun:
    """Run ``python -m assistant ARGS`` in the repo with ``cli_env(**env)``."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "assistant", *args], cwd=REPO, env=cli_env(**env),
        capture_output=True, text=True, timeout=timeout, check=False,
    )
    return CliRun(args, done.returncode, done.stdout, done.stderr, time.monotonic() - started)


@pytest.fixture
def cli() -> Callable[..., CliRun]:
    """``cli("doctor", "--json", WARMLINE_TIMEOUT_S="2")`` runs the real CLI in a subprocess."""
    return run_cli


def seed_contact(name: str, note: str, company: str = "Acme Health",
                 title: str = "Product Manager", interests: tuple[str, ...] = ()) -> str:
    """Add a contact and a note to ``$WARMLINE_HOME`` with the real embeddings; return the id."""
    from assistant.app import build_app
    from assistant.domain import Contact, Note
    from assistant.settings import load_settings

    app = build_app(load_settings(provider="offline"))
    try:
        contact = Contact(name=name, company=company, title=title, interests=list(interests))
        app.stores.records.put_contact(contact)
        app.stores.records.put_note(Note(contact_id=contact.id, text=note))
        app.stores.sync.reconcile()
        return contact.id
    finally:
        app.close()


@pytest.fixture
def seed() -> Callable[..., str]:
    """Put a contact with one note in this test's data dir (then release the dir)."""
    return seed_contact


@dataclass
class Served:
    """A running ``warmline serve`` subprocess."""

    process: subprocess.Popen[str]
    url: str
    seconds_to_ready: float


def wait_until_ready(url: str, process: subprocess.Popen[str] | None = None,
                     timeout_s: float = SERVE_READY_TIMEOUT_S) -> float:
    """Poll GET ``url`` until it answers 200; return the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if process is not None and process.poll() is not None:
            msg = f"the server exited with {process.returncode} before it was ready"
            raise AssertionError(msg)
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return time.monotonic() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    msg = f"{url} did not answer within {timeout_s:g} s"
    raise AssertionError(msg)


def stop_process(process: subprocess.Popen[str]) -> None:
    """Ctrl+C first (a clean shutdown), then terminate, then kill."""
    if process.poll() is not None:
        return
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        process.send_signal(sig)
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """Start ``warmline serve`` on a free loopback port; every server is stopped afterwards."""
    started: list[subprocess.Popen[str]] = []

    def start(**env: str | None) -> Served:
        port = free_port()
        began = time.monotonic()
        with (tmp_path / f"serve-{port}.log").open("w") as log:  # the child keeps its own fd
            process = subprocess.Popen(
                [sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=REPO,
                env=cli_env(**env), stdout=log, stderr=subprocess.STDOUT, text=True,
            )
        started.append(process)
        url = f"http://127.0.0.1:{port}/"
        wait_until_ready(url, process)
        return Served(process, url, time.monotonic() - began)

    yield start
    for process in started:
        stop_process(process)


@pytest.fixture
def served() -> Iterator[tuple[Any, str]]:
    """A real ``warmline serve`` (offline) on a free loopback port: the app and its URL."""
    from assistant.app import build_app
    from assistant.settings import load_settings
    from assistant.ui.server import start_server

    app = build_app(load_settings(provider="offline"))
    port = free_port()
    blocks = start_server(app, "127.0.0.1", port)
    try:
        yield app, f"http://127.0.0.1:{port}/"
    finally:
        blocks.close()
        app.close()
