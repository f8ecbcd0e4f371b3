"""Parse a Google Contacts CSV export (current, legacy and Outlook-style headers)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain import Contact, Note
from assistant.errors import ImportFileError
from assistant.importers.base import ParsedFile, SkippedRow
from assistant.importers.decoding import decode_text
from assistant.importers.linkedin_url import linkedin_slug
from assistant.importers.tabular import HeaderSpec, Row, Table, read_table

FORMAT = "google"
SOURCE = "google"
EXAMPLE_HEADER = "First Name,Middle Name,Last Name,...,Organization Name,...,E-mail 1 - Value,..."
NEW_HEADER = HeaderSpec.of(
    ["first name", "last name"],
    any_of=["labels", "organization name", "e-mail 1 - value", "phone 1 - value", "file as"],
)
LEGACY_HEADER = HeaderSpec.of(
    ["name", "given name", "family name"], any_of=["group membership", "e-mail 1 - value"]
)
OUTLOOK_HEADER = HeaderSpec.of(["first name", "last name", "e-mail address"])
HEADERS = (NEW_HEADER, LEGACY_HEADER, OUTLOOK_HEADER)

_MULTI = re.compile(r"\s*:::\s*")
_EMAIL_COLUMN = re.compile(r"^e-mail(?: \d+)?(?: - value| address)$")
_PHONE_COLUMN = re.compile(r"^(?:phone \d+ - value|.*\bphone(?: \d+)?)$")
_WEBSITE_COLUMN = re.compile(r"^(?:website \d+ - value|web page(?: \d+)?)$")


def parse_google_contacts(data: bytes) -> ParsedFile:
    """Parse Google contacts; the Notes cell becomes a note attached to the contact by name."""
    text = decode_text(data)
    table = _first_table(text)
    if table is None:
        msg = f"no Google Contacts header row found; expected a header like '{EXAMPLE_HEADER}'"
        raise ImportFileError(msg)
    parsed = ParsedFile(format=FORMAT, skipped=list(table.skipped))
    columns = _Columns.of(table.columns)
    for row in table.rows:
        contact = _contact(row, columns)
        if contact is None:
            reason = "no name or e-mail address"
            parsed.skipped.append(SkippedRow(row=row.line, reason=reason))
            continue
        if (vetted := parsed.vet(contact, row.line)) is None:
            continue
        parsed.contacts.append(vetted)
        note = row.get("notes")
        if note:
            parsed.named_notes.append((contact.name, Note(text=note, source=SOURCE)))
    parsed.skipped.sort(key=lambda s: s.row)
    return parsed


def _first_table(text: str) -> Table | None:
    """Read the text with whichever Google header flavour it has."""
    for spec in HEADERS:
        table = read_table(text, spec)
        if table is not None:
            return table
    return None


def split_multi(value: str) -> list[str]:
    """Split a Google cell holding several values joined by ' ::: '."""
    if ":::" not in value:
        return [value] if value else []
    return [part for part in (p.strip() for p in _MULTI.split(value)) if part]


@dataclass(frozen=True)
class _Columns:
    """The multi-valued columns of this header, matched once rather than per row."""

    emails: list[str]
    phones: list[str]
    websites: list[str]

    @classmethod
    def of(cls, columns: list[str]) -> _Columns:
        """Pick the e-mail, phone and website value columns out of a header."""
        return cls(
            [c for c in columns if _EMAIL_COLUMN.match(c)],
            [c for c in columns if _PHONE_COLUMN.match(c)],
            [c for c in columns if _WEBSITE_COLUMN.match(c)],
        )


def _values(row: Row, columns: list[str]) -> list[str]:
    """All values of `columns`, in order and without duplicates."""
    found: list[str] = []
    for column in columns:
        found.extend(v for v in split_multi(row.get(column)) if v not in found)
    return found


def _name(row: Row) -> str:
    """The display name: the Name cell, else given/middle/family parts, else a nickname."""
    full = row.get("name")
    if full:
        return full
    parts = (
        row.get("first name", "given name"),
        row.get("middle name", "additional name"),
        row.get("last name", "family name"),
    )
    return " ".join(p for p in parts if p) or row.get("nickname", "file as")


def _contact(row: Row, columns: _Columns) -> Contact | None:
    """Build one contact; None when the row names nobody."""
    emails = _values(row, columns.emails)
    name = _name(row) or (emails[0] if emails else "")
    if not name:
        return None
    websites = _values(row, columns.websites)
    slug = next((s for s in map(linkedin_slug, websites) if s), "")
    labels = row.get("labels", "group membership")
    tags = [t for t in split_multi(labels) if not t.startswith("*")]
    tags += [t.strip() for t in row.get("categories").split(";") if t.strip()]
    tags = list(dict.fromkeys(tags))
    company = split_multi(row.get("organization name", "organization 1 - name", "company"))
    title = split_multi(row.get("organization title", "organization 1 - title", "job title"))
    place = [row.get(f"address 1 - {part}") for part in ("city", "region", "country")]
    return Contact(
        name=name,
        company=company[0] if company else "",
        title=title[0] if title else "",
        emails=emails,
        phones=_values(row, columns.phones),
        urls=websites,
        linkedin_slug=slug,
        location=", ".join(p for p in place if p) or row.get("location"),
        tags=tags,
        sources=[SOURCE],
    )
