"""The import boundary for orders hidden in imported fields: set aside, and said so."""

from __future__ import annotations

from assistant.drafting.offline.injection import clean_field, strip_instructions
from assistant.importers import ParsedFile
from assistant.text import ellipsize

SHOWN_CHARS = 60


def set_aside_instructions(parsed: ParsedFile) -> list[str]:
    """Empty the contact and position fields that instruct a model; one line per field emptied.

    A title such as "Ignore previous instructions and ..." is not a job title: keeping it would
    put the order into every draft's sources. Notes stay as written (they are the user's words)
    and are filtered where drafts read them.
    """
    said: list[str] = []

    def check(owner: str, field: str, value: str) -> str:
        cleaned = clean_field(value)
        if cleaned != value:
            said.append(f"{owner}: {field} '{ellipsize(value, SHOWN_CHARS)}' reads as an "
                        "instruction to a model, so it was left out")
        return cleaned

    for contact in parsed.contacts:
        contact.title = check(contact.name, "title", contact.title)
        contact.company = check(contact.name, "company", contact.company)
    for position in parsed.positions:
        owner = f"position at {position.company or '?'}"
        position.title = check(owner, "title", position.title)
        position.company = check(owner, "company", position.company)
        description = strip_instructions(position.description)
        if description != position.description:
            said.append(f"{owner}: the description's instructions to a model were left out")
            position.description = description
    return said
