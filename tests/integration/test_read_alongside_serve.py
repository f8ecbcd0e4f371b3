"""Read-only commands work while ``warmline serve`` holds the data dir; writes still wait."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.integration.conftest import CliRun


def test_list_and_export_work_while_the_server_runs(
    serve: Callable[..., Any], cli: Callable[..., CliRun], seed: Callable[..., str],
    tmp_path: Path,
) -> None:
    contact_id = seed("Priya Nair", "Training for the Berlin marathon")
    serve()
    listed = cli("contacts", "list", "--json")
    assert listed.returncode == 0, listed
    assert [c["id"] for c in listed.json()["contacts"]] == [contact_id]
    assert "reading the records read-only" in listed.stderr

    backup = tmp_path / "backup.json"
    exported = cli("export", str(backup), "--json")
    assert exported.returncode == 0, exported
    assert exported.json()["contacts"] == 1 and exported.json()["notes"] == 1
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["notes"][0]["text"] == "Training for the Berlin marathon"

    added = cli("contacts", "add", "--name", "Lee Park")
    assert added.returncode == 1
    assert added.stderr.startswith("warmline: another Warmline")
