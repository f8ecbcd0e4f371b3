"""vCard 3.0/4.0: fields, grouped item1.URL, folding, malformed cards."""

from __future__ import annotations

import pytest

from assistant.errors import ImportFileError
from assistant.importers.vcard import parse_vcard
from tests.exports import MALFORMED_VCARD, Person, vcard_file

ZOE = Person(
    first="Zoë",
    last="Ångström",
    company="Northwind Robotics, Inc.",
    title="Staff Engineer; Data",
    slug="zoë-ångström",
    emails=("zoe@example.com",),
    phones=("+351-910-000-001",),
    labels=("Friends", "PyCon, 2024"),
    note="Met at PyCon.\nAsked about a long-running data migration project at her company.",
    city="Lisbon",
    country="Portugal",
)
KENJI = Person(first="Kenji", last="Nakamura", slug="kenji-n", websites=("https://kenji.example",))


@pytest.mark.parametrize("version", ["3.0", "4.0"])
@pytest.mark.parametrize("as_item", [True, False])
def test_fields(version: str, as_item: bool) -> None:
    parsed = parse_vcard(vcard_file([ZOE, KENJI], version=version, linkedin_as_item=as_item))
    assert parsed.format == "vcard"
    assert parsed.skipped == []
    zoe, kenji = parsed.contacts
    assert zoe.name == "Zoë Ångström"
    assert zoe.company == "Northwind Robotics, Inc."
    assert zoe.title == "Staff Engineer; Data"
    assert zoe.emails == ["zoe@example.com"]
    assert zoe.phones == ["+351-910-000-001"]
    assert zoe.urls == ["https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m/"]
    assert zoe.linkedin_slug == "zoë-ångström"
    assert zoe.tags == ["Friends", "PyCon, 2024"]
    assert zoe.location == "Lisbon, Portugal"
    assert zoe.sources == ["vcard"]
    assert kenji.urls == ["https://www.linkedin.com/in/kenji-n/", "https://kenji.example"]
    assert kenji.linkedin_slug == "kenji-n"
    ((key, note),) = parsed.named_notes
    assert key == "Zoë Ångström"
    assert note.text == ZOE.note


def test_malformed_and_truncated_cards_are_skipped_by_card_number() -> None:
    kenji = vcard_file([KENJI]).decode()
    truncated = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\n"
    data = (MALFORMED_VCARD + kenji + truncated).encode()
    parsed = parse_vcard(data)
    assert [c.name for c in parsed.contacts] == ["Kenji Nakamura"]
    assert [s.row for s in parsed.skipped] == [1, 3]
    assert parsed.skipped[0].reason.startswith("card 1 (line 1): malformed vCard (")
    assert parsed.skipped[1].reason.startswith("card 3 (line 14): no END:VCARD")


def test_card_without_any_name_is_skipped() -> None:
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:123\r\nEND:VCARD\r\n" + vcard_file([KENJI])
    parsed = parse_vcard(data)
    assert [c.name for c in parsed.contacts] == ["Kenji Nakamura"]
    assert parsed.skipped[0].row == 1
    assert "no FN, N, ORG or EMAIL" in parsed.skipped[0].reason


def test_name_falls_back_to_n_then_org() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Mateo;;;\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Globex;Sales\r\nEND:VCARD\r\n"
    )
    assert [c.name for c in parse_vcard(data).contacts] == ["Mateo Okafor", "Globex"]


def test_only_malformed_cards_is_an_error() -> None:
    with pytest.raises(ImportFileError, match=r"no readable vCard among 1 card\(s\)"):
        parse_vcard(MALFORMED_VCARD.encode())


def test_no_cards_is_an_error() -> None:
    with pytest.raises(ImportFileError, match="no vCard found"):
        parse_vcard(b"hello\n")
