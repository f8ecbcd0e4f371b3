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
    spearheaded oversee oversaw set hire hired onboard onboarded close closed sell sold find found
    identify identified uncover uncovered recover recovered catch caught fix fixed
    generate generated present presented secure secured expand expanded consolidate consolidated
    resolve resolved eliminate eliminated""".split())
OUTCOME = re.compile(
    r"\d|\b(?:percent|per cent|half|double[ds]?|triple[ds]?|fewer|faster|saved?|cut|reduc\w+|"
    r"increas\w+|grew|growth|from \w+ to|won|award\w*|zero|first)\b", re.I)
NEXT_CUE = re.compile(
    r"\b(?:want(?:s|ed)? (?:to|an?)|would like to|i'd like to|hope to|hoping to|aim(?:ing)? to|"
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


IDENTITY = re.compile(r"\b(?:i am an?|i'm an?|i work as|years as an?|i've been an?|i have been "
                      r"an?|i was an?|i've worked as|i have worked as)\b", re.I)


def kind_of(sentence: str) -> str:
    """What a sentence of a story says: now, next, strength, proof, voice or other."""
    if NEXT_CUE.search(sentence):
        return NEXT
    if IDENTITY.search(sentence) or _role_fragment(sentence):
        return NOW
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


def _role_fragment(sentence: str) -> bool:
    """ "Senior backend engineer, 12 years, ..." or "Data analyst who turns ...": a role first."""
    from assistant.drafting.language.story import is_person_noun  # noqa: PLC0415

    doc = parse(sentence)
    chunks = list(doc.noun_chunks)
    if not chunks or chunks[0].start != 0 or chunks[0].root.pos_ == "PRON":
        return False
    starts_clause = not any(t.tag_ in {"VBD", "VBP", "VBZ"} and t.i < chunks[0].end for t in doc)
    return starts_clause and is_person_noun(chunks[0].text) and doc[0].lower_ not in {"my", "the"}


_NEXT_LEAD = re.compile(
    r"^(?:and |so |now |next,? )?(?:i(?:'m| am)? )?(?:really )?(?:want(?:s)? to|would like to|"
    r"i'd like to|hope to|am hoping to|hoping to|aim to|plan to|looking to|am looking to|"
    r"ready for|ready to|excited to|am ready for|am excited to)\s+(?:(?:move|get|go|transition|"
    r"pivot|step|return|break)\s+(?:(?:in)?to|as)\s+|become\s+|be\s+|join\s+|find\s+|land\s+|"
    r"a move into\s+)?", re.I)


def next_target(sentence: str) -> str:
    """ "I want to move into health-tech product management." -> "health-tech product
    management"; "Want to become an operations manager" -> "an operations manager"."""
    text = sentence.strip().rstrip(".!")
    target = _NEXT_LEAD.sub("", text, count=1).strip()
    target = re.sub(r"^(?:a|an)\s+(?=\w)", "", target) if target != text else target
    target = re.sub(r",?\s+(?:where|so that|because|since)\b.*$", "", target)
    joined = re.match(r"(?:an? )?(.+?) as (?:an? )?(.+)$", target)
    if joined and target != text:  # "join a platform team as a staff engineer"
        target = f"{joined.group(2)} on {joined.group(1)}" if "team" in joined.group(1) \
            else joined.group(2)
    return target[:1].upper() + target[1:] if target else text


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
                out.next.append(next_target(clause))
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
