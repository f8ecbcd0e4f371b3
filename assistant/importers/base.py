"""What every importer returns: domain objects plus a report of what it skipped."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from assistant.domain import MAX_NAME_CHARS, Contact, Interaction, Note, Position, Profile
from assistant.text import ellipsize

# Deliberately loose (RFC 5322 is not the point): one @, no spaces, a dot in the domain.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
SHOWN_CHARS = 40  # how much of a bad value a report quotes


class SkippedRow(BaseModel):
    row: int  # 1-based line/record number in the source file
    reason: str


class ParsedFile(BaseModel):
    """The pure result of parsing one file. Nothing has been stored yet."""

    format: str
    contacts: list[Contact] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    # Notes that name a contact by heading/name but have no contact id yet; the store resolves them.
    named_notes: list[tuple[str, Note]] = Field(default_factory=list)
    # Interactions keyed by the other person's LinkedIn slug or name; the store resolves them.
    interactions: list[tuple[str, Interaction]] = Field(default_factory=list)
    profile: Profile | None = None
    positions: list[Position] = Field(default_factory=list)
    skipped: list[SkippedRow] = Field(default_factory=list)
    # Rows that were imported without a field that could not be read (a date, an email).
    warnings: list[SkippedRow] = Field(default_factory=list)

    def vet(self, contact: Contact, row: int, *, dates: dict[str, str] | None = None,
            ) -> Contact | None:
        """Check a parsed contact's fields: an unusable name skips the row, a bad email or
        date is left out and reported. ``dates`` maps a column name to the text that did not
        parse as a date."""
        if len(contact.name) > MAX_NAME_CHARS:
            self.skipped.append(SkippedRow(row=row, reason=(
                f"the name is {len(contact.name):,} characters; a name is at most "
                f"{MAX_NAME_CHARS}")))
            return None
        good = [e for e in contact.emails if EMAIL.match(e)]
        for bad in (e for e in contact.emails if not EMAIL.match(e)):
            self.warnings.append(SkippedRow(row=row, reason=(
                f"email '{ellipsize(bad, SHOWN_CHARS)}' is not an email address; left out")))
        for column, text in (dates or {}).items():
            self.warnings.append(SkippedRow(row=row, reason=(
                f"{column} '{ellipsize(text, SHOWN_CHARS)}' is not a date; left empty")))
        return contact.model_copy(update={"emails": good}) if len(good) < len(
            contact.emails) else contact
