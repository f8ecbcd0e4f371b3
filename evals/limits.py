"""Length limits per channel and pitch kind, and a check that a text obeys them."""

from __future__ import annotations

from typing import TypedDict

from assistant.text import WORDS_PER_MINUTE, count_chars, count_words


class LimitSpec(TypedDict, total=False):
    """Keyword arguments for :func:`within_limits`; a missing key means unbounded."""

    max_words: int
    min_words: int
    max_chars: int
    max_seconds: float


DEFAULT_WPM = WORDS_PER_MINUTE

CHANNEL_LIMITS: dict[str, LimitSpec] = {
    # LinkedIn's hard cap on a connection-request note (Premium; free accounts may get 200).
    "linkedin-note": {"max_chars": 300},
    # LinkedIn DMs technically allow ~8,000 characters, but InMail bodies stop at 1,900. Using the
    # stricter cap means a draft fits either path, and nobody reads a longer cold DM anyway.
    "linkedin-dm": {"max_chars": 1900},
    # Networking e-mails get answered when they read in under a minute: 250 words is already long
    # (response rates peak around 50-125 words). Counted on the body, subject line excluded.
    "email": {"max_words": 250},
    # Three SMS segments of 160 GSM-7 characters; longer texts arrive split or as MMS.
    "text": {"max_chars": 480},
}

PITCH_LIMITS: dict[str, LimitSpec] = {
    "one-liner": {"max_words": 30},
    # 30 and 60 seconds at 120-150 words a minute.
    "30s": {"min_words": 60, "max_words": 75},
    "60s": {"min_words": 130, "max_words": 150},
    # LinkedIn headline cap.
    "headline": {"max_chars": 220},
    # A brand statement is one or two sentences.
    "brand": {"max_words": 40},
    # LinkedIn About section cap.
    "about": {"max_chars": 2600},
    # "Tell me about yourself" should stay under two minutes spoken.
    "tmay": {"max_seconds": 120},
}

__all__ = [
    "CHANNEL_LIMITS",
    "DEFAULT_WPM",
    "PITCH_LIMITS",
    "LimitSpec",
    "channel_within_limits",
    "count_chars",  # the guard's counting rule, re-exported: one rule for app and evals
    "count_words",
    "pitch_within_limits",
    "speaking_seconds",
    "within_limits",
]


def speaking_seconds(text: str, wpm: float = DEFAULT_WPM) -> float:
    """Seconds it takes to say the text aloud at ``wpm`` words a minute (unrounded, to judge)."""
    if wpm <= 0:
        msg = f"wpm must be positive, got {wpm}"
        raise ValueError(msg)
    return count_words(text) * 60 / wpm


def within_limits(
    text: str,
    *,
    max_words: int | None = None,
    min_words: int | None = None,
    max_chars: int | None = None,
    max_seconds: float | None = None,
    wpm: float = DEFAULT_WPM,
) -> tuple[bool, list[str]]:
    """Whether the text obeys every given bound, and a reason for each bound it breaks."""
    if wpm <= 0:
        msg = f"wpm must be positive, got {wpm}"
        raise ValueError(msg)
    words, chars = count_words(text), count_chars(text)
    reasons: list[str] = []
    if max_words is not None and words > max_words:
        reasons.append(f"{words} words is over the limit of {max_words}")
    if min_words is not None and words < min_words:
        reasons.append(f"{words} words is under the minimum of {min_words}")
    if max_chars is not None and chars > max_chars:
        reasons.append(f"{chars} characters is over the limit of {max_chars}")
    if max_seconds is not None:
        seconds = speaking_seconds(text, wpm)
        if seconds > max_seconds:
            reasons.append(f"{seconds:.0f} seconds spoken is over the limit of {max_seconds:g}")
    return not reasons, reasons


def channel_within_limits(text: str, channel: str) -> tuple[bool, list[str]]:
    """:func:`within_limits` with the bounds of an outreach channel."""
    if channel not in CHANNEL_LIMITS:
        msg = f"unknown channel {channel!r}; expected one of {sorted(CHANNEL_LIMITS)}"
        raise ValueError(msg)
    return within_limits(text, **CHANNEL_LIMITS[channel])


def pitch_within_limits(
    text: str, kind: str, *, wpm: float = DEFAULT_WPM
) -> tuple[bool, list[str]]:
    """:func:`within_limits` with the bounds of a pitch kind."""
    if kind not in PITCH_LIMITS:
        msg = f"unknown pitch kind {kind!r}; expected one of {sorted(PITCH_LIMITS)}"
        raise ValueError(msg)
    return within_limits(text, wpm=wpm, **PITCH_LIMITS[kind])
