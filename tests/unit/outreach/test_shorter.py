"""'Make it shorter' drops whole sentences: the greeting, the hook and the sign-off stay."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from assistant.drafting.offline.outreach import shorter

EMAIL = ("Subject: Hello\n\nHi Ana,\n\nHow did the Chicago marathon go? I saw a piece on "
         "recovery. No need to reply.\n\nBest,\nMaya")


def test_an_email_keeps_its_frame_and_hook_and_loses_later_sentences() -> None:
    assert shorter(EMAIL, 60) == ("Subject: Hello\n\nHi Ana,\n\nHow did the Chicago marathon "
                                  "go?\n\nBest,\nMaya")


def test_a_draft_that_fits_is_unchanged() -> None:
    assert shorter(EMAIL, 1000) == EMAIL


SENTENCE = st.from_regex(r"[A-Z][a-z]{2,8}( [a-z]{2,8}){2,8}[.?!]", fullmatch=True)


@given(st.lists(SENTENCE, min_size=1, max_size=6), st.integers(20, 400))
def test_no_sentence_is_ever_cut_inside(sentences: list[str], limit: int) -> None:
    text = "Hi Ana,\n" + " ".join(sentences) + "\nBest,\nMaya"
    out = shorter(text, limit)
    body = out.split("\n")[1]
    assert out.startswith("Hi Ana,\n") and out.endswith("\nBest,\nMaya")
    # The body is whole input sentences in their order (a subsequence), the first among them.
    out_sentences = re.split(r"(?<=[.!?]) ", body)
    remaining = iter(sentences)
    assert all(any(s == t for t in remaining) for s in out_sentences)
    assert out_sentences[0] == sentences[0]
