"""The outbound log: every prompt Warmline sent to a model, kept on this machine (600) for the
user to read and clear. It answers "what left my machine?" with the exact messages."""

from __future__ import annotations

import ipaddress
import json
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from assistant.privacy import FILE_MODE, private_file

OUTBOUND_FILE = "outbound.jsonl"
MAX_ENTRIES_SHOWN = 200


def leaves_machine(base_url: str) -> bool:
    """True unless ``base_url`` names this machine (localhost or a loopback address)."""
    host = (urlsplit(base_url).hostname or "").strip("[]").lower()
    if not host:
        return bool(base_url)  # an odd URL with no host: assume it leaves
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True  # a name: it resolves somewhere we cannot vouch for


@dataclass(frozen=True)
class OutboundEntry:
    """One request to a model: when, where, which model, and the messages word for word."""

    time: str
    endpoint: str
    model: str
    leaves_machine: bool
    purpose: str
    messages: list[dict[str, str]]

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()


class OutboundLog:
    """An append-only JSON-lines file in the data dir, owner-only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(self, endpoint: str, model: str, messages: list[dict[str, str]],
               purpose: str = "") -> OutboundEntry:
        """Append one request (before it is sent: a request that fails still left)."""
        entry = OutboundEntry(datetime.now(UTC).isoformat(timespec="seconds"), endpoint, model,
                              leaves_machine(endpoint), purpose, messages)
        line = json.dumps(entry.to_json(), ensure_ascii=False) + "\n"
        with self._lock:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
            private_file(self.path)  # a file made by an older version under the umask
        return entry

    def entries(self, limit: int = MAX_ENTRIES_SHOWN) -> list[OutboundEntry]:
        """The newest ``limit`` requests, newest first (a damaged line is skipped)."""
        if not self.path.exists():
            return []
        found = []
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                found.append(OutboundEntry(**json.loads(line)))
            except (ValueError, TypeError):
                continue
        return found[::-1][:limit]

    def clear(self) -> int:
        """Delete the log; how many requests it held."""
        with self._lock:
            count = len(self.entries(limit=10**9))
            self.path.unlink(missing_ok=True)
        return count
