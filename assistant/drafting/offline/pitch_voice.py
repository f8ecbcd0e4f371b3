"""The user's voice sample shaping an offline pitch: sentence length and word choice.

A terse sample (short sentences, few soft words) gets a pitch in short, plain sentences: no
"One result I'm proud of:" openers, "I also ..." for the next result, a compound sentence said
as two. A chatty sample (long sentences) gets its results and its next step joined into longer
sentences ("..., and along the way I ..."). The facts are the ones the neutral pitch chose: only
openers, connectors and sentence breaks change, and a change that would break the kind's limits
is undone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from statistics import mean

from assistant.drafting.guard import Limits
from assistant.drafting.offline.clipping import split_sentences
from assistant.drafting.offline.phrasing import MIN_SAMPLE_WORDS
from assistant.drafting.offline.pitch_fit import Part, assemble, over

TERSE, CHATTY, PLAIN = "terse", "chatty", "plain"
TERSE_WORDS = 10  # mean words per sentence at or under which a sample is terse
CHATTY_WORDS = 19  # and at or over which it is chatty

# Openers a terse writer would not say, and what they say instead (a plain word or nothing).
_TERSE_OPENERS = {
    "Right now, ": "", "Today, ": "", "One result I'm proud of: ": "",
    "Something I'm proud of: ": "", "One highlight: ": "", "Along the way, ": "",
    "On top of that, ": "", "Another highlight: ": "", "Another result: ": "",
}
# Plainer words for the writer's own phrases ("aiming for" -> "want").
_PLAIN_WORDS = (
    (r"\bNow I'm aiming for a role as\b", "Next, I want a role as"),
    (r"\bWhat I want next is a role as\b", "Next, I want a role as"),
    (r"\bNext, I'm looking for a role as\b", "Next, I want a role as"),
    (r"\bWhat I want next is to work in\b", "Next, I want to work in"),
    (r"\bWhat I want next is to\b", "Next, I want to"),
    (r"\bNow I'd like to\b", "Next, I want to"),
    (r"\bWhat I'd love to be doing next is\b", "Next, I want to be"),
    (r"\bIf anything I've said connects with your work, I'd love to hear about it\b",
     "Does this fit your work? Tell me"),
    (r"\bI'd love to hear your perspective on where someone with my background could help "
     r"most\b", "Where could someone like me help most? I'd like your view"),
    (r"\bI'd love to\b", "I'd like to"), (r"\bI'm especially drawn to\b", "I'm drawn to"),
    (r"\bI'd be glad to\b", "I'm glad to"), (r"\bexactly\b", ""),
)
# Connectors a joined result can keep after ", and" ("..., and along the way, I trained ...");
# "Another result:" would read as a list inside the sentence.
_JOINABLE = frozenset({"", "Along the way, ", "On top of that, ", "I also ", "I "})
_FUTURE_CHATTY_JOIN = re.compile(r"^(?:Now|Next|What|These days)\b")


@dataclass(frozen=True)
class Voice:
    """How the user writes: their sentences' mean length and the style it asks for."""

    style: str
    mean_words: float


def read_voice(sample: str) -> Voice:
    """The style of a voice sample: terse, chatty, or plain (too short to tell, or between)."""
    sentences = [s for s in split_sentences(sample) if s.split()]
    if len(sample.split()) < MIN_SAMPLE_WORDS or not sentences:
        return Voice(PLAIN, 0.0)
    words = mean(len(s.split()) for s in sentences)
    style = TERSE if words <= TERSE_WORDS else CHATTY if words >= CHATTY_WORDS else PLAIN
    return Voice(style, words)


def voiced(parts: list[Part], voice: Voice, limits: Limits, spell_out: bool) -> list[Part]:
    """The chosen sentences said in the user's voice; the same parts, so the same facts."""
    if voice.style == PLAIN:
        return parts

    def fits(attempt: list[Part]) -> bool:
        text = assemble(attempt, spell_out)
        return over(text, limits) == 0 and not _too_short(text, limits)

    if voice.style == TERSE:
        return _terse(parts, fits)
    for attempt in _chatty(parts):
        if fits(attempt):
            return attempt
    return parts


def _too_short(text: str, limits: Limits) -> bool:
    return Limits(min_words=limits.min_words).problems(text) != [] if limits.min_words else False


def _terse(parts: list[Part], fits: Callable[[list[Part]], bool]) -> list[Part]:
    """Short plain sentences, sentence by sentence: each takes the tersest form (no soft opener,
    a compound split in two, plain words) that keeps the pitch within its limits."""
    styled = list(parts)
    said_also = any(p.prefix.startswith("I also") for p in parts)
    for part in sorted(parts, key=lambda p: p.order):
        index = parts.index(part)
        options = [_plain(part, split=True, openers=True, also=not said_also),
                   _plain(part, split=True), _plain(part, split=False)]
        for option in options:
            trial = [*styled[:index], option, *styled[index + 1:]]
            if fits(trial):
                styled = trial
                said_also = said_also or "I also " in option.fragment[:8]
                break
    return styled


def _plain(part: Part, split: bool, openers: bool = False, also: bool = True) -> Part:
    """A sentence in plain words; ``split``: a compound said as two sentences; ``openers``:
    without its soft opener ("Along the way, I led" -> "I also led", once per pitch)."""
    prefix, fragment = part.prefix, part.fragment
    if openers and prefix in _TERSE_OPENERS:
        connector = prefix in {"Along the way, ", "On top of that, "}
        prefix = _TERSE_OPENERS[prefix]
        if also and connector and re.match(r"I (?!also\b)\w", fragment):
            fragment = "I also " + fragment[2:]
    if split:  # "I cut waste 38%, which saved $9K" -> "I cut waste 38%. That saved $9K"
        fragment = re.sub(r",\s+(?:and\s+)?which\s+(?=\w+ed\b|is\b|was\b)", ". That ", fragment,
                          count=1)
        fragment = re.sub(r",\s+and\s+(?=(?:I|we|our|my)\s)", ". ", fragment, count=1)
        fragment = re.sub(r"(?<=\. )([a-z])", lambda m: m.group(1).upper(), fragment)
    for pattern, plain in _PLAIN_WORDS:
        prefix = re.sub(pattern, plain, prefix)
        if part.floor >= 10_000:  # the writer's own sentences, never the user's words
            fragment = re.sub(pattern, plain, fragment)
    return replace(part, prefix=re.sub(r"\s{2,}", " ", prefix),
                   fragment=re.sub(r"\s{2,}", " ", fragment))


def _chatty(parts: list[Part]) -> list[list[Part]]:
    """Longer sentences: the second result joined to the first, where-next joined to what
    came before it; then only the first join, to fall back on."""
    ordered = sorted(parts, key=lambda p: p.order)
    proofs = [p for p in ordered if any(f.startswith("profile:proof") for f in p.facts)]
    future = next((p for p in ordered if "profile:next" in p.facts and p.floor < 10_000), None)
    second = proofs[1] if len(proofs) > 1 and proofs[1].prefix in _JOINABLE else None
    if future is not None and not _FUTURE_CHATTY_JOIN.match(future.prefix or ""):
        future = None
    before = ordered[ordered.index(future) - 1] if future is not None and \
        ordered.index(future) > 0 else None
    if before is None or before.prefix not in _JOINABLE or \
            re.search(r"[,;]", before.fragment):
        future = None  # "Another result: X" or a sentence with its own commas ends there
    if second is not None and future is not None and \
            ordered.index(future) == ordered.index(second) + 1:
        future = None  # one "and" per sentence: three clauses joined read as a run-on
    attempts = [{id(second), id(future)}, {id(second)}, {id(future)}]
    return [[replace(p, joins=id(p) in joined and p is not None) for p in ordered]
            for joined in attempts]
