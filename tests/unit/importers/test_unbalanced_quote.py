"""A stray quote in a CSV must not merge the rows after it into one contact without a word."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from assistant.errors import ImportFileError
from assistant.importers import parse_file
from tests.exports import (
    Job,
    Person,
    google_contacts_csv,
    linkedin_connections_csv,
    linkedin_positions_csv,
)


def plain_people() -> list[Person]:
    """People whose cells need no quotes, so a stray quote runs on to the end of the file."""
    return [Person(first=f, last="Lee", company="Acme", title="PM", slug=f"{f}-lee".lower())
            for f in ("Ana", "Bo", "Cy", "Di", "Ed", "Flo")]


def with_stray_quote(data: bytes, after: str) -> bytes:
    """The export with one opening quote typed by mistake right after ``after``."""
    text = data.decode("utf-8")
    at = text.index(after) + len(after)
    return (text[:at] + '"' + text[at:]).encode("utf-8")


@pytest.mark.parametrize(("name", "fmt", "build"), [
    ("Connections.csv", "linkedin", lambda: linkedin_connections_csv(plain_people())),
    ("contacts.csv", "google", lambda: google_contacts_csv(plain_people())),
    ("Positions.csv", "linkedin-positions",
     lambda: linkedin_positions_csv([Job(company=f"Co {i}", title="PM") for i in range(6)])),
])
def test_a_stray_quote_is_refused_naming_the_rows(
    name: str, fmt: str, build: Callable[[], bytes],
) -> None:
    clean = build()
    assert parse_file(name, clean, fmt)  # the file is fine without the quote
    # The quote opens the first data row's first cell and nothing closes it until the end.
    text = clean.decode("utf-8")
    header_end = text.index("\n", text.index("Name,")) + 1
    broken = (text[:header_end] + '"' + text[header_end:]).encode("utf-8")
    with pytest.raises(ImportFileError) as error:
        parse_file(name, broken, fmt)
    message = str(error.value)
    assert "opens a quote" in message and "would merge" in message
    assert "nothing was imported" in message
    assert "\n" not in message


def test_the_message_names_the_opening_line_and_every_swallowed_row() -> None:
    people = [Person(first=f, last="Lee", company="Acme", title="PM", slug=f"{f}-lee".lower())
              for f in ("Ana", "Bo", "Cy", "Di")]
    data = linkedin_connections_csv(people, preamble=False, bom=False, with_url=False)
    broken = with_stray_quote(data, "Ana,")  # Ana,"Lee,... opens a quote that never closes
    with pytest.raises(ImportFileError) as error:
        parse_file("Connections.csv", broken)
    assert str(error.value) == (
        'Connections.csv (detected as linkedin): line 2 opens a quote (") that is not closed '
        "before the next row, so 3 rows after it (lines 3, 4, 5) would merge into one; close or "
        "remove the quote and import again (nothing was imported)")


def test_real_multi_line_cells_still_import() -> None:
    people = [Person(first="Ana", last="Lee", company="Acme", title="Lead,\nplatform team"),
              Person(first="Bo", last="Li", company="Beta", title="Engineer")]
    parsed = parse_file("Connections.csv", linkedin_connections_csv(people))
    assert [c.name for c in parsed.contacts] == ["Ana Lee", "Bo Li"]
    assert parsed.skipped == []


def test_a_refused_file_writes_nothing(app_factory: Callable[..., Any]) -> None:
    app = app_factory(provider="offline")
    app.contacts.add("Kept Person", company="Acme")
    data = linkedin_connections_csv(plain_people(), preamble=False)
    text = data.decode("utf-8")
    cut = text.index("\n") + 1
    with pytest.raises(ImportFileError, match="opens a quote"):
        app.importer.import_bytes("Connections.csv", (text[:cut] + '"' + text[cut:]).encode())
    assert [c.name for c in app.contacts.list_contacts()] == ["Kept Person"]


def test_the_cli_exits_non_zero_with_one_line(
    run_cli: Callable[..., tuple[int, str, str]], tmp_path: Any,
) -> None:
    data = linkedin_connections_csv(plain_people(), preamble=False)
    text = data.decode("utf-8")
    cut = text.index("\n") + 1
    path = tmp_path / "Connections.csv"
    path.write_text(text[:cut] + '"' + text[cut:], encoding="utf-8")
    code, out, err = run_cli("import", str(path), "--json")
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "opens a quote" in err
    code, out, _ = run_cli("contacts", "list", "--json")
    assert code == 0 and '"contacts": []' in out
