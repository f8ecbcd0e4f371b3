"""Turning profile fragments into sentences a person would say: first person, articles, clipping."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from assistant.drafting.offline.clipping import split_sentences
from assistant.drafting.offline.pitch_goals import is_activity

# Words a proof point may open with that end in -ed but are adjectives, not actions.
_NOT_VERBS = frozenset(
    "red bed need speed seed feed shed hundred based skilled detailed experienced dedicated "
    "talented motivated certified licensed advanced seasoned qualified united limited "
    "board-certified self-motivated results-driven data-driven detail-oriented".split()
)
_IRREGULAR_PAST = frozenset(
    "led built ran won grew cut made wrote taught drove brought began became found gave held kept "
    "sent spent sold set beat chose oversaw rebuilt rewrote took got saw met bought thought stood "
    "put spun split hit read rose told understood went undertook upheld overcame forged flew "
    "drew shook sped struck swore wove withdrew shot sat spoke dealt paid laid sought caught "
    "fought lent meant wore bore".split()
)
_PRESENT_VERBS = frozenset(
    "lead build run manage teach mentor design coordinate own support coach write create develop "
    "train oversee handle drive grow launch analyze analyse organize organise serve plan help "
    "work care advise deliver direct supervise".split()
)
# Singular nouns that read wrong without an article after a verb ("led team of 5").
_COUNT_NOUNS = frozenset(
    "team group project program programme pilot cohort squad crew unit department study "
    "workshop course curriculum campaign initiative committee task force dashboard tool "
    "platform system process playbook".split()
)
_NOMINAL = re.compile(r"(?:tion|sion|ment|ance|ence|ity|ship|ure|out|sis)$")
_NOMINAL_WORDS = frozenset(
    "launch redesign overhaul rebuild build design move shift review audit rollout relaunch "
    "cleanup setup upgrade merger integration creation".split()
)
_DETERMINERS = frozenset(
    "a an the my our their his her its this that these those every each one two three four five "
    "six seven eight nine ten several many multiple".split()
)
# Names people write at the start of a line that must keep their capital ("Excel modelling").
_BRANDS = frozenset(
    "excel python sql java javascript typescript react salesforce tableau figma jira aws azure "
    "google microsoft linkedin spanish english french german mandarin arabic hindi portuguese "
    "epic lean agile scrum kubernetes docker linux sap oracle hubspot slack notion canva "
    "photoshop illustrator power bi looker snowflake dbt".split()
)
MIN_SAMPLE_WORDS = 15  # a shorter voice sample says too little about how someone writes
_UNSAFE = re.compile(r"[\[\]{}<>]")


def stable_int(seed: str) -> int:
    """A number that depends only on the seed (never on the run, unlike ``hash``)."""
    return int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:4], "big")


def pick(options: Sequence[str], seed: str) -> str:
    """A stable choice: the same seed always picks the same option."""
    return options[stable_int(seed) % len(options)]


def fact_key(text: str) -> str:
    """What makes two profile items the same item: their words, ignoring case and punctuation."""
    return " ".join(re.findall(r"\w+", text.lower()))


NEAR_COPY = 85  # rapidfuzz token-set similarity at which two achievements are one


def distinct(points: Sequence[str]) -> list[str]:
    """The items without near-copies ("Led X" and "led X, again"): each achievement once."""
    from rapidfuzz import fuzz  # noqa: PLC0415

    kept: list[str] = []
    for point in points:
        key = fact_key(point)
        if key and not any(fuzz.token_set_ratio(key, fact_key(k)) >= NEAR_COPY for k in kept):
            kept.append(point)
    return kept


def clean(fragment: str) -> str:
    """One line of profile text, with brackets and braces removed and spaces collapsed."""
    text = _UNSAFE.sub("", fragment)
    text = " ".join(text.split())
    return text.strip(" .;,:-–—•*")


def proper_words(texts: Iterable[str]) -> set[str]:
    """Words the user capitalises mid-sentence somewhere: names we must never lower-case."""
    found: set[str] = set()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
            words = sentence.split()
            for word in words[1:]:
                core = word.strip("\"'(),.;:!?")
                if core[:1].isupper():
                    found.add(core)
    return found


def soften(fragment: str, proper: set[str]) -> str:
    """Lower-case the first word for use mid-sentence, unless it is a name or an acronym."""
    if not fragment:
        return fragment
    first, _, rest = fragment.partition(" ")
    core = first.strip("\"'(),.;:!?")
    keep = (core in proper or core == "I" or any(c.isupper() for c in core[1:])
            or core.lower() in _BRANDS)
    if keep or not core[:1].isupper() or len(first[0].lower()) != 1:  # "İ" lowers to two chars
        return fragment
    return (first[0].lower() + first[1:] + (" " + rest if rest else "")).strip()


def capitalise(text: str) -> str:
    """Upper-case the first character of a sentence (unless that would change its length)."""
    if not text or len(text[0].upper()) != 1:
        return text
    return text[0].upper() + text[1:]


def article(word: str) -> str:
    """``a`` or ``an`` for the word that follows (by sound, roughly)."""
    core = word.split(" ", 1)[0].strip("\"'(")
    if not core:
        return "a"
    if core[0].isdigit():
        number = re.match(r"\d+", core)
        digits = number.group() if number else ""
        return "an" if digits.startswith("8") or digits in {"11", "18"} else "a"
    letters = re.sub(r"[^A-Za-z]", "", core)
    if len(letters) >= 2 and letters.isupper() and len(letters) <= 5:
        return "an" if letters[0] in "AEFHILMNORSX" else "a"
    lower = core.lower()
    if lower.startswith(("uni", "use", "usu", "one", "eu", "ubi")):
        return "a"
    if lower.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    return "an" if lower[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    """``a product manager`` from ``product manager``; leaves ``the``/``my`` phrases alone."""
    first = phrase.split(" ", 1)[0].lower()
    if first in _DETERMINERS or not phrase:
        return phrase
    return f"{article(phrase)} {phrase}"


def _is_past(word: str) -> bool:
    lower = word.lower()
    if lower in _NOT_VERBS:
        return False
    regular = len(lower) > 3 and lower.endswith("ed") and "-" not in lower
    return lower in _IRREGULAR_PAST or regular


def _fix_article(words: list[str]) -> list[str]:
    """Insert the article a fragment dropped after its verb: "led the migration of 40 clinics"."""
    if len(words) < 2:
        return words
    nxt = words[1].lower()
    if nxt in _DETERMINERS or not nxt[:1].isalnum():
        return words
    following = words[2].lower() if len(words) > 2 else ""
    if nxt in _COUNT_NOUNS or re.match(r"^\d+-[a-z]+$", nxt):
        return [words[0], article(words[1]), *words[1:]]
    if following == "of" and (_NOMINAL.search(nxt) or nxt in _NOMINAL_WORDS):
        return [words[0], "the", *words[1:]]
    return words


def first_person(fragment: str, proper: set[str]) -> tuple[str, str]:
    """A proof point as a first-person clause, and its form (``past``, ``present``, ``noun``...).

    "Led migration of 40 clinics" becomes "I led the migration of 40 clinics".
    """
    text = clean(fragment)
    words = text.split()
    if not words:
        return "", "noun"
    head = words[0].lower().strip(",")
    if head in {"i", "i'm", "i've", "i'd", "my", "we", "we've", "our"}:
        return capitalise(text) if head != "i" else "I" + text[1:], "first"
    if _is_past(head) or head in _PRESENT_VERBS:
        words = _fix_article([words[0].lower(), *words[1:]])
        return "I " + " ".join(words), "past" if _is_past(head) else "present"
    if is_activity(text):
        return "I'm " + soften(text, proper), "ongoing"
    return soften(text, proper), "noun"


def identity(now: str, proper: set[str]) -> tuple[str, str]:
    """Where the user is now, as a clause: "I'm a hospital pharmacist at Mercy Health"."""
    text = clean((split_sentences(now) or [""])[0])
    clause, form = first_person(text, proper)
    if form in {"first", "past", "present", "ongoing"}:
        return clause, form
    first_clause = clause.split(",", 1)[0]
    if re.search(r"\bfor (?:over |nearly |almost )?\d+\+? (?:years?|months?)\b", first_clause):
        return "I've been " + with_article(clause), "been"
    return "I'm " + with_article(clause), "noun"


def join_list(items: Sequence[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


_ADJECTIVES = frozenset(
    "calm organized organised curious patient resilient adaptable reliable empathetic creative "
    "analytical resourceful persistent thorough decisive collaborative approachable "
    "detail-oriented comfortable good great strong fluent able".split()
)


# What follows an adjective used on its own ("calm under pressure", "good at", "calm and kind").
_AFTER_ADJECTIVE = frozenset(
    "under with in at about and or when during around across to for on even while".split()
)


def as_gerund(strength: str) -> str:
    """"calm under pressure" -> "being calm under pressure", so it reads after "known for";
    "calm incident command" (the adjective describes a noun) stays as it is."""
    words = strength.lower().split()
    if not words or words[0].rstrip(",") not in _ADJECTIVES:
        return strength
    alone = len(words) == 1 or words[0].endswith(",") or words[1] in _AFTER_ADJECTIVE
    return f"being {strength}" if alone else strength


def sentence(clause: str) -> str:
    """A clause as a sentence: capitalised, one final full stop."""
    text = clause.strip().rstrip(" .;,:")
    if not text:
        return ""
    end = "" if text.endswith(("!", "?")) else "."
    return capitalise(text) + end


_CHANGE = re.compile(
    r"\b(?:cut|cuts|reduc\w+|increas\w+|decreas\w+|sav(?:ed|es|ing)|grew|grown|rais\w+|"
    r"improv\w+|fell|dropped|rose|went (?:up|down)|brought \w+(?: \w+){0,3} down|doubl\w+|"
    r"tripl\w+|halv\w+|boost\w+|lower\w+|shrank|faster|fewer|zero|under budget|"
    r"from \S+(?: \w+)? (?:down )?to \S*\d|(?:found|recovered|uncovered|caught|identified) "
    r"(?:an? )?[$€£]\S+)", re.I)
_MAGNITUDE = re.compile(r"\b(?:largest|biggest|record|first ever|#1|top \d+|award\w*|"
                        r"president'?s club|promoted)\b", re.I)
# Size alone ("a team of 12", "a $500K budget") is scope, not a result.
_SCOPE = re.compile(r"\b(?:budget|book of|team of|portfolio|worth|responsible|manag(?:e|es)\b)",
                    re.I)


def strength_score(text: str) -> int:
    """How strong a proof point is: a measured change (numbers, money and percentages, a
    before and after) beats size alone, which beats an action without a number."""
    score = 0
    if re.search(r"\d", text):
        score += 10
    if re.search(r"[$€£]\s?\d|\d[\d,.]*\s?(?:[kKmM]|million|billion)?\s?(?:euros?|dollars?|pounds)",
                 text):
        score += 3
    elif re.search(r"%|\bpercent\b", text):
        score += 3
    change = bool(_CHANGE.search(text))
    if change:
        score += 4
    elif _SCOPE.search(text):
        score -= 4
    if _MAGNITUDE.search(text):
        score += 2
    first = text.split(" ", 1)[0].lower() if text.split() else ""
    if _is_past(first) or first in _PRESENT_VERBS:
        score += 1
    if 5 <= len(text.split()) <= 22:
        score += 1
    return score


def rank_proof(points: Sequence[str]) -> list[str]:
    """Proof points, strongest first (stable for ties)."""
    cleaned = [clean(p) for p in points if clean(p)]
    return sorted(cleaned, key=strength_score, reverse=True)


def formal(text: str) -> str:
    """Spell out contractions, for users whose own writing does not use them."""
    for short, full in (("I'm", "I am"), ("I'd", "I would"), ("I've", "I have"),
                        ("I'll", "I will"), ("that's", "that is"), ("That's", "That is"),
                        ("it's", "it is"), ("It's", "It is"), ("you're", "you are"),
                        ("what's", "what is"), ("you'd", "you would")):
        text = re.sub(rf"(?<![\w']){re.escape(short)}(?![\w'])", full, text)
    return text


def uses_contractions(sample: str) -> bool:
    """Whether a voice sample (of some length) uses contractions like "I'm" or "don't"."""
    if len(sample.split()) < MIN_SAMPLE_WORDS:
        return True
    return bool(re.search(r"\b\w+'(?:m|s|re|ve|d|ll|t)\b", sample.replace("’", "'")))
