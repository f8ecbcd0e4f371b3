"""Line-level resume checks: weak verbs, bullets without results, typos and punctuation.

Suggestions only rearrange the user's own words ("Responsible for managing the budget" ->
"Managed the budget"); nothing is added that the resume does not already say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
}
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


def bullet_issues(items: list[tuple[int, str]]) -> list[LineIssue]:
    """Weak verbs, missing results and inconsistent final periods across the bullets."""
    found: list[LineIssue] = []
    for number, text in items:
        if weak := WEAK.search(text):
            better = strong_version(text)
            found.append(LineIssue(
                "weak-verb", number, text, f"'{weak.group()}' hides what you did",
                f"Try: {better}" if better else "Start with the action you took "
                "(led, built, cut, launched...) and its result",
            ))
        if not re.search(r"\d", text) and not RESULT_WORDS.search(text):
            found.append(LineIssue("no-result", number, text,
                                   "no result or number: what changed because of this?"))
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


def text_issues(lines: list[str]) -> list[LineIssue]:
    """Typos and punctuation anywhere: double spaces, repeated words, common misspellings."""
    found: list[LineIssue] = []
    for number, line in enumerate(lines, 1):
        body = BULLET.sub("", line).strip()
        if re.search(r"\S {2,}\S", body):
            found.append(LineIssue("punctuation", number, body, "double space"))
        for match in re.finditer(r"\b([A-Za-z]+)\s+\1\b", body, re.IGNORECASE):
            found.append(LineIssue("typo", number, body, f"repeated word '{match.group(1)}'",
                                   f"Try: {body.replace(match.group(), match.group(1), 1)}"))
        for word in re.findall(r"[A-Za-z]+", body):
            if (right := correct_spelling(word)) is not None:
                found.append(LineIssue("typo", number, body, f"'{word}' is misspelled",
                                       f"'{right}'"))
        if re.search(r"\w\s+[,;:.](?:\s|$)", body):
            found.append(LineIssue("punctuation", number, body, "space before punctuation"))
        if re.search(r"[a-z][,;][A-Za-z]", body):
            found.append(LineIssue("punctuation", number, body, "missing space after a comma"))
    return found
