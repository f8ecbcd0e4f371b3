"""Intro suggestions: pairs of contacts where one's goal meets the other's offer or field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.domain import Contact, Tier

GOAL_TAGS = ("seeking:", "goal:", "wants:", "looking-for:")
OFFER_TAGS = ("offers:", "offer:", "can-help:")
SHARED_INTEREST_SCORE = 1.0
GOAL_MEETS_OFFER_SCORE = 3.0
MAX_SUGGESTIONS = 10
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset({"a", "an", "the", "and", "of", "in", "at", "to", "for", "on", "with"})


@dataclass(frozen=True)
class IntroSuggestion:
    """Two people worth introducing, and why."""

    first_id: str
    first: str
    second_id: str
    second: str
    score: float
    why: str

    def to_json(self) -> dict[str, Any]:
        """The pair and the reason, for the CLI and API."""
        return {"first_id": self.first_id, "first": self.first, "second_id": self.second_id,
                "second": self.second, "score": self.score, "why": self.why}


def _terms(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


def _tagged(contact: Contact, prefixes: tuple[str, ...]) -> list[str]:
    return [t.split(":", 1)[1].strip() for t in contact.tags
            if t.lower().startswith(prefixes) and ":" in t]


def suggest_intros(contacts: list[Contact], limit: int = MAX_SUGGESTIONS) -> list[IntroSuggestion]:
    """Best pairs first: a goal one person has that the other's offer, title or company meets;
    then shared interests. Aspirational contacts are left out (the user does not know them)."""
    people = [c for c in contacts if c.tier is not Tier.ASPIRATIONAL]
    offers = {c.id: [(o, _terms(o)) for o in
                     [*_tagged(c, OFFER_TAGS), c.title, c.company] if o] for c in people}
    interests = {c.id: {i.strip().casefold() for i in c.interests if i.strip()} for c in people}
    scores: dict[tuple[str, str], float] = {}
    reasons: dict[tuple[str, str], list[str]] = {}
    by_id = {c.id: c for c in people}
    for seeker in people:
        goals = [(g, _terms(g)) for g in _tagged(seeker, GOAL_TAGS)]
        for other in people:
            if other.id == seeker.id:
                continue
            pair = (seeker.id, other.id) if seeker.id < other.id else (other.id, seeker.id)
            for goal, goal_terms in goals:
                offer = next((o for o, terms in offers[other.id]
                              if goal_terms and goal_terms <= terms), None)
                if offer is not None:
                    scores[pair] = scores.get(pair, 0.0) + GOAL_MEETS_OFFER_SCORE
                    reasons.setdefault(pair, []).append(
                        f"{seeker.name} wants {goal}; {other.name}: {offer}")
            shared = sorted(interests[seeker.id] & interests[other.id])
            if shared and pair[0] == seeker.id:
                scores[pair] = scores.get(pair, 0.0) + SHARED_INTEREST_SCORE * len(shared)
                reasons.setdefault(pair, []).append("both into " + ", ".join(shared))
    ranked = sorted(scores, key=lambda p: (-scores[p], by_id[p[0]].name.casefold()))
    return [IntroSuggestion(a, by_id[a].name, b, by_id[b].name, scores[(a, b)],
                            "; ".join(reasons[(a, b)])) for a, b in ranked[:limit]]
