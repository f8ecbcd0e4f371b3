"""Parse LinkedIn's `Connections.csv` into contacts keyed by their profile slug."""

from __future__ import annotations

from assistant.domain import Contact
from assistant.errors import ImportFileError
from assistant.importers.base import ParsedFile, SkippedRow
from assistant.importers.dates import parse_date
from assistant.importers.decoding import decode_text
from assistant.importers.linkedin_url import linkedin_slug
from assistant.importers.tabular import HeaderSpec, Row, read_table

FORMAT = "linkedin"
SOURCE = "linkedin"
EXAMPLE_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
# Older exports have no URL column; Company/Position tell it apart from Google's First/Last Name.
HEADER = HeaderSpec.of(["first name", "last name", "connected on"])
# The skip reason for members who hide their profile; callers count hidden rows by it.
HIDDEN_PROFILE = "hidden profile (only a connection date)"


def parse_linkedin_connections(data: bytes) -> ParsedFile:
    """Parse a LinkedIn Connections export; hidden profiles are skipped and reported."""
    table = read_table(decode_text(data), HEADER)
    if table is None:
        msg = f"no LinkedIn Connections header row found; expected a header like '{EXAMPLE_HEADER}'"
        raise ImportFileError(msg)
    parsed = ParsedFile(format=FORMAT, skipped=list(table.skipped))
    for row in table.rows:
        contact = _contact(row)
        if isinstance(contact, SkippedRow):
            parsed.skipped.append(contact)
            continue
        when = row.get("connected on")
        unread = {"Connected On": when} if when and contact.connected_on is None else {}
        if (vetted := parsed.vet(contact, row.line, dates=unread)) is not None:
            parsed.contacts.append(vetted)
    parsed.skipped.sort(key=lambda s: s.row)
    return parsed


def _contact(row: Row) -> Contact | SkippedRow:
    """Build one contact, or say why the row was skipped."""
    name = " ".join(part for part in (row.get("first name"), row.get("last name")) if part)
    url = row.get("url", "profile url")
    if not name:
        if url or row.get("email address", "company", "position"):
            return SkippedRow(row=row.line, reason="no first or last name")
        # LinkedIn writes members who hide their profile as a row with only a date.
        return SkippedRow(row=row.line, reason=HIDDEN_PROFILE)
    email = row.get("email address", "email")
    return Contact(
        name=name,
        company=row.get("company"),
        title=row.get("position"),
        emails=[email] if email else [],
        urls=[url] if url else [],
        linkedin_slug=linkedin_slug(url),
        connected_on=parse_date(row.get("connected on")),
        sources=[SOURCE],
    )
