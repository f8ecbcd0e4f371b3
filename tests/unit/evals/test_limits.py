"""Length limits per channel and pitch kind."""

from __future__ import annotations

import pytest

from evals.limits import (
    CHANNEL_LIMITS,
    PITCH_LIMITS,
    channel_within_limits,
    count_chars,
    count_words,
    pitch_within_limits,
    speaking_seconds,
    within_limits,
)


def words(n: int) -> str:
    return " ".join(["word"] * n)


def test_no_bounds_always_passes() -> None:
    assert within_limits(words(10_000)) == (True, [])


def test_max_words_boundary() -> None:
    assert within_limits(words(30), max_words=30) == (True, [])
    ok, reasons = within_limits(words(31), max_words=30)
    assert not ok
    assert reasons == ["31 words is over the limit of 30"]


def test_min_words_boundary() -> None:
    assert within_limits(words(60), min_words=60)[0]
    assert within_limits(words(59), min_words=60) == (
        False,
        ["59 words is under the minimum of 60"],
    )


def test_max_chars_ignores_surrounding_whitespace() -> None:
    assert within_limits("  " + "x" * 300 + "\n", max_chars=300)[0]
    assert not within_limits("x" * 301, max_chars=300)[0]


def test_max_seconds_uses_words_per_minute() -> None:
    assert within_limits(words(70), max_seconds=30, wpm=140)[0]  # exactly 30 s
    assert not within_limits(words(71), max_seconds=30, wpm=140)[0]
    assert within_limits(words(71), max_seconds=30, wpm=150)[0]


def test_every_broken_bound_has_a_reason() -> None:
    ok, reasons = within_limits(words(80), max_words=75, max_chars=100, max_seconds=30)
    assert not ok
    assert len(reasons) == 3


def test_dashes_and_bullets_are_not_words() -> None:
    assert count_words("Hi Maya — how did it go? - fine") == 7
    assert count_chars("  hi  ") == 2
    assert speaking_seconds(words(140)) == 60


def test_bad_wpm_is_an_error() -> None:
    with pytest.raises(ValueError, match="wpm"):
        within_limits("hi", wpm=0)


def test_channel_limits() -> None:
    assert CHANNEL_LIMITS["linkedin-note"] == {"max_chars": 300}
    assert CHANNEL_LIMITS["linkedin-dm"] == {"max_chars": 1900}
    assert CHANNEL_LIMITS["text"] == {"max_chars": 480}
    assert channel_within_limits("x" * 300, "linkedin-note")[0]
    assert not channel_within_limits("x" * 301, "linkedin-note")[0]
    assert not channel_within_limits("x" * 481, "text")[0]
    assert not channel_within_limits(words(251), "email")[0]
    assert channel_within_limits(words(120), "email")[0]
    with pytest.raises(ValueError, match="unknown channel"):
        channel_within_limits("hi", "fax")


@pytest.mark.parametrize(
    ("kind", "good", "bad"),
    [
        ("one-liner", 30, 31),
        ("30s", 60, 59),
        ("30s", 75, 76),
        ("60s", 130, 129),
        ("60s", 150, 151),
        ("tmay", 280, 281),
    ],
)
def test_pitch_limits(kind: str, good: int, bad: int) -> None:
    assert pitch_within_limits(words(good), kind)[0]
    assert not pitch_within_limits(words(bad), kind)[0]


def test_headline_limit_and_unknown_kind() -> None:
    assert PITCH_LIMITS["headline"] == {"max_chars": 220}
    assert not pitch_within_limits("x" * 221, "headline")[0]
    with pytest.raises(ValueError, match="unknown pitch kind"):
        pitch_within_limits("hi", "haiku")


@pytest.mark.parametrize(
    "text",
    ["Hi Maya — how did it go? - fine", "  padded text\n", "• one • two • three", "a-b c_d ——"],
)
def test_guard_and_evals_count_the_same_way(text: str) -> None:
    from assistant.drafting import guard

    assert count_words(text) == guard.count_words(text)
    assert count_chars(text) == guard.count_chars(text)


def test_guard_limits_use_the_shared_rule() -> None:
    from assistant.drafting.guard import Limits
    from assistant.text import speaking_seconds as spoken

    # 30 real words plus dashes: within a 30-word limit for both the guard and the metric.
    text = " — ".join(["word"] * 30)
    assert Limits(max_words=30).problems(text) == []
    assert within_limits(text, max_words=30)[0]
    assert Limits(max_words=29).problems(text) == ["it has 30 words; the limit is 29"]
    # Surrounding whitespace is not part of what gets pasted.
    assert Limits(max_chars=3).problems("  abc \n") == []
    assert Limits(max_chars=2).problems("  abc \n") == ["it has 3 characters; the limit is 2"]
    assert spoken(text) == round(speaking_seconds(text), 1) == 12.9
