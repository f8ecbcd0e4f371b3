"""Google Contacts CSV: current and legacy headers, ' ::: ' cells, labels, notes, LinkedIn URLs."""

from __future__ import annotations

import pytest

from assistant.errors import ImportFileError
from assistant.importers.google_contacts import parse_google_contacts
from tests.exports import Person, google_contacts_csv

ZOE = Person(
    first="Zoë",
    last="Ångström",
    company="Northwind Robotics, Inc.",
    title="Staff Engineer",
    slug="zoe-angstrom",
    emails=("zoe@example.com", "zoe.a@example.org"),
    phones=("+351 910 000 001", "+351 210 000 002"),
    labels=("Friends", "PyCon 2024"),
    websites=("https://zoe.example.net",),
    note="Met at PyCon.\nLikes bouldering, espresso.",
    city="Lisbon",
    country="Portugal",
)
NO_NAME = Person(first="", last="", emails=("someone@example.com",))
NOBODY = Person(first="", last="", phones=("+1 555 0100",))


@pytest.mark.parametrize("legacy", [False, True])
def test_full_contact(legacy: bool) -> None:
    parsed = parse_google_contacts(google_contacts_csv([ZOE], legacy=legacy, bom=legacy))
    assert parsed.format == "google"
    (zoe,) = parsed.contacts
    assert zoe.name == "Zoë Ångström"
    assert zoe.company == "Northwind Robotics, Inc."
    assert zoe.title == "Staff Engineer"
    assert zoe.emails == ["zoe@example.com", "zoe.a@example.org"]
    assert zoe.phones == ["+351 910 000 001", "+351 210 000 002"]
    assert zoe.urls == ["https://www.linkedin.com/in/zoe-angstrom/", "https://zoe.example.net"]
    assert zoe.linkedin_slug == "zoe-angstrom"
    assert zoe.tags == ["Friends", "PyCon 2024"]
    assert zoe.location == "Lisbon, Portugal"
    assert zoe.sources == ["google"]
    ((key, note),) = parsed.named_notes
    assert key == "Zoë Ångström"
    assert note.text == "Met at PyCon.\nLikes bouldering, espresso."
    assert (note.contact_id, note.source) == (None, "google")


def test_email_only_rows_are_named_by_email_and_empty_rows_skipped() -> None:
    parsed = parse_google_contacts(google_contacts_csv([NO_NAME, NOBODY]))
    assert [c.name for c in parsed.contacts] == ["someone@example.com"]
    assert [(s.row, s.reason) for s in parsed.skipped] == [(3, "no name or e-mail address")]


def test_outlook_style_header() -> None:
    text = (
        "First Name,Middle Name,Last Name,E-mail Address,E-mail 2 Address,Mobile Phone,"
        "Company,Job Title,Categories,Notes\n"
        "Kenji,,Nakamura,k@example.com,kn@example.org,+81 90 0000,Initech,CTO,Work;VIP,hi\n"
    )
    (kenji,) = parse_google_contacts(text.encode()).contacts
    assert kenji.emails == ["k@example.com", "kn@example.org"]
    assert kenji.phones == ["+81 90 0000"]
    assert (kenji.company, kenji.title, kenji.tags) == ("Initech", "CTO", ["Work", "VIP"])


def test_missing_header() -> None:
    with pytest.raises(ImportFileError, match="no Google Contacts header row found"):
        parse_google_contacts(b"Who,What\n")
