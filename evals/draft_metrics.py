"""Per-draft metrics that tell a sendable draft from one that only contains the right words.

Pure functions over text (the parser is the app's language layer): ``copies_source``,
``cut_mid_phrase``, ``wrong_person``, ``uses_hook``, ``channel_distinct`` and
``complete_sentences``. Each returns ``(bad_or_ok, why)`` so a report can say what it saw.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.drafting.language.clauses import has_finite_verb
from assistant.drafting.language.parser import parse
from assistant.drafting.offline.clipping import split_sentences
from assistant.drafting.offline.outreach_lines import COPY_RUN, longest_copied_run, words

_GREETING = re.compile(r"^(?:hi|hey|hello|dear|good (?:morning|afternoon))(?:\s+[\w'’-]+){0,3}"
                       r"\s*[,!]\s*$", re.I)
_SIGN_OFF = re.compile(r"^(?:best|warmly|cheers|thanks|thank you|all the best|regards|kind "
                       r"regards|talk soon|take care)[,!.]?\s*$", re.I)
_INTERJECTION = re.compile(r"^(?:congratulations|congrats|thanks|thank you|cheers|wow|"
                           r"hi|hey|hello)[^\w]*$", re.I)
# A formula that is a whole sentence without a verb: "Congratulations on the twins!"
_FORMULA = re.compile(r"^(?:congratulations|congrats|thanks|thank you|welcome back|happy|"
                      r"best of luck|good luck)\b.*[!.]$", re.I)
_THIRD = frozenset({"she", "he", "her", "his", "him", "hers", "herself", "himself"})
_OTHER_PEOPLE = re.compile(
    r"\b(?:daughter|son|wife|husband|partner|mom|mother|dad|father|boss|manager|kid|baby|friend|"
    r"sister|brother|colleague|cofounder|co-founder|grandmother|grandfather|team ?mate|girlfriend|"
    r"boyfriend|fiancée?|mentor|niece|nephew|grandson|granddaughter|student|patient|client|"
    r"coach|doctor|author|founder|ceo|vp|director)s?\b", re.I)
_DANGLING = frozenset("a an the of to for with and or but in on at by from as into our my your "
                      "their his her its that which who".split())
# Dependents that finish a phrase: a sentence cut before one of these is cut inside the phrase.
_BOUND_DEPS = frozenset({"pobj", "dobj", "compound", "amod", "nummod", "poss", "det", "attr",
                         "acomp", "pcomp", "xcomp", "quantmod", "case", "nmod", "prt", "auxpass",
                         "aux", "neg"})


def body_sentences(text: str) -> list[str]:
    """The sentences of a draft's body: greeting, sign-off and a bare name line left out."""
    kept = []
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    for i, line in enumerate(lines):
        if _GREETING.match(line) or _SIGN_OFF.match(line):
            continue
        if i == len(lines) - 1 and len(line.split()) <= 3 and not line.endswith(("?", ".", "!")):
            continue  # the sender's name
        line = re.sub(r"^(?:hi|hey|hello|dear)\s+[\w'-]+[,!]\s*", "", line, flags=re.I)
        line = re.sub(r"\s+[-–—]?\s*[A-Z][\w'-]+$", "", line) if i == len(lines) - 1 and \
            len(lines) == 1 else line
        kept.extend(split_sentences(line))
    return [s for s in kept if re.search(r"\w", s)]


def copies_source(text: str, notes: Sequence[str], run: int = COPY_RUN) -> tuple[bool, str]:
    """The draft lifts ``run`` or more consecutive words from one of the notes."""
    for note in notes:
        n = longest_copied_run(text, note)
        if n >= run:
            return True, f"{n} consecutive words of the note '{note[:60]}'"
    return False, ""


def _cut_inside(source: str, start: int, end: int) -> bool:
    """Whether the words ``start:end`` of ``source`` break a phrase at either edge."""
    doc = parse(source)
    toks = [t for t in doc if not t.is_punct and not t.is_space]
    if end >= len(toks):
        end_cut = False
    else:
        last, nxt = toks[end - 1], toks[end]
        end_cut = (last.head.i > last.i and last.head.i >= nxt.i and last.dep_ in _BOUND_DEPS) \
            or (nxt.head.i <= last.i and nxt.dep_ in _BOUND_DEPS) \
            or last.lower_ in _DANGLING
    start_cut = False
    if start > 0:
        first = toks[start]
        start_cut = first.dep_ in _BOUND_DEPS and first.head.i < first.i and \
            first.head.i <= toks[start - 1].i
    return end_cut or start_cut


def cut_mid_phrase(text: str, sources: Sequence[str]) -> tuple[bool, str]:
    """A sentence of the draft is a source sentence cut inside a phrase, or ends cut off."""
    source_sentences = [s for src in sources for s in split_sentences(src)]
    for sentence in body_sentences(text):
        stripped = sentence.rstrip()
        last = stripped.split()[-1].strip(".!?,;:\"'”’)").lower() if stripped.split() else ""
        if stripped.endswith(("…", "...")) or last in _DANGLING:
            return True, f"cut off: '{sentence}'"
        mine = words(sentence)
        if len(mine) < 3:
            continue
        for source in source_sentences:
            theirs = words(source)
            if len(theirs) <= len(mine):
                continue
            for i in range(len(theirs) - len(mine) + 1):
                if theirs[i:i + len(mine)] == mine:
                    if _cut_inside(source, i, i + len(mine)):
                        return True, f"'{sentence}' cuts '{source}' inside a phrase"
                    break
    return False, ""


def wrong_person(text: str, contact_name: str, notes: Sequence[str] = ()) -> tuple[bool, str]:
    """The recipient is spoken of in the third person, or a note's own voice is pasted in."""
    first = contact_name.split()[0].lower() if contact_name.split() else ""
    body = body_sentences(text)
    others_seen = False
    for sentence in body:
        doc = parse(sentence)
        if _OTHER_PEOPLE.search(sentence) or any(
                t.pos_ == "PROPN" and t.lower_ != first and t.ent_type_ in {"", "PERSON"}
                and t.dep_ in {"nsubj", "poss", "dobj", "pobj"} and t.text[:1].isupper()
                and t.lower_ not in {"i"} for t in doc if t.i > 0):
            others_seen = True
        for t in doc:
            if t.lower_ in _THIRD and not others_seen:
                return True, f"'{t.text}' speaks of the recipient in: '{sentence}'"
            if first and t.lower_ == first and t.i > 0 and t.dep_ in {"nsubj", "dobj", "pobj",
                                                                      "poss"}:
                return True, f"names the recipient in the third person: '{sentence}'"
        if _OTHER_PEOPLE.search(sentence):
            others_seen = True
    for note in notes:
        for fact in split_sentences(note):
            head = words(fact)[:3]
            if len(head) == 3 and re.match(r"^(?:met|training|looking|moved|started|runs|"
                                           r"just|new|works|loves)$", head[0]):
                joined = " ".join(head)
                if any(" ".join(words(s)).startswith(joined) or f": {joined}" in s.lower()
                       for s in body):
                    return True, f"pastes the note's own voice: '{fact[:60]}'"
    return False, ""


def uses_hook(text: str, hooks: Sequence[Mapping[str, Any]]) -> tuple[bool, str]:
    """A keyword of a marked hook appears in the draft (case-insensitive)."""
    low = text.lower()
    for hook in hooks:
        for keyword in hook.get("keywords", []):
            if str(keyword).lower() in low:
                return True, str(keyword)
    return False, "no marked hook's keyword"


def channel_distinct(drafts: Mapping[str, tuple[str, str]]) -> tuple[bool, str]:
    """The channels give different drafts (channel -> (text, subject)), and email has a subject."""
    texts = [" ".join(t.split()) for t, _ in drafts.values()]
    if len(set(texts)) < len(texts):
        return False, "two channels gave the same text"
    email = drafts.get("email")
    if email is not None and not email[1].strip():
        return False, "the email has no subject line"
    return True, ""


def complete_sentences(text: str) -> tuple[bool, str]:
    """Every sentence of the body has a finite verb (a lone "Congratulations!" is a sentence)."""
    for sentence in body_sentences(text):
        if _INTERJECTION.match(sentence.strip()) or _FORMULA.match(sentence.strip()):
            continue
        if not has_finite_verb(sentence):
            return False, f"no finite verb: '{sentence}'"
    return True, ""
