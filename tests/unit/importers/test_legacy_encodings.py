"""Exports saved as UTF-16 without a BOM or as Latin-1/Windows-1252 import like UTF-8 ones."""

from __future__ import annotations

import pytest

from assistant.importers import parse_file
from tests.exports import Person, google_contacts_csv, linkedin_connections_csv

PEOPLE = [Person(first="Zoë", last="Ångström", company="Société Générale", title="Directrice",
                 slug="zoe-angstrom"),
          Person(first="François", last="Müller", company="Bäckerei", title="Inhaber",
                 slug="francois-muller")]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "latin-1", "cp1252"])
@pytest.mark.parametrize(("name", "build"), [
    ("Connections.csv", lambda: linkedin_connections_csv(PEOPLE, bom=False)),
    ("contacts.csv", lambda: google_contacts_csv(PEOPLE)),
])
def test_the_same_people_come_out(encoding: str, name: str, build: object) -> None:
    utf8 = build()  # type: ignore[operator]
    expected = [(c.name, c.company) for c in parse_file(name, utf8).contacts]
    legacy = utf8.decode("utf-8").encode(encoding)
    assert [(c.name, c.company) for c in parse_file(name, legacy).contacts] == expected
    assert expected == [("Zoë Ångström", "Société Générale"), ("François Müller", "Bäckerei")]
