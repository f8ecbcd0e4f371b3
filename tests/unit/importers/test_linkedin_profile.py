"""The user's own Profile.csv and Positions.csv."""

from __future__ import annotations

import pytest

from assistant.domain import Position
from assistant.errors import ImportFileError
from assistant.importers.linkedin_profile import parse_linkedin_positions, parse_linkedin_profile
from tests.exports import Job, linkedin_positions_csv, linkedin_profile_csv


def test_profile_name_headline_and_multiline_summary() -> None:
    summary = "I build data platforms.\nPreviously: Globex, Initech."
    data = linkedin_profile_csv("Zoë", "Ångström", "Staff Engineer, Data", summary, bom=True)
    parsed = parse_linkedin_profile(data)
    assert parsed.format == "linkedin-profile"
    assert parsed.profile is not None
    assert parsed.profile.name == "Zoë Ångström"
    assert parsed.profile.headline == "Staff Engineer, Data"
    assert parsed.profile.summary == summary
    assert parsed.skipped == []


def test_profile_without_a_row_is_an_error() -> None:
    with pytest.raises(ImportFileError, match="no profile row"):
        parse_linkedin_profile(b"First Name,Last Name,Headline,Summary\n")


def test_positions() -> None:
    jobs = [
        Job("Blue Heron Labs", "Head of Data", "Led a team of 6", "Lisbon", "Mar 2023", ""),
        Job("Globex Analytics", "Data Engineer, Platform", "", "", "Jan 2019", "Feb 2023"),
        Job("", "Freelance"),
    ]
    parsed = parse_linkedin_positions(linkedin_positions_csv(jobs))
    assert parsed.format == "linkedin-positions"
    assert parsed.positions == [
        Position(
            company="Blue Heron Labs",
            title="Head of Data",
            description="Led a team of 6",
            location="Lisbon",
            started_on="Mar 2023",
        ),
        Position(
            company="Globex Analytics",
            title="Data Engineer, Platform",
            started_on="Jan 2019",
            finished_on="Feb 2023",
        ),
    ]
    assert [(s.row, s.reason) for s in parsed.skipped] == [(4, "no company name")]


def test_positions_missing_header() -> None:
    with pytest.raises(ImportFileError, match="no LinkedIn Positions header row found"):
        parse_linkedin_positions(b"Company,Role\nx,y\n")
