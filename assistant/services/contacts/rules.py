"""The rules a contact or note must meet, wherever it comes from: the CLI, the UI or a restore."""

from __future__ import annotations

from assistant.domain import MAX_NAME_CHARS, Contact, Note

__all__ = ["MAX_CADENCE_DAYS", "MAX_NAME_CHARS", "contact_problems", "note_problems"]

MAX_CADENCE_DAYS = 3650
MAX_FIELD_CHARS = 500  # a company, a title, a place
MAX_NOTE_CHARS = 100_000


def contact_problems(contact: Contact) -> list[str]:
    """What makes this contact unfit to store, one short phrase each (empty: it is fine)."""
    problems = []
    if not contact.name.strip():
        problems.append("a contact needs a name")
    elif len(contact.name) > MAX_NAME_CHARS:
        problems.append(f"a name is at most {MAX_NAME_CHARS} characters "
                        f"(this one has {len(contact.name)})")
    for field in ("company", "title", "location", "how_we_met", "introduced_by"):
        value = getattr(contact, field)
        if len(value) > MAX_FIELD_CHARS:
            problems.append(f"{field} is at most {MAX_FIELD_CHARS} characters "
                            f"(this one has {len(value)})")
    days = contact.cadence_days
    if days is not None and not 1 <= days <= MAX_CADENCE_DAYS:
        problems.append(f"a cadence is between 1 and {MAX_CADENCE_DAYS} days, not {days}")
    return problems


def note_problems(note: Note) -> list[str]:
    """What makes this note unfit to store (empty: it is fine)."""
    if not note.text.strip():
        return ["a note needs some text"]
    if len(note.text) > MAX_NOTE_CHARS:
        return [f"a note is at most {MAX_NOTE_CHARS:,} characters (this one has "
                f"{len(note.text):,})"]
    return []
