"""The pitch kinds: one table for the service, the guard and the offline engine.

Each kind says how long it may be, how much of the story it needs, and how the offline engine
budgets its clauses. Nothing else keeps its own list of kinds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.drafting.guard import Limits
from assistant.text import WORDS_PER_MINUTE


@dataclass(frozen=True)
class PitchKind:
    """One pitch kind: limits, minimum material and the offline engine's budgets."""

    name: str
    limits: Limits
    min_proof: int  # distinct proof points the kind rests on
    budgets: dict[str, int] = field(default_factory=dict)  # words per clause, offline
    target_words: int | None = None  # what the offline engine aims for, below the limit
    short: bool = False  # one breath: no "Today, ..." lead-in, the shortest phrasings
    strengths: int = 2  # strengths the offline engine names
    spoken: str = ""  # how long it takes to say, for prompts
    asks: bool = True  # ends with an ask the listener can act on


_LONG = {"present": 24, "proof": 30, "future": 18}
PITCH_KINDS: dict[str, PitchKind] = {k.name: k for k in (
    PitchKind("one-liner", Limits(max_words=30), min_proof=1, short=True, strengths=1,
              budgets={"present": 10, "proof": 14, "future": 9}),
    # Spoken at 140 words a minute: 30 s is about 60-75 words, 60 s about 130-150.
    PitchKind("30s", Limits(min_words=60, max_words=75), min_proof=2, strengths=1,
              budgets={"present": 14, "proof": 16, "future": 12},
              spoken="about 30 seconds spoken"),
    PitchKind("60s", Limits(min_words=130, max_words=150), min_proof=2, budgets=_LONG,
              spoken="about 60 seconds spoken"),
    PitchKind("brand", Limits(max_words=40), min_proof=0, short=True, strengths=1, asks=False,
              budgets={"present": 12, "proof": 12, "future": 10}),
    PitchKind("headline", Limits(max_chars=220), min_proof=0, short=True, strengths=1,
              asks=False, budgets=_LONG),  # LinkedIn's cap
    PitchKind("about", Limits(max_chars=2600), min_proof=2, target_words=330,  # LinkedIn's cap
              budgets={"present": 30, "proof": 40, "future": 25}),
    PitchKind("tmay", Limits(max_words=2 * WORDS_PER_MINUTE), min_proof=2, target_words=230,
              budgets={"present": 20, "proof": 26, "future": 18},
              spoken="under two minutes spoken"),
)}
PITCH_KIND_NAMES = tuple(PITCH_KINDS)
DEFAULT_PITCH_KIND = "30s"
