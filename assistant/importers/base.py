"""What every importer returns: domain objects plus a report of what it skipped."""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.domain import Contact, Interaction, Note, Position, Profile


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
