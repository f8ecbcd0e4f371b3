"""The offline wording of every draft kind, behind one call.

The offline engine owns the words (``assistant.drafting.offline.outreach.write``); this module
only adapts its answer to what the service keeps. Until that entry point exists, the check-in
writer stands in for every kind, with one request line for the kinds that ask.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.domain import Contact, Note
from assistant.drafting.offline import outreach as offline


@dataclass(frozen=True)
class Wording:
    """What the offline engine wrote: the message, an email subject, the hook it used."""

    text: str
    subject: str = ""
    hook_id: str = ""
    hook_note_id: str = ""
    second_text: str = ""


_INTERIM_LINES = {
    "info-interview": "Would you be open to a 20-minute call sometime to hear how you got "
                      "where you are? No worries at all if the timing is not right.",
    "coffee": "Would you be up for a coffee in the next few weeks? Completely fine if "
              "not, I know how busy things get.",
    "thanks": "Thank you again for your time, it meant a lot.",
    "congrats": "Congratulations on the new role!",
}


def write(kind: str, channel: str, contact: Contact, notes: Sequence[Note],
          resource: tuple[str, str] | None, sender: str, seed: str,
          avoid_hook: str | None = None, other: Contact | None = None) -> Wording:
    """The offline engine's draft of ``kind`` for ``channel``."""
    engine = getattr(offline, "write", None)
    if engine is not None:  # the offline writer's entry point
        args = (kind, channel, contact, list(notes), resource, sender, seed)
        result = (engine(*args, avoid_hook=avoid_hook, other=other) if other is not None
                  else engine(*args, avoid_hook=avoid_hook))
        return Wording(result.text, getattr(result, "subject", ""),
                       str(getattr(result, "hook_id", "") or ""),
                       str(getattr(result, "hook_note_id", "") or ""),
                       getattr(result, "second_text", "") or "")
    return _interim(kind, contact, notes, resource, sender, seed, other)


def _interim(kind: str, contact: Contact, notes: Sequence[Note],
             resource: tuple[str, str] | None, sender: str, seed: str,
             other: Contact | None) -> Wording:
    usable = [n for n in offline.factual_notes(notes)]
    if kind == "intro" and other is not None:
        first = offline.first_name(contact)
        ask = (f"Hi {first},\nWould you like an introduction to {other.name}? "
               f"Happy either way.\n{sender}").strip()
        intro = (f"Hi {first} and {offline.first_name(other)},\nIntroducing you two: "
                 f"I think you would enjoy talking.\n{sender}").strip()
        return Wording(ask, "An introduction?", second_text=intro)
    text = offline.checkin(contact, usable, resource if kind == "checkin" else None, sender, seed)
    if line := _INTERIM_LINES.get(kind):
        lines = text.split("\n")
        lines.insert(len(lines) - (2 if sender else 1), line)
        text = "\n".join(lines)
    subject = f"Hello from {sender}" if sender else "Hello"
    return Wording(text, subject, hook_note_id=usable[0].id if usable else "")
