"""Hooks: the facts in a contact's notes a friend would bring up, ranked and said to them.

A note is the user's private shorthand about someone ("Training for the Chicago marathon in
October, her first."). A hook is one fact from it, typed (a plan, a need the user can meet, a life
event, shared history), dated (a date written in the note wins over the note's own date) and
re-said in the second person, so a draft speaks *to* the contact instead of quoting the note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assistant.domain import Contact, Note
from assistant.drafting.language import person
from assistant.drafting.offline.clipping import split_sentences
from assistant.drafting.offline.injection import strip_instructions

PLAN, NEED, LIFE_EVENT, SHARED_HISTORY, OTHER = (
    "plan", "need", "life_event", "shared_history", "other")
# What a friend would pick first: what is coming up, what they need, what happened to them.
TYPE_WEIGHT = {PLAN: 4.0, NEED: 4.0, LIFE_EVENT: 3.5, OTHER: 2.0, SHARED_HISTORY: 1.0}

_NEED = re.compile(
    r"\b(?:looking for|searching for|hunting for|"
    r"wants? (?:to find|to learn|to read|recommendations|advice|tips|articles|a)|needs?|"
    r"asked (?:me )?(?:about|for)|interested in|curious about|"
    r"would love (?:to find|some|a|an)|trying to (?:find|learn|figure)|keen to (?:find|learn)|"
    r"recommendations? (?:for|on)|any (?:articles|books|resources))\b", re.IGNORECASE)
_PLAN = re.compile(
    r"\b(?:training for|planning|plans? to|going to|will|about to|getting ready|preparing for|"
    r"signed up|registered for|moving to|relocating|launching|upcoming|next (?:week|month|"
    r"year|spring|summer|fall|autumn|winter)|this (?:spring|summer|fall|autumn|winter)|"
    r"(?:race|marathon|half marathon|triathlon|trip|wedding|conference|talk|keynote)"
    r" (?:in|on|next)|"
    r"heading to|taking (?:a|her|his|their) (?:trip|sabbatical)|starts? (?:a|her|his|their) new)\b",
    re.IGNORECASE)
_LIFE = re.compile(
    r"\b(?:baby|born|daughter|son|kids?|child(?:ren)?|married|wedding|engaged|new job|promoted|"
    r"promotion|new role|joined|start(?:ed|ing)|began|learning|took up|retired|graduated|"
    r"moved|bought|"
    r"house|dog|puppy|passed away|surgery|recovering|marathon|finished|ran|rode|opened|launched|"
    r"published|won|award|university|college|school|sabbatical|parental leave|first|"
    r"hole-in-one|grant|promoted|trip|back from)\b", re.IGNORECASE)
_SHARED = re.compile(
    r"^(?:met|we met|first met|worked (?:together|with)|we worked|we both|sat next to|"
    r"introduced (?:by|through)|was (?:my|our) (?:manager|colleague|mentor)|(?:old |former )?"
    r"(?:colleague|classmate|teammate))\b|\bwe (?:met|worked|were|both)\b", re.IGNORECASE)
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_WRITTEN_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+)?(" + "|".join(m[:3] for m in _MONTHS)
    + r")[a-z]*\.?,?\s+(?:(\d{1,2}),?\s+)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Hook:
    """One fact from a note, ready to be said to the contact."""

    id: str  # "<note id>#<sentence index>"
    note_id: str
    fact: str  # the note's own words, for sources and evals
    said: person.Said  # the fact re-said to the contact ("you're training for ...")
    type: str
    when: date
    score: float


def written_date(text: str) -> date | None:
    """A date written in a note ("in March 2024", "2024-03-14"); the first of the month if none."""
    match = _WRITTEN_DATE.search(text)
    if not match:
        return None
    try:
        if match.group(5):
            return date(int(match.group(5)), int(match.group(6)), int(match.group(7)))
        month = [m[:3] for m in _MONTHS].index(match.group(2).lower()[:3]) + 1
        day = int(match.group(1) or match.group(3) or 1)
        return date(int(match.group(4)), month, day)
    except ValueError:
        return None


_ABOUT_US = re.compile(r"\b(?:me|my|us|our|we)\b", re.I)


def fact_type(sentence: str) -> str:
    """What kind of hook a note sentence makes."""
    if _SHARED.search(sentence.strip()):
        return SHARED_HISTORY
    if _NEED.search(sentence):
        return NEED
    if _ABOUT_US.search(sentence):  # "liked my rewrite", "gave me a bottle": between us
        return SHARED_HISTORY
    if _PLAN.search(sentence):
        return PLAN
    if _LIFE.search(sentence):
        return LIFE_EVENT
    return OTHER


def note_facts(note: Note) -> list[str]:
    """The sentences of a note that state a fact (orders to a model are not facts)."""
    text = strip_instructions(note.text)
    facts: list[str] = []
    for sentence in split_sentences(text):
        for part in re.split(r";\s+|\s+[-–—]\s+", sentence):
            # "She is training for X, is looking for Y, and her daughter ...": three facts.
            for piece in _CLAUSE_BREAK.split(part):
                piece = piece.strip().rstrip(".!,")
                if len(piece.split()) >= 2:
                    facts.append(piece)
    return facts


_CLAUSE_BREAK = re.compile(
    r",\s*(?:and\s+)?(?=(?:she|he|they|her|his|their|is|was|has|had|just)\s)"
    r"|\s+and\s+(?=(?:she|he|her|his)\s)", re.I)


def hooks_for(
    contact: Contact, notes: Sequence[Note], today: date | None = None,
    resource_topics: Sequence[str] = (),
) -> list[Hook]:
    """Every fact in the contact's notes as a hook, best first (type, then recency)."""
    today = today or date.today()
    found: list[Hook] = []
    dated = [(written_date(n.text) or n.created, n) for n in notes]
    newest = max((d for d, _ in dated), default=today)
    for when, note in dated:
        for i, fact in enumerate(note_facts(note)):
            kind = fact_type(fact)
            said = person.to_second_person(fact, contact.name)
            if not said.text:
                continue
            # Newer beats older among this person's notes; all of them age against today.
            age_days = max(0, (today - when).days)
            behind = max(0, (newest - when).days)
            recency = max(0.0, 1.5 - behind / 60) + max(0.0, 1.0 - age_days / 365)
            score = TYPE_WEIGHT[kind] + recency - i * 0.05
            if kind == NEED and any(t.lower() in fact.lower() for t in resource_topics):
                score += 1.0
            found.append(Hook(f"{note.id}#{i}", note.id, fact, said, kind, when, score))
    return sorted(found, key=lambda h: -h.score)


def pick_hook(hooks: Sequence[Hook], avoid: str | None = None) -> Hook | None:
    """The best hook that is not the one the last draft to this person used."""
    usable = [h for h in hooks if h.type != SHARED_HISTORY]
    for hook in usable:
        if hook.id != avoid:
            return hook
    return usable[0] if usable else None


def shared_history(hooks: Sequence[Hook]) -> Hook | None:
    """The shared-history fact, used as context ("since we met at ..."), never as the point."""
    return next((h for h in hooks if h.type == SHARED_HISTORY), None)


_STOP = frozenset("a an the of in on at to for and or with about from by your my our their her his "
                  "this that these those how what why new building working work team people "
                  "time year years day days things thing making using getting going great good "
                  "first last next week month role roles hiring across after every".split())


def topic_words(text: str) -> set[str]:
    """The content words of a text, lower-cased and roughly singular ("articles" -> "article")."""
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z-]+", text.lower()):
        if w in _STOP or len(w) < 3:
            continue
        out.add(w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 4 else w)
    return out


def matches(resource_text: str, hook: Hook, needed: int = 1) -> bool:
    """Whether a resource is about the hook: at least ``needed`` content words in common."""
    return len(topic_words(resource_text) & topic_words(hook.fact)) >= needed
