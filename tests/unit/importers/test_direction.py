"""The give/ask heuristic for messages the user sent."""

from __future__ import annotations

import pytest

from assistant.domain import Direction
from assistant.importers.direction import classify_direction


@pytest.mark.parametrize(
    "text",
    [
        "Congrats on the new role! Could you refer me to the hiring manager?",
        "Hi Priya, would you be open to a quick call next week?",
        "I'd love to get your advice on breaking into data science.",
        "Do you know anyone on the platform team at Globex?",
        "Any chance you could introduce me to Oskar?",
        "I'm applying for the PM role — can I ask for a referral?",
        "Would you mind reviewing my resume?",
        "Could we meet to chat about the team?",
    ],
)
def test_asks(text: str) -> None:
    assert classify_direction(text) is Direction.ASKED


@pytest.mark.parametrize(
    "text",
    [
        "Thought you might enjoy this article: https://example.com/graph-databases",
        "Congratulations on the launch, well deserved!",
        "Would you like me to introduce you to Kenji? He hires for exactly that.",
        "Happy to help — let me know if I can help with anything else.",
        "Sharing the slides from my talk: https://example.com/slides",
        "I can introduce you to the hiring manager if useful.",
        "Want me to send you a referral link?",
        "Thought of you when I read this.",
    ],
)
def test_gives(text: str) -> None:
    assert classify_direction(text) is Direction.GAVE


@pytest.mark.parametrize(
    "text",
    ["Thanks for connecting!", "How are you?", "Sounds good, see you Tuesday.", "", "ok"],
)
def test_neutral(text: str) -> None:
    assert classify_direction(text) is Direction.NEUTRAL


def test_typographic_apostrophe() -> None:
    assert classify_direction("I\u2019d love your feedback on my portfolio") is Direction.ASKED
