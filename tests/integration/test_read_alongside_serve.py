"""Read-only commands (list, export, doctor, map, path) work beside `serve`; writes wait."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.integration.conftest import CliRun

FAIL_FAST_S = 2.0  # the README's promise for a refused command
# Reading beside the server: no lock wait, only Python, the app's imports and the query.
READ_WITHIN_S = 15.0


def test_list_export_and_doctor_work_while_the_server_runs(
    serve: Callable[..., Any], cli: Callable[..., CliRun], seed: Callable[..., str],
    tmp_path: Path,
) -> None:
    contact_id = seed("Priya Nair", "Training for the Berlin marathon")
    served = serve()
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

    doctor = cli("doctor", "--json")
    assert doctor.returncode == 0, doctor
    checks = {c["name"]: c for c in doctor.json()["checks"]}
    assert checks["records"]["ok"], checks
    assert checks["index"]["detail"].startswith(
        f"in use by the Warmline with pid {served.process.pid}"), checks
    mapped = cli("map", "--json")
    assert mapped.returncode == 0, mapped
    assert mapped.json()["counts"]["contacts"] == 1
    path = cli("path", "--to", "Nowhere Inc", "--json")
    assert path.returncode == 0, path
    assert path.json()["paths"] == []

    for run in (listed, exported, doctor, mapped, path):  # no waiting out the lock first
        assert run.seconds < READ_WITHIN_S, run

    for write in (("contacts", "add", "--name", "Lee Park"),
                  ("note", "add", "--contact", "Priya Nair", "Met at a meetup"),
                  ("import", str(backup))):
        refused = cli(*write)
        assert refused.returncode == 1, refused
        assert refused.stderr.startswith("warmline: another Warmline"), refused
        assert len(refused.stderr.splitlines()) == 1, refused
        assert refused.seconds < FAIL_FAST_S, refused
    assert served.process.poll() is None
    again = cli("contacts", "list", "--json")
    assert [c["id"] for c in again.json()["contacts"]] == [contact_id], "nothing was written"
