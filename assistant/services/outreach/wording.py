"""The offline wording of every draft kind, behind one call.

The offline engine owns the words (``assistant.drafting.offline.outreach.write``); this module
only adapts its answer to what the service keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assistant.domain import Contact, Note, Profile
from assistant.drafting.offline import outreach as offline


@dataclass(frozen=True)
class Wording:
    """What the offline engine wrote: the message, an email subject, the hook it used."""

    text: str
    subject: str = ""
    hook_id: str = ""
    hook_note_id: str = ""
    second_text: str = ""


def write(kind: str, channel: str, contact: Contact, notes: Sequence[Note],
          resource: tuple[str, str, str] | None, sender: Profile, seed: str, today: date,
          avoid_hook: str | None = None, other: Contact | None = None) -> Wording:
    """The offline engine's draft of ``kind`` for ``channel``."""
    result = offline.write(kind, channel, contact, list(notes), resource, sender, seed,
                           avoid_hook=avoid_hook, to=other, today=today)
    return Wording(result.text, result.subject, result.hook_id or "",
                   result.hook_note_id or "", result.second_text)
