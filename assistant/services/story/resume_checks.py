"""Line-level resume checks: weak verbs, bullets without results, typos and punctuation.

Suggestions only rearrange the user's own words ("Responsible for managing the budget" ->
"Managed the budget"); nothing is added that the resume does not already say. Typos come from a
list of common misspellings and, when pyspellchecker is installed, from the English word list
shipped inside it (nothing is downloaded), used only where a slip of the keyboard is near-certain.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker

logger = logging.getLogger(__name__)

BULLET = re.compile(r"^\s*(?:[-*+•▪●◦‣–·]|\d+[.)])\s+")
WEAK = re.compile(
    r"\b(?:responsible for|helped with|helped to|helped|worked on|assisted (?:with|in)|"
    r"involved in|participated in|duties included|tasked with|in charge of|contributed to)\b",
    re.IGNORECASE,
)
RESULT_WORDS = re.compile(
    r"\b(?:increas\w*|reduc\w*|improv\w*|sav(?:ed|ing)|result\w*|cut|grew|grow\w*|raised|won|"
    r"doubled|tripled|halved|boost\w*|lower\w*|so that|leading to|which led|achiev\w*|"
    r"award\w*|promoted|record)\b",
    re.IGNORECASE,
)
MISSPELLINGS = {
    "acheive": "achieve", "acheived": "achieved", "accomodate": "accommodate", "adress": "address",
    "analize": "analyze", "begining": "beginning", "buisness": "business", "calender": "calendar",
    "collegue": "colleague", "collegues": "colleagues", "comittee": "committee",
    "commited": "committed", "definately": "definitely", "developement": "development",
    "enviroment": "environment", "existance": "existence", "experiance": "experience",
    "goverment": "government", "independant": "independent", "knowlege": "knowledge",
    "liase": "liaise", "maintainance": "maintenance", "managment": "management",
    "millenium": "millennium", "neccessary": "necessary", "occured": "occurred",
    "occassion": "occasion", "persue": "pursue", "posession": "possession",
    "prefered": "preferred", "recieve": "receive", "recieved": "received",
    "reccomend": "recommend", "recomend": "recommend", "refered": "referred",
    "relevent": "relevant", "responsibilty": "responsibility", "seperate": "separate",
    "seperately": "separately", "succesful": "successful", "sucessful": "successful",
    "sucess": "success", "supercede": "supersede", "tommorow": "tomorrow", "untill": "until",
    "wich": "which", "acomplished": "accomplished", "accross": "across", "agressive": "aggressive",
    "arguement": "argument", "beleive": "believe", "concious": "conscious",
    "critisism": "criticism", "dilemna": "dilemma", "embarass": "embarrass",
    "excercise": "exercise", "finaly": "finally", "foriegn": "foreign", "gaurantee": "guarantee",
    "harrass": "harass", "immediatly": "immediately", "intial": "initial", "lisence": "licence",
    "noticable": "noticeable", "oppurtunity": "opportunity", "paralell": "parallel",
    "publically": "publicly", "questionaire": "questionnaire", "sieze": "seize",
    "strenght": "strength", "thier": "their", "truely": "truly", "writting": "writing",
    "leadeship": "leadership", "stakholders": "stakeholders", "proffesional": "professional",
    "profesional": "professional", "coordinatred": "coordinated",
    # Letters swapped in short words, too short for the dictionary check to be sure of.
    "teh": "the", "hte": "the", "adn": "and", "nad": "and", "taht": "that", "thta": "that",
    "htat": "that", "wiht": "with", "waht": "what", "jsut": "just", "thsi": "this",
    "tihs": "this", "fomr": "from", "yuor": "your", "yoru": "your", "thye": "they",
    "tehy": "they", "tehm": "them", "thme": "them", "tehn": "then", "thne": "then",
    "wrok": "work", "wokr": "work", "tiem": "time", "whcih": "which", "wihch": "which",
    "becuase": "because", "beacuse": "because", "ofr": "for", "cna": "can",
}
# The dictionary's rarest words are its likeliest wrong guesses ("backend" -> "backbend").
MIN_FREQUENCY = 100
MIN_TYPO_LENGTH = 5  # shorter unknown words are mostly acronyms: "okrs", "ehrs", "kpis"
# British spellings the (American) word list lacks: "organised", "colour", "programme"...
_BRITISH = (("our", "or"), ("ise", "ize"), ("isi", "izi"), ("isa", "iza"), ("yse", "yze"),
            ("ysi", "yzi"), ("tre", "ter"), ("mme", "m"), ("ogue", "og"), ("ence", "ense"),
            ("ae", "e"), ("oe", "e"), ("ement", "ment"), ("eing", "ing"))
_BRITISH_LL = re.compile(r"ll(ed|ing|er|ers|or|ors)$")  # travelled, modelling, counsellor
# Work jargon the word list lacks that sits one slip away from a real word ("linting").
_JARGON = frozenset("proto protos dicts bools linting chunking recurse hasher".split())
_IRREGULAR = {"leading": "Led", "building": "Built", "running": "Ran", "writing": "Wrote",
              "teaching": "Taught", "making": "Made", "selling": "Sold", "bringing": "Brought",
              "buying": "Bought", "overseeing": "Oversaw", "setting": "Set", "cutting": "Cut",
              "growing": "Grew", "driving": "Drove", "holding": "Held", "keeping": "Kept",
              "winning": "Won", "spending": "Spent", "sending": "Sent", "finding": "Found"}
_DOUBLE_CONSONANT = re.compile(r"([bdgmnprt])\1ing$")


@dataclass(frozen=True)
class LineIssue:
    kind: str  # weak-verb | no-result | typo | punctuation
    line: int
    text: str
    message: str
    suggestion: str = ""


def bullets(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, bullet text) for every bullet; if none are marked, the long action lines."""
    marked = [(i, BULLET.sub("", line).strip()) for i, line in enumerate(lines, 1)
              if BULLET.match(line) and len(line.split()) >= 3]
    if marked:
        return marked
    return [(i, line.strip()) for i, line in enumerate(lines, 1)
            if len(line.split()) >= 6 and (WEAK.match(line.strip()) or re.match(
                r"^[A-Z][a-z]+ed\b|^(?:Led|Built|Ran|Won|Grew|Cut|Made|Wrote|Taught)\b",
                line.strip()))]


def _past(gerund: str) -> str:
    lower = gerund.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    stem = lower[:-3]
    if _DOUBLE_CONSONANT.search(lower):
        stem = stem[:-1]
    elif stem.endswith(("at", "iz", "is", "ag", "uc", "v", "ur", "rg", "ac", "os", "ov", "in")):
        stem += "e"  # managing -> manage, organizing -> organize
    if stem.endswith("e"):
        return (stem + "d").capitalize()
    if stem.endswith("y") and len(stem) > 2 and stem[-2] not in "aeiou":
        return (stem[:-1] + "ied").capitalize()
    return (stem + "ed").capitalize()


def strong_version(bullet: str) -> str:
    """The bullet led by its own action: "Responsible for managing X" -> "Managed X", or ""."""
    match = re.match(r"^(?:responsible for|tasked with|in charge of)\s+(\w+ing)\b(.*)$", bullet,
                     re.IGNORECASE)
    if match:
        return f"{_past(match.group(1))}{match.group(2)}".strip()
    return ""


def bullet_issues(items: list[tuple[int, str]], facts: Sequence[str] = ()) -> list[LineIssue]:
    """Weak verbs, missing results and inconsistent final periods across the bullets; each weak
    bullet gets its own rewrite, from the user's own ``facts`` when one tells its story."""
    from assistant.services.story.resume_rewrites import matching_fact, rewrite  # noqa: PLC0415

    found: list[LineIssue] = []
    for number, text in items:
        if weak := WEAK.search(text):
            better = (strong_version(text) if not matching_fact(text, facts) else "") \
                or rewrite(text, facts)
            found.append(LineIssue(
                "weak-verb", number, text, f"'{weak.group()}' hides what you did",
                f"Try: {better}"))
        if not re.search(r"\d", text) and not RESULT_WORDS.search(text):
            found.append(LineIssue("no-result", number, text,
                                   "no result or number: what changed because of this?",
                                   "" if WEAK.search(text) else f"Try: {rewrite(text, facts)}"))
    with_period = [(n, t) for n, t in items if t.endswith(".")]
    without = [(n, t) for n, t in items if not t.endswith(".")]
    if with_period and without:
        minority, has = ((with_period, True) if len(with_period) < len(without)
                         else (without, False))
        for number, text in minority:
            message = ("ends with a period; most bullets don't" if has
                       else "no final period; most bullets have one")
            found.append(LineIssue("punctuation", number, text, message))
    return found


def correct_spelling(word: str) -> str | None:
    """The right spelling of a commonly misspelled word (also "recieving", "seperated"), or None."""
    lower = word.lower()
    if lower in MISSPELLINGS:
        return MISSPELLINGS[lower]
    for suffix in ("ing", "ed", "es", "s", "ly"):
        stem = lower.removesuffix(suffix)
        if stem == lower or len(stem) < 4:
            continue
        if stem in MISSPELLINGS:
            return MISSPELLINGS[stem] + suffix
        if stem + "e" in MISSPELLINGS and suffix in ("ing", "ed"):
            return MISSPELLINGS[stem + "e"].removesuffix("e") + suffix
    return None


@functools.cache
def english_words() -> SpellChecker | None:
    """The English word list inside the pyspellchecker wheel, loaded once; None without it."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        logger.info("pyspellchecker is not installed; typo checks use the built-in list only")
        return None
    return SpellChecker(distance=1)


def known_words(texts: Iterable[str]) -> frozenset[str]:
    """Every word the user wrote elsewhere (profile, notes), lower-cased: never called a typo."""
    return frozenset(w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", text))


def _british(word: str, words: SpellChecker) -> bool:
    if _BRITISH_LL.search(word) and _BRITISH_LL.sub(r"l\1", word) in words:
        return True
    return any(uk in word and word.replace(uk, us) in words for uk, us in _BRITISH)


def _slip(word: str, meant: str) -> bool:
    """Whether ``word`` is ``meant`` with two letters swapped (not the first two), one left out
    (not the first or last: "canva" is not "canvas") or one doubled: typos a dictionary can be
    sure of."""
    if len(word) == len(meant):
        diff = [i for i, (a, b) in enumerate(zip(word, meant, strict=True)) if a != b]
        return (len(diff) == 2 and diff[1] == diff[0] + 1 > 1  # "intro" is not "nitro"
                and word[diff[0]] == meant[diff[1]] and word[diff[1]] == meant[diff[0]])
    if len(meant) == len(word) + 1:  # "trange" is not "strange" either
        return not meant.startswith(word) and not meant.endswith(word) and any(
            meant[:i] + meant[i + 1:] == word for i in range(len(meant)))
    if len(word) == len(meant) + 1:
        return any(word[:i] + word[i + 1:] == meant and word[i] in word[i - 1:i] + word[i + 1:i + 2]
                   for i in range(len(word)))
    return False


def dictionary_typo(word: str, words: SpellChecker) -> str | None:
    """What a lower-case ``word`` the dictionary lacks was surely meant to be ("managment" ->
    "management"), or None: acronyms, jargon and British spellings are left alone."""
    if (len(word) < MIN_TYPO_LENGTH or not word.isalpha() or not word.islower()
            or word in _JARGON or word in words or _british(word, words)):
        return None
    best, best_count = None, MIN_FREQUENCY - 1
    for meant in sorted(words.candidates(word) or ()):
        count = words.word_frequency[meant]
        if meant != word and count > best_count and _slip(word, meant):
            best, best_count = meant, count
    return best


def _plain_words(text: str) -> Iterator[str]:
    """Lower-case words only: names, acronyms, URLs, e-mails and codes are never checked."""
    for chunk in text.split():
        core = chunk.strip("\"'()[]{}.,;:!?*“”‘’")
        if re.search(r"[\d@/\\._:+#&=]", core):
            continue
        yield from (part for part in core.split("-") if part.isalpha() and part.islower())


def _typos(body: str, known: frozenset[str], words: SpellChecker | None) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for word in re.findall(r"[A-Za-z]+", body):
        if (right := correct_spelling(word)) is not None:
            found.append((f"'{word}' is misspelled", f"'{right}'"))
    if words is None:
        return found
    listed = {w.lower() for w in re.findall(r"[A-Za-z]+", body) if correct_spelling(w)}
    for word in dict.fromkeys(_plain_words(body)):
        if word not in known and word not in listed and (right := dictionary_typo(word, words)):
            found.append((f"'{word}' looks like a typo", f"'{right}'"))
    return found


def text_issues(
    lines: list[str], known: frozenset[str] = frozenset(), *, dictionary: bool = True
) -> list[LineIssue]:
    """Typos and punctuation anywhere: double spaces, repeated words, misspellings (``known``
    words, the user's own, are never typos; ``dictionary`` adds the word-list check)."""
    words = english_words() if dictionary else None
    found: list[LineIssue] = []
    for number, line in enumerate(lines, 1):
        body = BULLET.sub("", line).strip()
        if re.search(r"\S {2,}\S", body):
            found.append(LineIssue("punctuation", number, body, "double space"))
        for match in re.finditer(r"\b([A-Za-z]+)\s+\1\b", body, re.IGNORECASE):
            found.append(LineIssue("typo", number, body, f"repeated word '{match.group(1)}'",
                                   f"Try: {body.replace(match.group(), match.group(1), 1)}"))
        for message, right in _typos(body, known, words):
            found.append(LineIssue("typo", number, body, message, right))
        if re.search(r"\w\s+[,;:.](?:\s|$)", body):
            found.append(LineIssue("punctuation", number, body, "space before punctuation"))
        if re.search(r"[a-z][,;][A-Za-z]", body):
            found.append(LineIssue("punctuation", number, body, "missing space after a comma"))
    return found
