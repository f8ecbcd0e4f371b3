"""The fixed parts of an offline outreach draft: greetings, sign-offs, subjects, and the
shape of what the engine returns. Shared by the entry point and the composer."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.domain import Contact, Profile

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


def field_phrase(contact: Contact, profile: Profile) -> str:
    """What the user wants to learn about: the contact's kind of work, in a few words."""
    if contact.company:
        return f"your work at {contact.company}"
    if contact.title:
        return f"your work as {contact.title}"
    return "your path so far"


def about_me(profile: Profile) -> str:
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
