"""The real ``warmline`` CLI in a subprocess: exit codes, one-line errors, JSON on stdout."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.integration.conftest import CliRun


def assert_one_line_error(run: CliRun) -> str:
    """Exit 1, nothing on stdout, one ``warmline:`` line on stderr, never a traceback."""
    assert run.returncode == 1, run
    assert run.stdout == "", run
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("warmline: "), run
    assert "Traceback" not in run.stderr
    return lines[0]


def test_doctor_without_a_model_is_healthy_and_offline(cli: Callable[..., CliRun]) -> None:
    run = cli("doctor")
    assert run.returncode == 0, run
    assert "Engine in use: offline" in run.stdout
    assert "offline engine" in run.stdout
    assert "FAIL" not in run.stdout
    assert run.stderr == ""


def test_doctor_json_is_one_object(cli: Callable[..., CliRun], home: Path) -> None:
    run = cli("doctor", "--json")
    assert run.returncode == 0, run
    report = run.json()
    assert report["ok"] is True and report["engine"] == "offline"
    checks = {c["name"]: c for c in report["checks"]}
    assert {"data dir", "config", "engine", "model", "records", "index"} <= set(checks)
    assert checks["data dir"]["detail"] == str(home)
    assert report["versions"]["warmline"]


def test_draft_for_an_unknown_contact_is_one_line(cli: Callable[..., CliRun]) -> None:
    line = assert_one_line_error(cli("draft", "checkin", "--contact", "Nobody Known", "--json"))
    assert "Nobody Known" in line


def test_draft_of_an_unknown_kind_is_one_line(
    cli: Callable[..., CliRun], seed: Callable[..., str],
) -> None:
    seed("Ana Ruiz", "Ana ran the Chicago marathon in October")
    line = assert_one_line_error(cli("draft", "limerick", "--contact", "Ana Ruiz"))
    assert "unknown draft kind 'limerick'" in line


def test_draft_json_has_the_contracted_fields(
    cli: Callable[..., CliRun], seed: Callable[..., str],
) -> None:
    contact_id = seed("Ana Ruiz", "Ana ran the Chicago marathon in October")
    run = cli("draft", "checkin", "--contact", "Ana Ruiz", "--channel", "linkedin-note", "--json")
    assert run.returncode == 0, run
    draft = run.json()
    contract = {"text", "kind", "channel", "char_count", "word_count", "engine", "sources"}
    assert contract <= set(draft)
    assert (draft["engine"], draft["kind"], draft["channel"]) == ("offline", "checkin",
                                                                  "linkedin-note")
    assert draft["char_count"] == len(draft["text"]) <= 300
    assert "Chicago marathon" in draft["text"]
    assert {s["id"] for s in draft["sources"]} >= {contact_id}


def test_export_writes_everything_as_json(
    cli: Callable[..., CliRun], seed: Callable[..., str], tmp_path: Path,
) -> None:
    seed("Ana Ruiz", "Ana ran the Chicago marathon in October")
    target = tmp_path / "backup" / "warmline.json"
    target.parent.mkdir()
    run = cli("export", str(target), "--json")
    assert run.returncode == 0, run
    assert run.json()["contacts"] == 1
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [c["name"] for c in data["contacts"]] == ["Ana Ruiz"]
    assert [n["text"] for n in data["notes"]] == ["Ana ran the Chicago marathon in October"]


def test_an_invalid_setting_in_the_environment_is_one_line(cli: Callable[..., CliRun]) -> None:
    line = assert_one_line_error(cli("doctor", WARMLINE_TIMEOUT_S="abc"))
    assert "timeout_s" in line


def test_a_broken_config_file_is_one_line(cli: Callable[..., CliRun], home: Path) -> None:
    (home / "config.toml").write_text('provider = "offline\n', encoding="utf-8")
    line = assert_one_line_error(cli("doctor"))
    assert str(home / "config.toml") in line
