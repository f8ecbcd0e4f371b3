"""What the network map knows of each person: plain rows, so tests can build graphs by hand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from assistant.services.contacts.dedupe import company_key, normalize

TIER_STRENGTH = {"inner": 3, "active": 2, "dormant": 1, "aspirational": 0}
KNOWN_TIERS = frozenset({"inner", "active", "dormant"})  # aspirational: not met yet
_WORD = r"[A-Z0-9&][\w&'-]*(?:\.[\w&'-]+)*"  # 'Amazon.com', not a sentence's full stop
# "former colleague from X", "used to work at X", "worked at X", "ex-X", "previously at X"
_EMPLOYER_IN_NOTE = re.compile(
    r"\b(?i:former\s+colleague\s+(?:from|at)|(?:used\s+to|once)\s+work(?:ed)?\s+(?:at|for)|"
    r"worked\s+(?:at|for)|previously\s+(?:at|with)|formerly\s+(?:at|of)|"
    r"colleagues?\s+(?:from|at)\s+(?:my\s+|our\s+)?(?:time|days)\s+at|alum(?:ni|nus|na)?\s+of|"
    r"ex-)\s*(" + _WORD + r"(?:\s+(?:" + _WORD + r"|of|&|de|for))*)"
)
_TRAILING = re.compile(r"(?:\s+(?:of|&|de|for))+$|[.,;:'-]+$")


class Person(NamedTuple):
    """One contact as the map sees them (a tuple: 50k are built per map in a fraction of a s)."""

    id: str
    name: str
    company: str = ""
    title: str = ""
    tier: str = "active"
    past_companies: tuple[str, ...] = ()
    introduced_by: str = ""
    tags: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        """The user has met this person (every tier but aspirational)."""
        return self.tier in KNOWN_TIERS

    @property
    def strength(self) -> int:
        return TIER_STRENGTH.get(self.tier, 0)

    def brief(self) -> dict[str, str]:
        """The person in a path's JSON."""
        return {"id": self.id, "name": self.name, "company": self.company, "title": self.title,
                "tier": self.tier}


@dataclass(frozen=True)
class PersonNote:
    """A note's text on a contact (only what the map reads from it)."""

    id: str
    contact_id: str
    text: str


@dataclass
class NetworkInput:
    """Everything the graph is built from: contacts, their notes, the user's own jobs."""

    people: list[Person]
    notes: list[PersonNote] = field(default_factory=list)
    own_companies: list[str] = field(default_factory=list)  # the user's Positions
    target_companies: list[str] = field(default_factory=list)
    target_roles: list[str] = field(default_factory=list)


def employers_in_note(text: str) -> list[str]:
    """Past employers a note names: 'former colleague from Globex' -> ['Globex']."""
    found = []
    for match in _EMPLOYER_IN_NOTE.finditer(text):
        name = _TRAILING.sub("", match.group(1).strip()).strip()
        while _TRAILING.search(name):
            name = _TRAILING.sub("", name).strip()
        if name and company_key(name):
            found.append(name)
    return found


def words(text: str) -> list[str]:
    """Normalized words with a plural 's' taken off ('managers' ~ 'manager')."""
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in normalize(text).split()]


ROLE_STOPWORDS = frozenset({"a", "an", "the", "of", "in", "and", "at", "for", "to", "sr", "jr"})


def role_matches(role: str, text: str) -> bool:
    """Every meaningful word of a target role appears in ``text`` (a title, tags)."""
    wanted = _role_words(role)
    return bool(wanted) and wanted <= _word_set(text)


@lru_cache(maxsize=4096)
def _role_words(role: str) -> frozenset[str]:
    return frozenset(w for w in words(role) if w not in ROLE_STOPWORDS)


@lru_cache(maxsize=65536)
def _word_set(text: str) -> frozenset[str]:
    """Titles repeat across a network: each distinct one is split once."""
    return frozenset(words(text))


__all__ = ["KNOWN_TIERS", "TIER_STRENGTH", "NetworkInput", "Person", "PersonNote", "company_key",
           "employers_in_note", "role_matches"]
