"""The offline router: rules for the sure cases, MiniLM nearest examples for the rest."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.llm.embeddings import Embeddings
from assistant.services.coach import intents as it
from assistant.services.coach import rules
from assistant.services.coach.names import NameMatch, NameResolver, Person

MIN_SIMILARITY = 0.42  # below this, no example is close: the coach says it cannot help
NEIGHBOURS = 3
_UNKNOWN_NAME = re.compile(
    r"\b(?:to|with|for|about|thank|congratulate|email|text|message|invite|ping|dm|delete|remove|"
    r"on|is|open)\s+(?P<n>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
_NOT_NAMES = frozenset({"I", "LinkedIn", "Linkedin", "Monday", "Tuesday", "Wednesday",
                        "Thursday", "Friday", "Saturday", "Sunday", "The", "My", "A", "An",
                        "English", "Oslo"})


@dataclass
class Route:
    """An intent, its slots, how sure the router is and why."""

    intent: str
    slots: dict[str, str] = field(default_factory=dict)
    confidence: float = 1.0
    via: str = "rule"  # rule | examples | fallback
    options: list[Person] = field(default_factory=list)  # when the contact is AMBIGUOUS
    contact: Person | None = None

    @property
    def changes_data(self) -> bool:
        return self.intent in it.CHANGES_DATA

    def to_json(self) -> dict[str, Any]:
        """The route as data (the CLI's --json, the eval)."""
        return {"intent": self.intent, "slots": dict(self.slots),
                "confidence": round(self.confidence, 3), "via": self.via,
                "changes_data": self.changes_data,
                "options": [p.label() for p in self.options]}


class ExampleIndex:
    """The intent examples embedded once; a message's nearest examples vote."""

    def __init__(self, embeddings: Embeddings,
                 examples: dict[str, tuple[str, ...]] = it.EXAMPLES) -> None:
        self.embeddings = embeddings
        self.labels = [intent for intent, texts in examples.items() for _ in texts]
        self.texts = [text for texts in examples.values() for text in texts]
        self._matrix: np.ndarray | None = None
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Embed the examples now (the first reply should not pay for it)."""
        with self._lock:
            if self._matrix is None:
                vectors = np.asarray(self.embeddings.embed_documents(self.texts), dtype=np.float32)
                norms = np.linalg.norm(vectors, axis=1, keepdims=True)
                self._matrix = vectors / np.clip(norms, 1e-12, None)

    def nearest(self, text: str) -> tuple[str, float]:
        """The intent whose nearest examples are closest, and their mean similarity."""
        self.warm()
        assert self._matrix is not None  # noqa: S101 - set by warm()
        query = np.asarray(self.embeddings.embed_query(text), dtype=np.float32)
        query = query / max(float(np.linalg.norm(query)), 1e-12)
        sims = self._matrix @ query
        best: dict[str, list[float]] = {}
        for index in np.argsort(-sims)[: NEIGHBOURS * 3]:
            best.setdefault(self.labels[index], []).append(float(sims[index]))
        scored = {k: float(np.mean(v[:NEIGHBOURS])) + 0.02 * min(len(v), NEIGHBOURS)
                  for k, v in best.items()}
        intent = max(scored, key=lambda k: scored[k])
        return intent, max(best[intent])


class Router:
    """Turns one message into a Route, offline and deterministically."""

    def __init__(self, examples: ExampleIndex, people: Callable[[], list[Person]]) -> None:
        self.examples = examples
        self.people = people

    def route(self, text: str) -> Route:
        """Pick the intent and fill the slots the message gives."""
        text = " ".join(text.split())
        if not text:
            return Route(it.HELP, via="rule")
        resolver = NameResolver(self.people())
        names = resolver.find(text)
        intent, via, confidence = self._intent(text, names)
        route = Route(intent, via=via, confidence=confidence)
        self._fill(route, text, names)
        return route

    # -- intent ------------------------------------------------------------------------------
    def _intent(self, text: str, names: list[NameMatch]) -> tuple[str, str, float]:
        named = bool(names)
        if rules.HELP.search(text):
            return it.HELP, "rule", 1.0
        if rules.revise_action(text) and not named and len(text.split()) <= 12 and not (
            rules.PITCH.search(text) and not rules.REFERS_BACK.search(text)
        ):
            return it.REVISE, "rule", 0.95
        if named and rules.DELETE.search(text):
            return it.EDIT, "rule", 0.95
        if named and rules.TIER_WORD.search(text) and rules.TIER_VERB.search(text) and (
            _tier(text)
        ):
            return it.EDIT, "rule", 0.95
        if rules.UNSUPPORTED.search(text) and not rules.PITCH.search(text):
            return it.UNSUPPORTED, "rule", 0.9
        if rules.INTERVIEW.search(text):
            return it.INTERVIEW, "rule", 0.95
        drafting = bool(rules.DRAFT_VERB.search(text))
        touch = rules.PAST_TOUCH.search(text)
        wants = rules.DRAFT_ANY.search(text)
        if wants and touch and wants.start() < touch.start() or rules.WRITE_REQUEST.search(text):
            drafting = True  # "thank Ben, we met last week": the request comes first
        if named and rules.CONTACT_QUESTION.search(text) and not drafting:
            return it.CONTACT, "rule", 0.85
        if named and not drafting and touch:
            return it.LOG, "rule", 0.9
        if not named and rules.PATH_STRONG.search(text):
            return it.PATH, "rule", 0.9
        if rules.PITCH.search(text) and not named:
            return it.PITCH, "rule", 0.95
        if rules.PATH.search(text) and not (named and drafting):
            return it.PATH, "rule", 0.9
        if rules.MAP.search(text) and not named:
            return it.MAP, "rule", 0.9
        if not named and rules.DUE.search(text) and rules.WHO_OR_LIST.search(text):
            return it.DUE, "rule", 0.9
        if named and (drafting or rules.DRAFT_ANY.search(text)):
            return it.DRAFT, "rule", 0.9
        if named and rules.CONTACT.search(text):
            return it.CONTACT, "rule", 0.85
        if not named and rules.PAST_TOUCH.search(text) and re.search(
            r"\bmark (it|that|this)|\bi sent (it|that)", text, re.IGNORECASE
        ):
            return it.LOG, "rule", 0.8
        stranger = _UNKNOWN_NAME.search(text)
        if not named and not drafting and stranger and rules.PAST_TOUCH.search(text):
            return it.LOG, "rule", 0.75
        if rules.SEARCH.search(text) and not named:
            return it.SEARCH, "rule", 0.85
        if named and len(text.split()) <= 3:
            return it.CONTACT, "rule", 0.7
        if not named and rules.INTERVIEW_WORD.search(text) and not rules.INFO_INTERVIEW.search(
            text
        ):
            return it.INTERVIEW, "rule", 0.7
        intent, similarity = self.examples.nearest(text)
        if similarity < MIN_SIMILARITY and not named:
            return it.UNSUPPORTED, "fallback", similarity
        if named:
            # A named person narrows the choice to what can be done with one contact.
            if intent == it.LOG and not rules.PAST_TOUCH.search(text):
                intent = it.DRAFT
            elif intent == it.EDIT or intent not in (it.DRAFT, it.CONTACT, it.LOG):
                intent = it.CONTACT if intent != it.DRAFT else intent
        return intent, "examples", similarity

    # -- slots -------------------------------------------------------------------------------
    def _fill(self, route: Route, text: str, names: list[NameMatch]) -> None:
        slots = route.slots
        intent = route.intent
        if intent in (it.DRAFT, it.CONTACT, it.LOG, it.EDIT):
            self._contact(route, text, names)
        if intent == it.DRAFT:
            kind = rules.first_label(text, rules.DRAFT_KINDS)
            if kind:
                slots["kind"] = kind
            channel = rules.first_label(text, rules.CHANNELS)
            if channel:
                slots["channel"] = channel
        elif intent == it.REVISE:
            slots["action"] = rules.revise_action(text) or "another"
        elif intent == it.SEARCH:
            slots["query"] = rules.search_query(text)
        elif intent == it.PITCH:
            kind = rules.first_label(text, rules.PITCH_KINDS)
            if kind:
                slots["kind"] = kind
            cue = rules.PITCH.search(text)
            who = rules.audience(text, cue.start() if cue else 0)
            if who:
                slots["audience"] = who
        elif intent == it.INTERVIEW:
            role = rules.role(text)
            if role:
                slots["role"] = role
        elif intent == it.LOG:
            slots["kind"] = rules.first_label(text, rules.LOG_KINDS) or "other"
            note = _note(text, names)
            if note:
                slots["note"] = note
        elif intent == it.EDIT:
            if rules.DELETE.search(text):
                slots["field"] = "delete"
            else:
                slots["field"] = "tier"
                tier = _tier(text)
                if tier:
                    slots["value"] = tier
        elif intent == it.PATH:
            where = rules.target(text)
            if where:
                slots["target"] = where

    @staticmethod
    def _contact(route: Route, text: str, names: list[NameMatch]) -> None:
        if names:
            first = names[0]
            route.slots["contact"] = first.slot()
            if first.resolved:
                route.contact = first.resolved
            else:
                route.options = first.people
            return
        unknown = _UNKNOWN_NAME.search(text)
        if unknown and unknown.group("n").split()[0] not in _NOT_NAMES:
            route.slots["contact"] = unknown.group("n")


def _tier(text: str) -> str | None:
    return rules.first_label(text, rules.TIERS)


def _note(text: str, names: list[NameMatch]) -> str | None:
    """The news in a logged touch: what follows the clause naming the person."""
    after = names[0].end if names else 0
    split = rules.NOTE_SPLIT.search(text, after)
    if split:
        note = rules.clean_free_text(text[split.end():])
    elif names and rules.NOTE_LEAD.match(text):
        note = rules.clean_free_text(text[after:])
    else:
        return None
    note = re.sub(r"^(?:today|yesterday|this morning|last (?:week|night)|earlier)\b[, ]*", "",
                  note, flags=re.IGNORECASE)
    return note or None
