"""Fitting a pitch to its limits: clip long clauses, add optional sentences until long enough."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from assistant.drafting.guard import Limits, count_words
from assistant.drafting.offline.clipping import clip, clip_words
from assistant.drafting.offline.phrasing import formal, sentence

# A last comma-separated piece that is only a count: ", 9 years", ", over 200 patients".
_BARE_COUNT = re.compile(r",\s+(?:about |over |nearly |almost |some )?\S*\d\S*(?:\s+\S+)?$")


def clip_clause(fragment: str, max_words: int) -> str:
    """:func:`clip`, but never ending on a count cut off from its phrase.

    "...in Leeds, 9 years in the classroom" clipped to "...in Leeds, 9 years" reads like a form;
    the clause ends at the comma instead ("...in Leeds").
    """
    clipped = clip(fragment, max_words)
    if clipped == fragment or not fragment.startswith(clipped):
        return clipped
    # "cutting reading level from grade 14" without its "to grade 7" misstates the result:
    # the half range goes, back to the comma before it.
    cut_range = re.search(r",[^,]*\bfrom\s+(?:\w+\s+)?\S*\d\S*$", clipped)
    if cut_range and re.match(r"\s*(?:\w+\s+)?to\b", fragment[len(clipped):]) and \
            len(clipped[: cut_range.start()].split()) >= 3:
        return clipped[: cut_range.start()].rstrip()
    rest = fragment[len(clipped):].lstrip()
    if not rest or rest[0] in ",;:.-–—(":  # the piece ended there in the user's own words
        return clipped
    match = _BARE_COUNT.search(clipped)
    if match and len(clipped[: match.start()].split()) >= 3:
        return clipped[: match.start()].rstrip()
    return clipped


@dataclass
class Part:
    """One sentence of a pitch: fixed words around a profile clause that may be clipped."""

    order: int
    prefix: str
    fragment: str
    suffix: str = ""
    floor: int = 4  # the fewest words of the fragment worth keeping
    facts: tuple[str, ...] = ()
    paragraph: int = 0
    budget: int = field(default=10_000)
    short_prefix: str | None = None  # a shorter opener to fall back on when space is tight
    hard_floor: int = 3  # the floor when space is very tight (keeps a proof point's number)
    keep: str = ""  # a word the clipped clause must still say (the role: "technician")
    joins: bool = False  # said as the end of the sentence before it (", and ...")

    def __post_init__(self) -> None:
        self.budget = max(self.budget, self.floor)  # a budget never cuts below the floor

    def text(self, spell_out: bool = False) -> str:
        """The sentence as it will be read."""
        clause = self.prefix + self.clipped() + self.suffix
        rendered = sentence(clause)
        return formal(rendered) if spell_out else rendered

    def clipped(self) -> str:
        """The fragment clipped to the budget, still saying the ``keep`` word: "I've spent 8
        years at a busy clinic" must not stand for "... 8 years as a veterinary technician"."""
        clause = clip_clause(self.fragment, self.budget)
        words = [w.strip(",.;:()").lower() for w in self.fragment.split()]
        key = self.keep.lower()
        if not key or key not in words or key in [w.strip(",.;:()").lower()
                                                    for w in clause.split()]:
            return clause
        end = words.index(key) + 1
        return clip_words(self.fragment, max(self.budget, end)) if key in [
            w.strip(",.;:()").lower() for w in clip_words(
                self.fragment, max(self.budget, end)).split()] else \
            " ".join(self.fragment.split()[:end]).rstrip(",;:")

    def slack(self) -> int:
        """How many words could still be clipped from the fragment."""
        words = min(len(self.fragment.split()), self.budget)
        return max(0, words - self.floor)


def assemble(parts: list[Part], spell_out: bool = False) -> str:
    """Sentences in order; paragraphs (for written kinds) separated by a blank line."""
    ordered = sorted(parts, key=lambda p: p.order)
    paragraphs: dict[int, list[str]] = {}
    for part in ordered:
        if not (text := part.text(spell_out)):
            continue
        said = paragraphs.setdefault(part.paragraph, [])
        if part.joins and said and said[-1].endswith("."):
            head = text if re.match(r"I\b|I'", text) else text[:1].lower() + text[1:]
            said[-1] = f"{said[-1][:-1]}, and {head}"
        else:
            said.append(text)
    return "\n\n".join(" ".join(sentences) for _, sentences in sorted(paragraphs.items()))


def over(text: str, limits: Limits) -> int:
    """How many words too long the text is (characters converted to words), 0 if it fits."""
    if not Limits(max_words=limits.max_words, max_chars=limits.max_chars).problems(text):
        return 0  # the guard's own counting decides; the estimate below only sizes the cut
    excess = 1
    if limits.max_words is not None:
        excess = max(excess, count_words(text) - limits.max_words)
    if limits.max_chars is not None and len(text) > limits.max_chars:
        excess = max(excess, math.ceil((len(text) - limits.max_chars) / 5))
    return excess


def _clip_until_fits(parts: list[Part], limits: Limits, spell_out: bool) -> bool:
    while (excess := over(assemble(parts, spell_out), limits)) > 0:
        candidates = [p for p in parts if p.slack() > 0]
        if not candidates:
            return False
        longest = max(candidates, key=lambda p: p.slack())
        current = min(len(longest.fragment.split()), longest.budget)
        longest.budget = current - min(excess, longest.slack())
    return True


def shrink(parts: list[Part], limits: Limits, spell_out: bool, last_resort: bool = True) -> bool:
    """Clip clauses until the text fits: first to their floors, then with shorter openers, then
    to their hard floors, and (``last_resort``) to two words. False if it still does not fit."""
    if _clip_until_fits(parts, limits, spell_out):
        return True
    for part in parts:
        if part.short_prefix is not None:
            part.prefix = part.short_prefix
    if _clip_until_fits(parts, limits, spell_out):
        return True
    for part in parts:
        part.floor = min(part.floor, part.hard_floor)
    if _clip_until_fits(parts, limits, spell_out) or not last_resort:
        return over(assemble(parts, spell_out), limits) == 0
    for part in parts:  # a proof point may lose its number, but the limit is never broken
        part.floor = min(part.floor, 2)
    return _clip_until_fits(parts, limits, spell_out)


def fit(
    required: list[Part], optional: list[Part], limits: Limits, *, target: int | None = None,
    spell_out: bool = False, droppable: list[Part] | None = None,
) -> list[Part]:
    """Required sentences clipped to fit, then optional ones (in priority order) that still fit.

    ``droppable`` required sentences are left out before any clause loses its number. Optional
    sentences are added until the text reaches ``target`` words (default: the minimum, or all
    that fit when there is none).
    """
    chosen = [replace(p) for p in required]
    if droppable:
        # A bridge sentence goes before any proof point loses a number to keep it.
        trial = [replace(p) for p in required]
        full = _numbers(assemble(trial, spell_out))
        if shrink(trial, limits, spell_out, last_resort=False) and \
                _numbers(assemble(trial, spell_out)) < full:
            chosen = [replace(p) for p in required if p not in droppable]
            droppable = None
    if not shrink(chosen, limits, spell_out, last_resort=not droppable):
        kept = [replace(p) for p in required if p not in (droppable or [])]
        chosen = kept
        shrink(chosen, limits, spell_out)  # if even the floors do not fit, the caller sees it
    goal = target if target is not None else limits.min_words
    for part in optional:
        words = count_words(assemble(chosen, spell_out))
        if goal is not None and words >= goal:
            break
        extra = replace(part)
        # An optional clause too long for the room left is clipped to it, never below its floor.
        while over(assemble([*chosen, extra], spell_out), limits) > 0 and extra.slack() > 0:
            extra.budget = min(len(extra.fragment.split()), extra.budget) - 1
        if over(assemble([*chosen, extra], spell_out), limits) == 0:
            chosen = [*chosen, extra]
    return chosen


def _numbers(text: str) -> int:
    return len(re.findall(r"\d+(?:[.,]\d+)*", text))


def used_facts(parts: list[Part]) -> list[str]:
    """The profile facts the chosen sentences draw on, in order, without repeats."""
    seen: list[str] = []
    for part in sorted(parts, key=lambda p: p.order):
        for fact in part.facts:
            if fact not in seen:
                seen.append(fact)
    return seen
