"""The contact commands: JSON on stdout, one clear line on stderr and a non-zero exit on error."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.exports import Person, hidden_profile, linkedin_connections_csv

ANA = Person("Ana", "Ruiz", company="Acme Health", title="Data Scientist", slug="ana-ruiz",
             connected_on=date(2024, 3, 1))


def as_json(out: str) -> Any:
    return json.loads(out)


def test_import_then_list_search_show_and_delete(run_cli: Callable, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(linkedin_connections_csv([ANA, hidden_profile(date(2024, 1, 2))]))
    code, out, err = run_cli("import", str(path), "--json")
    assert (code, err) == (0, "")
    report = as_json(out)
    assert (report["added"], report["skipped"]) == (1, 1)
    assert report["skipped_rows"] == [
        {"row": 6, "reason": "hidden profile (only a connection date)"}]
    assert as_json(run_cli("import", str(path), "--json")[1])["added"] == 0

    contacts = as_json(run_cli("contacts", "list", "--json")[1])["contacts"]
    assert [c["name"] for c in contacts] == ["Ana Ruiz"]
    ana_id = contacts[0]["id"]
    results = as_json(run_cli("contacts", "search", "ana", "--json")[1])["results"]
    assert results[0]["id"] == ana_id and results[0]["why"]

    code, out, _ = run_cli("note", "add", "--contact", "Ana Ruiz", "ran the Chicago marathon",
                       "--json")
    assert code == 0 and as_json(out)["note"]["contact_id"] == ana_id
    by_meaning = run_cli("contacts", "search", "marathon", "--mode", "semantic", "--json")
    assert [r["id"] for r in as_json(by_meaning[1])["results"]] == [ana_id]
    assert as_json(run_cli("contacts", "search", "ana", "--mode", "semantic", "--json")[1]) == {
        "results": []}  # meaning alone knows no names
    code, _, err = run_cli("contacts", "search", "ana", "--mode", "fuzzy")
    assert code != 0 and "unknown search mode 'fuzzy'" in err
    shown = as_json(run_cli("contacts", "show", "ana-ruiz", "--json")[1])
    assert shown["contact"]["id"] == ana_id
    assert [n["text"] for n in shown["notes"]] == ["ran the Chicago marathon"]

    code, out, _ = run_cli("contacts", "delete", ana_id, "--json")
    assert code == 0 and as_json(out) == {"deleted": ana_id, "name": "Ana Ruiz", "notes": 1,
                                          "interactions": 0}
    assert as_json(run_cli("contacts", "list", "--json")[1]) == {"contacts": []}


def test_add_and_set_fields(run_cli: Callable) -> None:
    code, out, _ = run_cli("contacts", "add", "--name", "Bob Lee", "--company", "Globex",
                       "--title", "Engineer", "--tier", "inner", "--json")
    bob = as_json(out)["contact"]
    assert code == 0 and (bob["company"], bob["tier"]) == ("Globex", "inner")
    code, out, _ = run_cli("contacts", "set", bob["id"], "--tags", "python, climbing",
                       "--cadence", "21", "--json")
    assert as_json(out)["contact"]["tags"] == ["python", "climbing"]
    assert as_json(out)["contact"]["cadence_days"] == 21
    code, out, _ = run_cli("contacts", "search", "", "--tag", "python", "--json")
    assert [r["name"] for r in as_json(out)["results"]] == ["Bob Lee"]


@pytest.mark.parametrize("args, message", [
    (("contacts", "show", "Nobody"), "no contact named or with id 'Nobody'"),
    (("contacts", "delete", "c_missing"), "no contact with id c_missing"),
    (("contacts", "add", "--name", "X", "--tier", "vip"), "unknown tier 'vip'"),
    (("import", "/nonexistent/file.csv"), "cannot read /nonexistent/file.csv"),
    (("note", "add", "--contact", "Nobody", "hello"), "no contact named"),
])
def test_errors_are_one_line_on_stderr_with_a_non_zero_exit(
    run_cli: Callable, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run_cli(*args)
    assert code == 1 and out == ""
    assert err.startswith("warmline: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(("args", "message"), [
    (("contacts", "add", "Ana Ruiz"), "Missing option '--name'"),
    (("contacts", "list", "--bogus"), "No such option: --bogus"),
    (("contacts", "frobnicate"), "No such command 'frobnicate'"),
])
def test_usage_mistakes_show_the_usage_line_not_an_unexpected_error(
    run_cli: Callable, args: tuple[str, ...], message: str
) -> None:
    code, out, err = run_cli(*args)
    assert code == 2 and out == ""
    assert err.startswith("Usage: warmline ") and message in err
    assert "unexpected error" not in err and "Traceback" not in err


def test_unparseable_import_exits_non_zero_and_writes_nothing(
    run_cli: Callable, tmp_path: Path
) -> None:
    path = tmp_path / "weird.csv"
    path.write_text("a,b,c,d\n1,2,3,4\n", encoding="utf-8")
    code, out, err = run_cli("import", str(path), "--json")
    assert code == 1 and out == "" and "weird.csv" in err and err.count("\n") == 1
    assert as_json(run_cli("contacts", "list", "--json")[1]) == {"contacts": []}
    connections = tmp_path / "Connections.csv"
    connections.write_bytes(linkedin_connections_csv([ANA]))
    code, _, err = run_cli("import", str(connections), "--format", "profile")
    assert code == 1 and "not a LinkedIn Profile.csv" in err
    assert as_json(run_cli("contacts", "list", "--json")[1]) == {"contacts": []}


def test_import_prints_a_human_summary_without_json(run_cli: Callable, tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(linkedin_connections_csv([ANA, hidden_profile(date(2024, 1, 2))]))
    code, out, _ = run_cli("import", str(path))
    assert code == 0
    assert "1 added" in out and "skipped row 6: hidden profile" in out
