"""Shortening profile clauses without breaking them: natural breaks, numbers kept, names whole."""

from __future__ import annotations

import re
from collections.abc import Sequence

_BOUNDARY = frozenset("to of in at for with on from into across over by and or while through "
                      "which that using including per a an the".split())
_TRAILING_FILLER = frozenset(
    "and or of the a an to with for in at by from on as while through across which that into "
    "including plus than its their my our".split()
)
_PREPOSITIONS = frozenset("to of in at for with on from into across over under via per".split())
_BREAKS = re.compile(r"\s*(?:,(?!\d)|[;:]|\s[-–—]\s)\s*|\s+(?=(?:by|while|through|across|which|"
                     r"including|with|using|for)\s)")
_ABBREVIATION = re.compile(
    r"(?:^|(?<=[\s(]))(?:st|dr|mr|mrs|ms|mx|prof|inc|co|corp|ltd|jr|sr|no|vs|etc|approx|dept"
    r"|univ|mt|ft|[a-z]|e\.g|i\.e|u\.s|u\.k)\.$",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[str]:
    """Sentences and lines of profile text; "St. Luke's" and "e.g." do not end a sentence."""
    out: list[str] = []
    for line in text.split("\n"):
        current = ""
        for piece in re.split(r"(?<=[.!?])\s+", line.strip()):
            current = f"{current} {piece}".strip() if current else piece
            if not _ABBREVIATION.search(current):
                out.append(current)
                current = ""
        if current:
            out.append(current)
    return [s for s in out if s.strip()]


def clip(fragment: str, max_words: int) -> str:
    """Shorten a clause to at most ``max_words`` words, at a natural break where one exists.

    The language layer drops whole phrases first ("that nurses now use every shift" goes
    whole, never "that nurses now"); the word-level rules below are the fallback.
    """
    words = fragment.split()
    if len(words) <= max_words:
        return fragment
    from assistant.drafting.language.clauses import shorten  # noqa: PLC0415 - parser is lazy

    by_phrase = shorten(fragment, max_words)
    if by_phrase and len(by_phrase.split()) >= min(3, max_words):
        by_words = _clip_words(fragment, max_words)
        if _count_numbers(by_phrase.split()) >= _count_numbers(by_words.split()):
            return by_phrase
        return by_words
    return _clip_words(fragment, max_words)


def clip_words(fragment: str, max_words: int) -> str:
    """The word-level clip alone (no phrase dropping): the clause's first words, ended well."""
    return _clip_words(fragment, max_words) if len(fragment.split()) > max_words else fragment


def _clip_words(fragment: str, max_words: int) -> str:
    """The word-level clip: a natural break, else a cut that keeps numbers and names whole."""
    words = fragment.split()
    best = ""
    numbers = _count_numbers(words[:max_words])
    for match in _BREAKS.finditer(fragment):
        head = fragment[: match.start()].rstrip()
        # A natural break is better than a hard cut, unless it loses a number that would fit.
        size = len(head.split())
        if max(3, max_words - 4) <= size <= max_words and _count_numbers(head.split()) >= numbers:
            best = head
    if not best:
        kept = words[:max_words]
        # Never cut a name in half ("Mercy Health" -> "Mercy"): drop the whole run instead.
        while len(kept) > 1 and kept[-1][:1].isupper() and words[len(kept)][:1].isupper():
            kept.pop()
        # "...40 clinics to a new" reads broken: end before a dangling short phrase instead.
        for back in (1, 2, 3):
            tail = kept[-back:]
            numbered = any(c.isdigit() for w in tail for c in w)
            if len(kept) > back + 3 and kept[-back - 1].lower() in _PREPOSITIONS and not numbered:
                kept = kept[: -back - 1]
                break
        # "...faster for a $200M" (client cut off): end before the phrase the number starts.
        if any(c.isdigit() for c in kept[-1]) and words[len(kept)].lower() not in _BOUNDARY:
            cut = max((i for i, w in enumerate(kept[:-1]) if w.lower() in _PREPOSITIONS),
                      default=-1)
            if cut >= 3:
                kept = kept[:cut]
        # "...a career break raising" reads broken: drop a dangling -ing word.
        if len(kept) > 3 and kept[-1].lower().endswith("ing") and kept[-1].isalpha():
            kept.pop()
        while len(kept) > 1 and kept[-1].lower().strip(",;:") in _TRAILING_FILLER:
            kept.pop()
        best = " ".join(kept)
    if best.count("(") > best.count(")"):
        best = best[: best.rfind("(")].rstrip()
    return best.rstrip(" ,;:-–—")


def _count_numbers(words: Sequence[str]) -> int:
    return sum(1 for w in words if any(c.isdigit() for c in w))


_WORD_NUMBER = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?)")
_RESULT = re.compile(r"\d[\d.,]*\s*(?:%|percent\b|per cent\b|x\b|times\b)|"
                     r"\b(?:by|to) (?:\w+ly |like )?(?:half|a (?:third|quarter)|zero)\b|"
                     r"\b(?:doubled|tripled|halved)\b|"
                     r"\bfrom\s+(?:\S*\d\S*|" + _WORD_NUMBER + r")(?:\s+[a-z]+)?\s+to\s+"
                     r"(?:\S*\d\S*|" + _WORD_NUMBER + r")(?:\s+(?:days?|weeks?|months?|hours?|"
                     r"minutes?|years?|percent))?", re.I)
RESULT_REACH = 22  # a result later than this in its clause is not worth the words it needs


def result_floor(fragment: str, minimum: int = 4) -> int:
    """The fewest words to keep so a clause keeps its result ("...that cut energy use by 35%"),
    not only its first number ("a 140-unit block"); :func:`number_floor` when the result comes
    first or too late."""
    floor = number_floor(fragment, minimum)
    match = _RESULT.search(fragment)
    if not match:
        return floor
    end = len(fragment[: match.end()].split())
    return max(floor, end) if end <= RESULT_REACH else floor


def number_floor(fragment: str, minimum: int = 4) -> int:
    """The fewest words to keep so a clause keeps its first number and the word after it."""
    words = fragment.split()
    for position, word in enumerate(words):
        if any(c.isdigit() for c in word):
            # Keep what the number counts: "20 usability sessions", not "20 usability".
            end = position + 1
            while (end < len(words) and end < position + 4
                   and words[end - 1][-1:] not in ",;:" and words[end].lower() not in _BOUNDARY):
                end += 1
            # "from 71 to 88", "from 6 hours to 40 minutes": keep the whole range.
            for ahead in range(position + 1, min(position + 4, len(words) - 1)):
                after = words[ahead + 1: ahead + 3]  # "to 40", "to grade 8"
                if words[ahead].lower() == "to" and any(c.isdigit() for w in after for c in w):
                    last = ahead + 2
                    while (last < len(words) and last < ahead + 4
                           and words[last].lower() not in _BOUNDARY):
                        last += 1
                    end = max(end, last)
                    break
            return min(len(words), max(minimum, end))
    return min(len(words), minimum)


def clip_chars(fragment: str, max_chars: int) -> str:
    """Shorten a phrase to at most ``max_chars`` characters, with the same care as :func:`clip`."""
    if len(fragment) <= max_chars:
        return fragment
    words = fragment.split()
    fitting = 0
    while fitting < len(words) and len(" ".join(words[: fitting + 1])) <= max_chars:
        fitting += 1
    for budget in range(max(fitting, 1), 0, -1):
        clipped = clip(fragment, budget)
        if len(clipped) <= max_chars:
            return clipped
    return fragment[:max_chars].rstrip()
