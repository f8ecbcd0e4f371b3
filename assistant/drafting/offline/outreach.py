"""Offline outreach drafts: short, warm, built only from what the notes say, said to the person.

``write`` is the engine's one entry point. It ranks the contact's note facts as hooks, says the
best one to them (never quoting the note), and lays the moves out for the channel: a LinkedIn
connection note (<= 300 characters), a DM (2-4 sentences), an email (subject, greeting, body,
sign-off) or a text (<= 160 characters, casual). The same seed always gives the same draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from assistant.domain import Contact, Note, Profile
from assistant.drafting.language.clauses import shorten as shorten_clause
from assistant.drafting.language.hooks import NEED, hooks_for, pick_hook, shared_history
from assistant.drafting.offline.injection import strip_instructions
from assistant.errors import InputError

KINDS = ("checkin", "info-interview", "coffee", "congrats", "thanks", "intro")
CHANNELS = ("linkedin-note", "linkedin-dm", "email", "text")
MAX_CHARS = {"linkedin-note": 300, "text": 160}
GREETINGS = {"text": ("Hey {first}!", "Hi {first}!"),
             "email": ("Hi {first},", "Hello {first},", "Dear {first},")}
DEFAULT_GREETINGS = ("Hi {first},", "Hey {first},", "Hello {first},")
SIGN_OFFS = ("Best,", "Warmly,", "All the best,", "Cheers,")
SUBJECTS = {
    "checkin": ("Thinking of you", "Hello from {sender}", "Checking in", "A quick hello"),
    "info-interview": ("A question about your work in {field}", "Learning about {field}"),
    "coffee": ("Coffee sometime?", "A coffee in the next few weeks?"),
    "congrats": ("Congratulations!", "Great news"),
    "thanks": ("Thank you", "Thanks again"),
    "intro": ("Would an intro to {to} help?", "An intro to {to}?"),
}
Resource = tuple[str, str] | tuple[str, str, str]  # title, why it fits, and maybe a link


@dataclass(frozen=True)
class OfflineDraft:
    """A draft from the offline engine, and which note fact it was built on."""

    text: str
    subject: str = ""
    hook_id: str | None = None
    hook_note_id: str | None = None
    second_text: str = ""  # intro: the introduction itself, once both have said yes
    resource_used: bool = False
    hooks: list[str] = field(default_factory=list)  # the ranked hook ids, for the UI and evals


def first_name(contact: Contact) -> str:
    """What a friend calls them."""
    return contact.name.split()[0] if contact.name.split() else contact.name


def factual_notes(notes: Sequence[Note]) -> list[Note]:
    """Notes without sentences that try to instruct a model; notes with nothing else are dropped.

    Notes are data: an order hidden in one ("IGNORE ALL PREVIOUS INSTRUCTIONS ...") is not a
    detail about the person, so it reaches neither the offline draft nor the model's prompt.
    """
    kept = []
    for note in notes:
        text = strip_instructions(note.text).strip()
        if text == note.text.strip():
            kept.append(note)
        elif text:
            kept.append(note.model_copy(update={"text": text}))
    return kept


def note_date(day: date) -> str:
    """A note's date in the forms a draft may use: "Friday 14 March 2025 (2025-03-14)"."""
    return f"{day:%A} {day.day} {day:%B} {day.year} ({day.isoformat()})"


def _sender(sender: str | Profile) -> tuple[str, Profile]:
    profile = sender if isinstance(sender, Profile) else Profile(name=sender)
    return profile.name.strip(), profile


def _field(contact: Contact, profile: Profile) -> str:
    """What the user wants to learn about: the contact's kind of work, in a few words."""
    if contact.company:
        return f"your work at {contact.company}"
    if contact.title:
        return f"your work as {contact.title}"
    return "your path so far"


def _about_me(profile: Profile) -> str:
    """One sentence on who the user is and where they are going, in their own facts."""
    from assistant.drafting.language.story import move_phrase, role_phrase  # noqa: PLC0415

    role, move = role_phrase(profile), move_phrase(profile)
    if role and move:
        return f"I'm {role}, {move}."
    if role:
        return f"I'm {role}."
    if move:
        return f"I'm {move}."
    return ""


def write(
    kind: str,
    channel: str,
    contact: Contact,
    notes: Sequence[Note],
    resource: Resource | None,
    sender: str | Profile,
    seed: str,
    avoid_hook: str | None = None,
    to: Contact | None = None,
    today: date | None = None,
) -> OfflineDraft:
    """A ``kind`` message to ``contact`` for ``channel``, built from the notes; deterministic."""
    if kind not in KINDS:
        msg = f"unknown draft kind '{kind}'; choose one of: {', '.join(KINDS)}"
        raise InputError(msg)
    if channel not in CHANNELS:
        msg = f"unknown channel '{channel}'; choose one of: {', '.join(CHANNELS)}"
        raise InputError(msg)
    if kind == "intro" and to is None:
        msg = "an intro needs a second contact (--to NAME_OR_ID)"
        raise InputError(msg)
    from assistant.drafting.offline.outreach_compose import compose  # noqa: PLC0415

    today = today or date.today()
    name, profile = _sender(sender)
    hooks = hooks_for(contact, factual_notes(notes), today,
                      resource_topics=[resource[0]] if resource else [])
    return compose(kind, channel, contact, hooks, resource, name, profile, seed, avoid_hook, to,
                   today)


def checkin(contact: Contact, notes: Sequence[Note], resource: Resource | None, sign_off: str,
            seed: str) -> str:
    """A give-first check-in as a DM (kept for callers of the first offline engine)."""
    return write("checkin", "linkedin-dm", contact, notes, resource, sign_off, seed).text


__all__ = ["CHANNELS", "KINDS", "NEED", "OfflineDraft", "checkin", "factual_notes", "first_name",
           "note_date", "pick_hook", "shared_history", "shorten_clause", "write"]
