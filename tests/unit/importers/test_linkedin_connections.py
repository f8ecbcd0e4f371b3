"""LinkedIn Connections.csv: preamble, BOM, old header, hidden rows, slugs and dates."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.errors import ImportFileError
from assistant.importers import parse_file
from assistant.importers.linkedin_connections import parse_linkedin_connections
from assistant.importers.linkedin_url import linkedin_slug
from tests.exports import Person, hidden_profile, linkedin_connections_csv

ZOE = Person(
    first="Zoë",
    last="Ångström",
    company="Northwind Robotics, Inc.",
    title="Staff Engineer, Platform",
    slug="zoë-ångström-7a1",
    emails=("zoe@example.com",),
    connected_on=date(2026, 2, 8),
)
MATEO = Person(
    first="Mateo",
    last="Okafor",
    company="Globex",
    title="Recruiter",
    slug="mateo-okafor",
    connected_on=date(2021, 11, 30),
)


def test_parses_every_field_of_a_full_export() -> None:
    data = linkedin_connections_csv([ZOE, MATEO])
    parsed = parse_linkedin_connections(data)
    assert parsed.format == "linkedin"
    assert parsed.skipped == []
    zoe, mateo = parsed.contacts
    assert zoe.name == "Zoë Ångström"
    assert zoe.company == "Northwind Robotics, Inc."
    assert zoe.title == "Staff Engineer, Platform"
    assert zoe.emails == ["zoe@example.com"]
    assert zoe.urls == ["https://www.linkedin.com/in/zo%C3%AB-%C3%A5ngstr%C3%B6m-7a1/"]
    assert zoe.linkedin_slug == "zoë-ångström-7a1"
    assert zoe.connected_on == date(2026, 2, 8)
    assert zoe.sources == ["linkedin"]
    assert mateo.emails == []
    assert mateo.linkedin_slug == "mateo-okafor"


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("preamble", [True, False])
@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_header_is_found_with_or_without_bom_and_preamble(
    bom: bool, preamble: bool, line_end: str
) -> None:
    data = linkedin_connections_csv([ZOE], bom=bom, preamble=preamble, line_end=line_end)
    parsed = parse_linkedin_connections(data)
    assert [c.name for c in parsed.contacts] == ["Zoë Ångström"]


def test_older_export_without_url_column() -> None:
    parsed = parse_linkedin_connections(linkedin_connections_csv([ZOE], with_url=False))
    (zoe,) = parsed.contacts
    assert zoe.urls == []
    assert zoe.linkedin_slug == ""
    assert zoe.company == "Northwind Robotics, Inc."
    assert zoe.connected_on == date(2026, 2, 8)


def test_hidden_profiles_are_skipped_with_their_line_number() -> None:
    data = linkedin_connections_csv([ZOE, hidden_profile(date(2024, 3, 1)), MATEO])
    parsed = parse_linkedin_connections(data)
    assert [c.name for c in parsed.contacts] == ["Zoë Ångström", "Mateo Okafor"]
    # BOM+preamble: Notes:, sentence, blank line, header (line 4), Zoë (5), hidden (6).
    assert [(s.row, s.reason) for s in parsed.skipped] == [
        (6, "hidden profile (only a connection date)")
    ]


def test_row_with_url_but_no_name_is_skipped_with_a_different_reason() -> None:
    nameless = Person(first="", last="", slug="ghost", connected_on=date(2024, 1, 1))
    parsed = parse_linkedin_connections(linkedin_connections_csv([nameless], preamble=False))
    assert [(s.row, s.reason) for s in parsed.skipped] == [(2, "no first or last name")]


def test_row_with_too_many_fields_is_skipped() -> None:
    text = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Inès,Dubois,,,Acme, Inc.,CTO,01 Jan 2020\n"
        "Kenji,Nakamura,,,Initech,CTO,02 Jan 2020\n"
    )
    parsed = parse_linkedin_connections(text.encode())
    assert [c.name for c in parsed.contacts] == ["Kenji Nakamura"]
    assert parsed.skipped[0].row == 2
    assert "8 fields but the header has 7" in parsed.skipped[0].reason


def test_unreadable_date_keeps_the_contact_without_a_date() -> None:
    text = "First Name,Last Name,Company,Position,Connected On\nAmara,Brennan,,,sometime\n"
    (amara,) = parse_linkedin_connections(text.encode()).contacts
    assert amara.connected_on is None


def test_quoted_newline_in_a_value_keeps_line_numbers_right() -> None:
    text = (
        "First Name,Last Name,Company,Position,Connected On\n"
        'Amara,Brennan,"Blue\nHeron",Lead,01 Jan 2020\n'
        ",,,,02 Jan 2020\n"
    )
    parsed = parse_linkedin_connections(text.encode())
    assert parsed.contacts[0].company == "Blue Heron"  # one-line fields: the break is a space
    assert parsed.skipped[0].row == 4


def test_semicolon_separated_resave_is_accepted() -> None:
    text = (
        "First Name;Last Name;Company;Position;Connected On\n"
        "Amara;Brennan;Initech;CTO;01 Jan 2020\n"
    )
    (amara,) = parse_linkedin_connections(text.encode()).contacts
    assert (amara.name, amara.company) == ("Amara Brennan", "Initech")


def test_missing_header_is_a_clear_error() -> None:
    with pytest.raises(ImportFileError, match="no LinkedIn Connections header row found"):
        parse_linkedin_connections(b"Name,Email\nAmara,a@example.com\n")


def test_parse_file_detects_and_names_the_file_in_errors() -> None:
    parsed = parse_file("Connections.csv", linkedin_connections_csv([ZOE]))
    assert parsed.format == "linkedin"
    with pytest.raises(ImportFileError, match=r"^Connections\.csv \(as linkedin\): no LinkedIn"):
        parse_file("Connections.csv", b"a,b\n1,2\n", fmt="linkedin")


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.linkedin.com/in/Mateo-Okafor/", "mateo-okafor"),
        ("https://linkedin.com/in/mateo-okafor?trk=x", "mateo-okafor"),
        ("http://uk.linkedin.com/in/mateo-okafor#about", "mateo-okafor"),
        ("www.linkedin.com/in/zo%C3%AB-7a1", "zoë-7a1"),
        ("https\\://www.linkedin.com/in/kenji/", "kenji"),
        ("https://www.linkedin.com/company/initech/", ""),
        ("https://notlinkedin.com/in/kenji", ""),
        ("", ""),
    ],
)
def test_linkedin_slug(url: str, slug: str) -> None:
    assert linkedin_slug(url) == slug
