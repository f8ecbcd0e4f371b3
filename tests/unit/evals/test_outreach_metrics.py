"""Give-first drafts that use a remembered detail."""

from __future__ import annotations

import pytest

from evals.outreach_metrics import find_asks, give_first, matched_details, uses_personal_detail

DETAILS = [
    "ran the Chicago marathon in October",
    "has a dog named Biscuit",
    "daughter started kindergarten at Lincoln Elementary this fall",
]


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dev, how did the Chicago marathon go?",
        "Congrats on finishing the marathons in Chicago!",
        "How's Biscuit doing?",
        "How is your daughter liking kindergarten?",
    ],
)
def test_mentions_a_detail(text: str) -> None:
    assert uses_personal_detail(text, DETAILS)


@pytest.mark.parametrize(
    "text",
    [
        "Hope you're well! Would love to catch up soon.",
        "I was in Chicago last week for work.",  # one word of a three-word detail
        "Hope your fall started well.",  # only filler and one weak word shared
        "",
    ],
)
def test_generic_draft_mentions_no_detail(text: str) -> None:
    assert not uses_personal_detail(text, DETAILS)


def test_no_details_means_no_match() -> None:
    assert not uses_personal_detail("How did the Chicago marathon go?", [])


def test_matched_details_lists_which() -> None:
    text = "How did the Chicago marathon go, and how is Biscuit?"
    assert matched_details(text, DETAILS) == DETAILS[:2]


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dev, how did the Chicago marathon go? Saw this piece on recovery and thought of you.",
        "Congrats on hiring your first PM! No need to reply.",
        "Can you believe it's been a year since the meetup?",
        "Let me know if I can help with anything, happy to introduce you to Priya.",
        "Would love to hear how it went.",
    ],
)
def test_give_first_drafts(text: str) -> None:
    assert give_first(text), find_asks(text)


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        ("Could you introduce me to Priya?", "Could you"),
        ("Would you mind taking a look?", "Would you mind"),
        ("Can you refer me for the PM role?", "Can you"),
        ("I'm looking for a job in health tech.", "looking for a job"),
        ("Is your team hiring? Any openings?", "Any openings"),
        ("Are you still hiring?", "you still hiring"),
        ("I'd love to pick your brain.", "pick your brain"),
        ("Would you be open to a quick call?", "Would you be open"),
        ("Please help me with my resume.", "help me"),
        ("Could we do a 15-minute chat?", "15-minute chat"),
        ("Would you review my resume?", "review my resume"),
        ("I have a quick favor to ask.", "a quick favor"),
    ],
)
def test_asks_are_detected(text: str, ask: str) -> None:
    assert not give_first(text)
    assert ask in find_asks(text)
