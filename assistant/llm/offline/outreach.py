"""Offline outreach drafts: short, warm, built only from what the notes say."""

from __future__ import annotations

import hashlib
import re

from assistant.domain import Contact, Note

GREETINGS = ("Hi {first},", "Hey {first},", "Hello {first},")
OPENERS = (
    "You came to mind this week.",
    "I was thinking about our last conversation.",
    "It's been a little while, so I wanted to say hello.",
)
CLOSERS = ("No need to reply, just wanted to share.", "Hope all is well.", "Talk soon.")


def pick(options: tuple[str, ...], seed: str) -> str:
    """A stable choice: the same seed always picks the same option."""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return options[digest[0] % len(options)]


def first_name(contact: Contact) -> str:
    return contact.name.split()[0] if contact.name.split() else contact.name


def detail_line(note: Note | None) -> str:
    """Turn the most recent remembered detail into a friendly question about them."""
    if note is None:
        return ""
    text = note.text.strip().rstrip(".")
    sentence = re.split(r"(?<=[.!?])\s+", text)[0].rstrip(".!?")
    return f"Last time you mentioned: {sentence}. How did that go?"


def checkin(
    contact: Contact, note: Note | None, resource: tuple[str, str] | None, sign_off: str, seed: str
) -> str:
    """A give-first check-in: a remembered detail, maybe a resource, and no ask."""
    lines = [pick(GREETINGS, seed).format(first=first_name(contact)), pick(OPENERS, seed + "o")]
    if detail := detail_line(note):
        lines.append(detail)
    if resource:
        title, why = resource
        lines.append(f'I came across "{title}" and thought of you: {why}')
    lines.append(pick(CLOSERS, seed + "c"))
    if sign_off:
        lines.append(sign_off)
    return "\n".join(lines)


def shorten(text: str, max_chars: int) -> str:
    """Drop whole lines from the middle until the text fits (a LinkedIn note is 300 chars)."""
    lines = text.split("\n")
    while len("\n".join(lines)) > max_chars and len(lines) > 2:
        lines.pop(-2 if len(lines) > 3 else 1)
    out = "\n".join(lines)
    return out if len(out) <= max_chars else out[: max_chars - 1].rsplit(" ", 1)[0] + "…"
