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

PLAN, NEED, LIFE_EVENT, SHARED_HISTORY, OTHER, BORING = (
    "plan", "need", "life_event", "shared_history", "other", "boring")
# What a friend would pick first: what is coming up, what they need, what happened to them.
# A boring fact ("Works at Chase. Analyst.") is never a hook: saying it back is worse than
# an honest "it's been a while".
TYPE_WEIGHT = {PLAN: 4.0, NEED: 4.0, LIFE_EVENT: 3.5, OTHER: 2.0, SHARED_HISTORY: 1.0,
               BORING: 0.0}
NOT_THE_POINT = frozenset({SHARED_HISTORY, BORING})

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
    r"heading to|taking (?:a|her|his|their) (?:trip|sabbatical)|starts? (?:a|her|his|their) new|"
    r"might|hoping to|thinking (?:of|about)|next yr|(?:in )?the new year|getting married|"
    r"closing (?:in|on)|comes? out|tournament|in the (?:spring|summer|fall|autumn|winter))\b",
    re.IGNORECASE)
_LIFE = re.compile(
    r"\b(?:baby|born|daughter|son|kids?|child(?:ren)?|married|wedding|engaged|new job|promoted|"
    r"promotion|new role|joined|start(?:ed|ing)|began|learning|took up|retired|graduated|"
    r"moved|bought|"
    r"house|dog|puppy|passed away|surgery|recovering|marathon|finished|ran|rode|opened|launched|"
    r"published|won|award|university|college|school|sabbatical|parental leave|first|"
    r"hole-in-one|grant|promoted|trip|back from|twins|grand(?:pa|ma|father|mother|kid|child|son|"
    r"daughter|baby)\w*|expecting|pregnan\w*|newborn|paternity|maternity|defended|got into|"
    r"kid #?\d|baby #?\d|due (?:in|on))\b", re.IGNORECASE)
_SHARED = re.compile(
    r"^(?:met|we met|first met|worked (?:together|with)|we worked|we both|sat next to|we did|"
    r"we sat|was my (?:first )?\w+|"
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
    event: date | None = None  # when the thing itself happens ("in April"), if the note says


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
    sentence = person.spell_out(sentence)
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
    holder = ""  # "Her daughter Maisie": who a subjectless piece after it is about
    for sentence in split_sentences(text):
        for part in re.split(r";\s+|\s+[-–—]+>?\s+|\s+->\s+", sentence):
            # "She is training for X, is looking for Y, and her daughter ...": three facts.
            for piece in _CLAUSE_BREAK.split(part):
                piece = _LEAD_DATE.sub("", piece.strip()).strip().rstrip(".!,?")
                if len(piece.split()) < 2:
                    continue
                relation = _RELATION_SUBJECT.match(piece)
                if relation:
                    holder = relation.group(0)
                elif holder and _SUBJECTLESS.match(piece):
                    ing = piece.split()[0].lower().endswith("ing")
                    piece = f"{holder} {'is ' if ing else ''}{piece}"
                facts.append(piece)
    return facts


_CLAUSE_BREAK = re.compile(
    r",\s*(?:oh\s+)?(?:and\s+)?(?:also\s+)?(?=(?:she|he|they|her|his|their|is|was|has|had|just|"
    r"said|says|also|"
    r"going|heading|moving|starting|training|planning)\s)"
    r"|\s+and\s+(?=(?:she|he|her|his)\s)|,\s+and\s+(?=(?:started|moved|got|opened)\s)", re.I)
_RELATION_SUBJECT = re.compile(
    r"^(?i:her|his|their)\s+(?i:daughter|son|wife|husband|partner|kid|kids|child|children|"
    r"sister|brother|mom|mum|dad|mother|father)(?:\s+[A-Z][a-z]+)?\b")
_SUBJECTLESS = re.compile(r"^(?:heading|moving|starting|going|off|now|then|starts|moves|"
                          r"graduated|started|moved)\b", re.I)
# "In March 2024 she moved ...": the date is the note's date (see written_date), and said
# first it reads like a form ("It was great to hear in March 2024 you moved").
_LEAD_DATE = re.compile(
    r"^(?:back\s+)?(?:in|on|since|during)\s+(?:early\s+|late\s+|mid-?)?(?:(?:jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d\d,?\s+",
    re.I)
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def event_date(fact: str, written: date, past: bool = False) -> date | None:
    """When the thing a note speaks of happens, from words like "in April", "next month",
    "this summer" (the next such month after the note was written); None when it says none."""
    low = fact.lower()
    if re.search(r"\bnext (?:week|wk)\b", low):
        return date.fromordinal(written.toordinal() + 7)
    if re.search(r"\bnext month\b", low):
        return date.fromordinal(written.toordinal() + 30)
    if re.search(r"\b(?:next (?:year|yr)|the new year)\b", low):
        return date(written.year + 1, 1, 15)
    full = written_date(fact)
    if full is not None:
        return full
    month = re.search(r"\b(?:in|on|this|next|by|until|til|for)\s+(?:the\s+)?(?:early\s+|late\s+)?("
                      + "|".join(m[:3] for m in _MONTHS) + r"|spring|summer|fall|autumn|winter)"
                      r"[a-z]*\b", low)
    if not month:
        return None
    word = month.group(1)
    number = _SEASONS.get(word) or [m[:3] for m in _MONTHS].index(word[:3]) + 1
    if past:  # "graduated in June": the last June on or before the note
        return date(written.year - (1 if number > written.month else 0), number, 15)
    return date(written.year + (1 if number < written.month else 0), number, 15)


_IDENTIFIES = re.compile(r"\b(?:the one (?:who|with|that|in)|the (?:guy|woman|man) (?:who|with))\b",
                         re.I)
_BORING_WORDS = frozenset("works work worked working connected connect friendly nice guy person "
                          "lovely met once analyst team company job role office".split())


def boring(fact: str, contact: Contact) -> bool:
    """A fact that says nothing a friend would bring up: the job title again, "friendly"."""
    if _IDENTIFIES.search(fact):  # how the user tells people apart, not news for them
        return True
    known = topic_words(" ".join([contact.title, contact.company, contact.name]))
    rest = [w for w in topic_words(fact) if w not in known and w not in _BORING_WORDS]
    return len(rest) < 2


def hooks_for(
    contact: Contact, notes: Sequence[Note], today: date | None = None,
    resource_topics: Sequence[str] = (),
) -> list[Hook]:
    """Every fact in the contact's notes as a hook, best first (type, then recency)."""
    today = today or date.today()
    found: list[Hook] = []
    # A date written in a note is the note's date, unless it lies ahead of when the note was
    # written: then it is when the thing happens ("the book comes out in March 2027").
    dated = [(_note_day(n), n) for n in notes]
    newest = max((d for d, _ in dated), default=today)
    for when, note in dated:
        for i, fact in enumerate(note_facts(note)):
            kind = fact_type(fact)
            if kind == OTHER and boring(fact, contact):
                kind = BORING
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
            found.append(Hook(f"{note.id}#{i}", note.id, fact, said, kind, when, score,
                              event_date(fact, note.created, _done(fact, said.tense))))
    return sorted(found, key=lambda h: -h.score)


def _done(fact: str, tense: str) -> bool:
    """Whether the fact is over ("graduated in June"), not coming ("is getting married")."""
    return tense == "past" and not re.search(
        r"\b(?:is|are|am|will|going|getting|planning|heading|due)\b|['’]s \w+ing\b", fact, re.I)


def _note_day(note: Note) -> date:
    written = written_date(note.text)
    return written if written is not None and written <= note.created else note.created


def pick_hook(hooks: Sequence[Hook], avoid: str | None = None) -> Hook | None:
    """The best hook that is not the one the last draft to this person used."""
    usable = [h for h in hooks if h.type not in NOT_THE_POINT]
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
                  "first last next week month role roles hiring across after every start starts "
                  "started "
                  "love loves loved want wants need needs like likes thinking think said says "
                  "just still also really very much more most some any".split())


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
