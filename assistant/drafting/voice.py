"""Checks that a message speaks *to* its recipient: no copied note, no third person, no cut-off.

The writer's guard runs them on model drafts (the offline engine is built to pass them); a draft
that fails one is retried once with the reason, then replaced by the offline draft.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.drafting.offline.outreach_lines import COPY_RUN, longest_copied_run, words

_THIRD = re.compile(r"\b(?:she|he|her|his|him|herself|himself)\b", re.I)
_OTHER_PEOPLE = re.compile(
    r"\b(?:daughter|son|wife|husband|partner|mom|mother|dad|father|boss|manager|kids?|baby|"
    r"friend|sister|brother|colleague|team ?mate|girlfriend|boyfriend|mentor|grand\w+|niece|"
    r"nephew|fianc\w*)s?\b", re.I)
_DANGLING = frozenset("a an the of to for with and or but in on at by from as into our my your "
                      "their his her its that which who".split())
_GREETING = re.compile(r"^\s*(?:hi|hey|hello|dear)\s+[\w'’-]+[,!]?", re.I)


def copied_note(text: str, notes: Sequence[str]) -> str:
    """The note a draft lifts ``COPY_RUN`` or more consecutive words from ('' when none)."""
    return next((n for n in notes if longest_copied_run(text, n) >= COPY_RUN), "")


def third_person(text: str, recipient: str) -> str:
    """A sentence that speaks of the recipient as "she"/"he" or by name ('' when none)."""
    first = recipient.split()[0] if recipient.split() else ""
    body = _GREETING.sub("", text, count=1)
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", body):
        if _OTHER_PEOPLE.search(sentence):
            return ""  # "your daughter ... she": someone else is in the conversation now
        if _THIRD.search(sentence):
            return sentence.strip()
        if first and re.search(rf"\b{re.escape(first)}\b\s+(?:is|was|has|had|mentioned|said)\b",
                               sentence):
            return sentence.strip()
    return ""


def cut_off(text: str) -> str:
    """A sentence that stops mid-phrase: an ellipsis, or a dangling "the", "of", "to"."""
    for sentence in re.split(r"(?<=[.!?…])\s+|\n+", text.strip()):
        sentence = sentence.strip()
        if not sentence:
            continue
        if sentence.endswith(("…", "...")):
            return sentence
        tail = words(sentence)
        if sentence[-1:] in ".!?" and tail and tail[-1] in _DANGLING:
            return sentence
    return ""


def voice_problems(text: str, recipient: str, notes: Sequence[str]) -> list[str]:
    """What stops a message from being sendable as it is, said so a model can fix it."""
    found = []
    if note := copied_note(text, notes):
        found.append(f"it copies the user's private note instead of speaking to the person: "
                      f"'{note[:80]}'")
    if sentence := third_person(text, recipient):
        found.append(f"it speaks of {recipient or 'the recipient'} in the third person; write "
                     f"to them as 'you': '{sentence[:80]}'")
    if sentence := cut_off(text):
        found.append(f"a sentence stops mid-phrase: '{sentence[-80:]}'")
    return found
