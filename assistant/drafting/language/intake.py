"""Reading a story as people write it: prose, a LinkedIn About, bullets or the sections.

Each sentence (or bullet) is sorted by what it does: says what the person does now, where they
want to go next, what they are good at, or an achievement. A proof point is an achievement: an
action verb with an outcome, ideally a number ("led a barcode rollout across 14 wards that cut
dispensing errors by 38 percent"). Said in the first person, it is kept as a bullet would say it
("Led a barcode rollout ..."), never cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.drafting.language.parser import parse

NOW, NEXT, STRENGTH, PROOF, VOICE, OTHER = "now", "next", "strength", "proof", "voice", "other"
ACTION_VERBS = frozenset(
    """lead led build built cut reduce reduced grow grew launch launched design designed create
    created deliver delivered drive drove improve improved increase increased save saved train
    trained manage managed run ran ship shipped migrate migrated automate automated rebuild rebuilt
    redesign redesigned develop developed implement implemented negotiate negotiated raise raised
    win won scale scaled found founded start started establish established mentor mentored
    coach coached teach taught write wrote publish published halve halved double doubled
    triple tripled streamline streamlined organize organised organized roll rolled lower lowered
    boost boosted speed sped introduce introduced turn turned analyze analyzed analysed spearhead
    spearheaded oversee oversaw set hire hired onboard onboarded close closed sell sold
    generate generated present presented secure secured expand expanded consolidate consolidated
    resolve resolved eliminate eliminated""".split())
OUTCOME = re.compile(
    r"\d|\b(?:percent|per cent|half|double[ds]?|triple[ds]?|fewer|faster|saved?|cut|reduc\w+|"
    r"increas\w+|grew|growth|from \w+ to|won|award\w*|zero|first)\b", re.I)
NEXT_CUE = re.compile(
    r"\b(?:want(?:s|ed)? to|would like to|i'd like to|hope to|hoping to|aim(?:ing)? to|"
    r"plan(?:ning)? "
    r"to|looking to|next step|next role|my goal|goal is|transition(?:ing)? (?:in)?to|"
    r"move (?:in)?to|moving (?:in)?to|pivot(?:ing)? (?:in)?to|seeking|aspire|excited to (?:move|"
    r"join|grow)|ready for|ready to)\b", re.I)
NOW_CUE = re.compile(
    r"\b(?:i am an?|i'm an?|i work as|i work at|i've been an?|i have been an?|currently|"
    r"(?:have )?spent \w+ (?:years|months)|for (?:the (?:last|past) )?\w+ years|years as an?|"
    r"years in|my role|my job|by day|these days|today i)\b", re.I)
STRENGTH_CUE = re.compile(
    r"\b(?:good at|great at|strong at|strength|skilled|known for|taught myself|self-taught|"
    r"fluent in|comfortable with|experienced (?:in|with)|expert in|i'm the person|people come to "
    r"me|my superpower|i bring|i'm good|i am good)\b", re.I)
VOICE_CUE = re.compile(r"\b(?:honestly|i love|i enjoy|the best part|i'd rather|i like)\b", re.I)


@dataclass
class Sorted:
    """The sentences of a story, by what they say."""

    name: str = ""
    now: list[str] = field(default_factory=list)
    next: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    proof_points: list[str] = field(default_factory=list)
    voice: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)


def _has_action(sentence: str) -> bool:
    doc = parse(sentence)
    return any(t.lemma_.lower() in ACTION_VERBS and t.pos_ in {"VERB", "AUX"} or
               (t.i == 0 and t.lower_ in ACTION_VERBS) for t in doc)


def kind_of(sentence: str) -> str:
    """What a sentence of a story says: now, next, strength, proof, voice or other."""
    if NEXT_CUE.search(sentence):
        return NEXT
    action = _has_action(sentence)
    if action and OUTCOME.search(sentence):
        return PROOF
    if STRENGTH_CUE.search(sentence):
        return STRENGTH
    if NOW_CUE.search(sentence):
        return NOW
    if action:
        return PROOF
    if VOICE_CUE.search(sentence):
        return VOICE
    return OTHER


def as_bullet(sentence: str) -> str:
    """A first-person achievement as a bullet says it: "I led X" -> "Led X"."""
    text = sentence.strip().rstrip(".!")
    text = re.sub(r"^(?:and |then |so |also )", "", text, flags=re.I)
    text = re.sub(r"^(?:i|we)\s+(?:also\s+|then\s+)?", "", text, flags=re.I)
    return text[:1].upper() + text[1:]


def _clauses(sentence: str) -> list[str]:
    """A sentence with several achievements ("I led X, and I taught Y") split at "and I"."""
    parts = re.split(r",?\s+and\s+(?=I\s)|;\s+", sentence)
    return [p.strip() for p in parts if p.strip()]


def sort_sentences(sentences: list[str]) -> Sorted:
    """Sort a story's sentences into its fields."""
    out = Sorted()
    for sentence in sentences:
        for clause in _clauses(sentence):
            kind = kind_of(clause)
            if kind == PROOF:
                out.proof_points.append(as_bullet(clause))
            elif kind == NEXT:
                out.next.append(clause.rstrip("."))
            elif kind == NOW:
                out.now.append(clause.rstrip("."))
            elif kind == STRENGTH:
                out.strengths.append(strength_phrase(clause))
            elif kind == VOICE:
                out.voice.append(clause)
            else:
                out.other.append(clause)
    return out


def strength_phrase(sentence: str) -> str:
    """ "I taught myself SQL and Python" -> "SQL and Python (self-taught)"; else the sentence."""
    m = re.search(r"taught myself (.+?)(?:\s+(?:to|so|in order|because|and then)\b|[.,;]|$)",
                  sentence, re.I)
    if m:
        return f"{m.group(1).strip()} (self-taught)"
    m = re.search(r"(?:good at|great at|strong at|skilled (?:in|at)|known for|fluent in|"
                  r"comfortable with|experienced (?:in|with)|expert in)\s+(.+)", sentence, re.I)
    if m:
        return m.group(1).strip().rstrip(".")
    return sentence.strip().rstrip(".")


def name_in(text: str) -> str:
    """ "I'm Maya Chen" / "My name is Maya Chen" -> "Maya Chen"."""
    m = re.search(r"\b(?:my name is|i'm|i am)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){1,2})\b(?!\s+at)",
                  text)
    if not m:
        return ""
    doc = parse(m.group(1))
    return m.group(1) if all(t.pos_ == "PROPN" for t in doc) else ""
