"""Parse the user's own LinkedIn `Profile.csv` and `Positions.csv`."""

from __future__ import annotations

from assistant.domain import Position, Profile
from assistant.errors import ImportFileError
from assistant.importers.base import ParsedFile, SkippedRow
from assistant.importers.decoding import decode_text
from assistant.importers.tabular import HeaderSpec, read_table

PROFILE_FORMAT = "linkedin-profile"
POSITIONS_FORMAT = "linkedin-positions"
PROFILE_EXAMPLE = "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,..."
POSITIONS_EXAMPLE = "Company Name,Title,Description,Location,Started On,Finished On"
PROFILE_HEADER = HeaderSpec.of(["first name", "last name", "headline"])
POSITIONS_HEADER = HeaderSpec.of(["company name", "title"], any_of=["started on", "finished on"])


def parse_linkedin_profile(data: bytes) -> ParsedFile:
    """Read the user's name, headline and summary from the first data row of Profile.csv."""
    table = read_table(decode_text(data), PROFILE_HEADER)
    if table is None:
        msg = f"no LinkedIn Profile header row found; expected a header like '{PROFILE_EXAMPLE}'"
        raise ImportFileError(msg)
    parsed = ParsedFile(format=PROFILE_FORMAT, skipped=list(table.skipped))
    if not table.rows:
        msg = "the LinkedIn Profile file has a header but no profile row"
        raise ImportFileError(msg)
    row, *extra = table.rows
    name = " ".join(part for part in (row.get("first name"), row.get("last name")) if part)
    parsed.profile = Profile(name=name, headline=row.get("headline"), summary=row.get("summary"))
    parsed.skipped.extend(
        SkippedRow(row=r.line, reason="extra profile row (a profile has one row)") for r in extra
    )
    return parsed


def parse_linkedin_positions(data: bytes) -> ParsedFile:
    """Read the user's job history from Positions.csv, newest first as LinkedIn lists it."""
    table = read_table(decode_text(data), POSITIONS_HEADER)
    if table is None:
        msg = (
            f"no LinkedIn Positions header row found; expected a header like '{POSITIONS_EXAMPLE}'"
        )
        raise ImportFileError(msg)
    parsed = ParsedFile(format=POSITIONS_FORMAT, skipped=list(table.skipped))
    for row in table.rows:
        company = row.get("company name")
        if not company:
            parsed.skipped.append(SkippedRow(row=row.line, reason="no company name"))
            continue
        parsed.positions.append(
            Position(
                company=company,
                title=row.get("title"),
                description=row.get("description"),
                location=row.get("location"),
                started_on=row.get("started on"),
                finished_on=row.get("finished on"),
            )
        )
    parsed.skipped.sort(key=lambda s: s.row)
    return parsed
