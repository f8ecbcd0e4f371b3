"""What leaves your machine: the preview equals what a real OpenAI-compatible server receives,
and the outbound log (600) holds it word for word until the user clears it."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from assistant.storage.outbound import OUTBOUND_FILE
from tests.integration.conftest import CliRun
from tests.integration.openai_server import (  # noqa: F401 - the fixture
    MODEL,
    RecordingServer,
    openai_server,
)

NOTE = "Ran the Chicago marathon in October"


def test_preview_log_and_clear_match_what_the_server_received(
    openai_server: RecordingServer, cli: Callable[..., CliRun],  # noqa: F811
    seed: Callable[..., str], home: Path,
) -> None:
    seed("Ana Ruiz", NOTE)
    model = {"WARMLINE_PROVIDER": "openai-compatible", "WARMLINE_BASE_URL":
             openai_server.base_url, "WARMLINE_MODEL": MODEL}

    preview = cli("outbound", "preview", "checkin", "--contact", "Ana Ruiz", "--json", **model)
    assert preview.returncode == 0, preview
    shown = preview.json()
    assert shown["endpoint"] == openai_server.base_url
    assert shown["leaves_machine"] is False  # loopback; a remote host says True (unit tests)
    assert openai_server.requests == [], "a preview sends nothing"
    assert not (home / OUTBOUND_FILE).exists()
    assert any(NOTE in m["content"] for m in shown["messages"])

    drafted = cli("draft", "checkin", "--contact", "Ana Ruiz", "--json", **model)
    assert drafted.returncode == 0, drafted
    assert openai_server.requests, "the draft reached the model server"
    sent = [{"role": m["role"], "content": m["content"]}
            for m in openai_server.requests[0]["messages"]]
    assert sent == shown["messages"], "the preview is exactly what was sent"

    log_file = home / OUTBOUND_FILE
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    logged = cli("outbound", "log", "--json", **model)
    assert logged.returncode == 0, logged
    entries = logged.json()["entries"]
    assert len(entries) == len(openai_server.requests)
    assert entries[-1]["messages"] == sent  # newest first: the first request is last
    assert entries[-1]["endpoint"] == openai_server.base_url
    assert entries[-1]["purpose"] == "completion"

    human = cli("outbound", "log", **model)
    assert NOTE in human.stdout and "stayed on this machine" in human.stdout

    cleared = cli("outbound", "clear", "--json", **model)
    assert cleared.returncode == 0 and cleared.json() == {"cleared": len(entries)}
    assert not log_file.exists()
    assert cli("outbound", "log", "--json", **model).json() == {"entries": []}


def test_offline_preview_says_nothing_is_sent(
    cli: Callable[..., CliRun], seed: Callable[..., str],
) -> None:
    seed("Ana Ruiz", NOTE)
    preview = cli("outbound", "preview", "checkin", "--contact", "Ana Ruiz",
                  WARMLINE_PROVIDER="offline")
    assert preview.returncode == 0, preview
    assert "nothing is sent anywhere" in preview.stdout
    assert NOTE in preview.stdout  # what would be sent, were a model configured
