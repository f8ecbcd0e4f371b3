"""``warmline export`` leaves nothing behind in the data dir; ``warmline erase --yes`` leaves
nothing at all: no file in it holds a byte of what the user stored."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

from tests.integration.conftest import CliRun, Served

NAME = "Zarathustra Quillfeather"
NOTE = "Kite-surfing in Tarifa every spring, QX7731"
MARKERS = (b"Zarathustra", b"Quillfeather", b"QX7731", b"Tarifa")


def files(home: Path) -> dict[str, int]:
    return {str(p.relative_to(home)): p.stat().st_mode for p in home.rglob("*") if p.is_file()}


def holding(home: Path) -> list[str]:
    """Files in ``home`` that still contain any marker (in any page, free or not)."""
    return [str(p) for p in home.rglob("*") if p.is_file()
            and any(m in p.read_bytes() for m in MARKERS)]


def test_export_writes_only_its_own_file(
    cli: Callable[..., CliRun], seed: Callable[..., str], home: Path, tmp_path: Path,
) -> None:
    seed(NAME, NOTE)
    assert cli("draft", "checkin", "--contact", NAME).returncode == 0
    before = files(home)
    backup = tmp_path / "out" / "backup.json"
    backup.parent.mkdir()
    done = cli("export", str(backup), "--json")
    assert done.returncode == 0, done
    after = files(home)
    assert after.keys() == before.keys(), "export left no temp or extra file in the data dir"
    assert sorted(p.name for p in backup.parent.iterdir()) == ["backup.json"]
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert [n["text"] for n in document["notes"]] == [NOTE]


def test_erase_leaves_no_residue(
    cli: Callable[..., CliRun], seed: Callable[..., str], home: Path, tmp_path: Path,
) -> None:
    seed(NAME, NOTE)
    for args in (("draft", "checkin", "--contact", NAME), ("reindex",),
                 ("export", str(tmp_path / "backup.json"))):
        assert cli(*args).returncode == 0
    assert holding(home), "the markers are stored before the erase"

    asked = cli("erase")
    assert asked.returncode == 1 and "'warmline erase --yes'" in asked.stderr, asked
    assert len(asked.stderr.splitlines()) == 1
    assert holding(home), "without --yes nothing is deleted"

    done = cli("erase", "--yes", "--json")
    assert done.returncode == 0, done
    assert done.json()["files"] > 3
    assert holding(home) == []
    assert set(files(home)) <= {".warmline.lock"}, files(home)

    listed = cli("contacts", "list", "--json")
    assert listed.returncode == 0 and listed.json() == {"contacts": []}
    assert (tmp_path / "backup.json").exists(), "the user's export outside the data dir stays"


def test_erase_is_refused_while_the_server_runs(
    serve: Callable[..., Served], cli: Callable[..., CliRun], seed: Callable[..., str],
    home: Path,
) -> None:
    seed(NAME, NOTE)
    served = serve()
    refused = cli("erase", "--yes")
    assert refused.returncode == 1
    assert refused.stderr.startswith("warmline: another Warmline"), refused
    assert holding(home)
    assert served.process.poll() is None
