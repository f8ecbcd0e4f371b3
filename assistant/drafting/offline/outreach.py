"""Offline outreach drafts: short, warm, built only from what the notes say, said to the person.

``write`` is the engine's one entry point. It ranks the contact's note facts as hooks, says the
best one to them (never quoting the note), and lays the moves out for the channel: a LinkedIn
connection note (<= 300 characters), a DM (2-4 sentences), an email (subject, greeting, body,
sign-off) or a text (<= 160 characters, casual). The same seed always gives the same draft.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from assistant.domain import Contact, Note, Profile
from assistant.drafting.language.clauses import shorten as shorten_clause
from assistant.drafting.language.hooks import NEED, hooks_for, pick_hook, shared_history
from assistant.drafting.offline.injection import strip_instructions
from assistant.drafting.offline.outreach_compose import compose
from assistant.drafting.offline.outreach_parts import (  # noqa: F401 - the engine's API
    MAX_CHARS,
    OfflineDraft,
    Resource,
    first_name,
)
from assistant.errors import InputError

KINDS = ("checkin", "info-interview", "coffee", "congrats", "thanks", "intro")
CHANNELS = ("linkedin-note", "linkedin-dm", "email", "text")






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


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
_FRAME_WORDS = 4  # a greeting ("Hi Ana,") or a sign-off line ("Best,", "Maya") is this short


def shorter(text: str, max_chars: int) -> str:
    """The draft with whole sentences dropped, last first, until it fits in ``max_chars``.

    The greeting and subject lines, the first sentence of the body and the sign-off stay, and
    questions outlast remarks; no sentence is ever cut inside, so the result may stay longer
    than ``max_chars``.
    """
    lines = text.split("\n")
    head = 0
    while head < len(lines) and (_is_frame(lines[head]) or lines[head].startswith("Subject:")):
        head += 1
    tail = len(lines)
    while tail > head + 1 and _is_frame(lines[tail - 1]):
        tail -= 1
    sentences = [(i, s) for i in range(head, tail) for s in _SENTENCE_END.split(lines[i]) if s]
    while len(_join(lines, head, tail, sentences)) > max_chars and len(sentences) > 1:
        # A question to them outlasts a remark: drop the last remark first.
        remarks = [n for n, (_, s) in enumerate(sentences[1:], start=1) if not s.endswith("?")]
        sentences.pop(remarks[-1] if remarks else -1)
    return _join(lines, head, tail, sentences)


def _is_frame(line: str) -> bool:
    return not line.strip() or len(line.split()) <= _FRAME_WORDS and not line.rstrip().endswith(
        ("?", "."))


def _join(lines: list[str], head: int, tail: int, sentences: list[tuple[int, str]]) -> str:
    body = [" ".join(s for j, s in sentences if j == i) for i in range(head, tail)]
    kept = [*lines[:head], *(b for b, line in zip(body, lines[head:tail], strict=True)
                             if b or not line.strip()), *lines[tail:]]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
