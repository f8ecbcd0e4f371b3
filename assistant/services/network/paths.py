"""Warm paths to a company or role: direct contacts first, then two- and three-hop chains."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from assistant.services.contacts.dedupe import normalize
from assistant.services.network.graph import (
    COMPANY_PREFIX,
    ME,
    WORKS_AT,
    NetworkGraph,
    company_node,
)
from assistant.services.network.people import Person, company_key, role_matches

KIND_ORDER = {"direct-current": 0, "direct-past": 1, "two-hop": 2, "three-hop": 3}
LINK_ORDER = {"current": 0, "past": 1, "role": 0, "introduced-by": 2, "note": 3, "colleagues": 4,
              "alumni": 5}
MAX_BRIDGES_PER_TARGET = 5  # colleagues at a big shared employer: the warmest few are enough
MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class Target:
    """What ``--to`` resolved to: company nodes, or a role; and who is there."""

    text: str
    kind: str  # company | role | none
    label: str
    companies: frozenset[str] = frozenset()
    people: dict[str, str] = field(default_factory=dict)  # person id -> current|past|role
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class WarmPath:
    """One way in: the chain of people from someone the user knows to someone at the target."""

    kind: str  # direct-current | direct-past | two-hop | three-hop
    link: str  # current | past | role | introduced-by | note | colleagues | alumni
    people: tuple[Person, ...]  # first: whom the user asks; last: who is at the target
    steps: tuple[str, ...]

    @property
    def hops(self) -> int:
        return 1 if self.kind.startswith("direct") else (3 if self.kind == "three-hop" else 2)

    @property
    def ask(self) -> Person:
        """The person the user writes to first."""
        return self.people[0]

    @property
    def why(self) -> str:
        return "; ".join(self.steps)

    def rank(self) -> tuple[int, int, int, str]:
        return (KIND_ORDER[self.kind], -self.ask.strength, LINK_ORDER[self.link],
                self.people[-1].name.casefold())

    def to_json(self) -> dict[str, Any]:
        """A path as ``warmline path --json`` prints it."""
        return {"kind": self.kind, "hops": self.hops, "link": self.link,
                "ask": self.ask.brief(), "target": self.people[-1].brief(),
                "via": [p.brief() for p in self.people[:-1]], "why": self.why,
                "steps": list(self.steps)}


def resolve_target(net: NetworkGraph, text: str, kind: str = "auto") -> Target:
    """A company the network knows (exact, then by its words), else a role held by someone."""
    key = company_key(text)
    nodes: set[str] = set()
    if kind == "role":
        pass
    elif COMPANY_PREFIX + key in net.company_labels:
        nodes.add(COMPANY_PREFIX + key)
    elif key:
        padded = f" {key} "
        nodes = {n for n in net.company_nodes() if padded in f" {n[len(COMPANY_PREFIX):]} "}
    if nodes:
        people: dict[str, str] = {}
        for node in sorted(nodes):
            for who, how in net.members(node).items():
                if people.get(who) != "current":
                    people[who] = "current" if how == WORKS_AT else "past"
        label = " / ".join(sorted(net.label(n) for n in nodes)) if len(nodes) <= 3 else text
        return Target(text, "company", label, frozenset(nodes), people)
    role = {} if kind == "company" else {
        p.id: "role" for p in net.people.values()
        if role_matches(text, " ".join((p.title, *p.tags)))}
    if role or kind == "role":
        return Target(text, "role", text.strip(), frozenset(), role)
    names = {n: n[len(COMPANY_PREFIX):] for n in net.company_nodes()}
    close = process.extract(key, names, scorer=fuzz.WRatio, limit=3, score_cutoff=80)
    return Target(text, "none", text.strip(), suggestions=tuple(net.label(c[2]) for c in close))


class PathFinder:
    """Finds and explains warm paths on one graph."""

    def __init__(self, net: NetworkGraph) -> None:
        self.net = net
        self._mentions: dict[str, set[str]] | None = None
        self._staff: dict[str, list[Person]] = {}

    def find(self, target: Target, max_hops: int = 2) -> list[WarmPath]:
        """Every warm path to ``target``, best first: direct current, direct past, then chains."""
        paths: list[WarmPath] = []
        people = self.net.people
        for pid, how in target.people.items():
            person = people[pid]
            if person.known:
                paths.append(self._direct(person, how, target))
            elif max_hops >= 2:
                paths += self._two_hop(person, how, target)
                if max_hops >= 3:
                    paths += self._three_hop(person, how, target)
        seen: set[tuple[str, ...]] = set()
        unique = []
        for path in sorted(paths, key=WarmPath.rank):
            key = tuple(p.id for p in path.people)
            if key not in seen:
                seen.add(key)
                unique.append(path)
        return unique

    # -- path kinds -----------------------------------------------------------------------
    def _direct(self, person: Person, how: str, target: Target) -> WarmPath:
        tier = f"{person.tier} tier"
        if how == "current":
            step = f"{person.name} works at {person.company or target.label} now ({tier})"
        elif how == "past":
            step = f"{person.name} worked at {self._company_in(person, target)} ({tier})"
            step += self._note_hint(person.id, target)
        else:
            step = f"{person.name} is a {person.title or 'match'} ({tier})"
        kind = "direct-past" if how == "past" else "direct-current"
        return WarmPath(kind, how, (person,), (step,))

    def _two_hop(self, person: Person, how: str, target: Target) -> list[WarmPath]:
        there = self._there(person, how, target)
        out = []
        for other, link, step in self._links(person, target):
            if other is None:  # the user's own former employer
                out.append(WarmPath("two-hop", link, (person,), (step, there)))
            elif other.known:
                out.append(WarmPath("two-hop", link, (other, person), (step, there)))
        out.sort(key=WarmPath.rank)
        return out[:MAX_BRIDGES_PER_TARGET]

    def _three_hop(self, person: Person, how: str, target: Target) -> list[WarmPath]:
        there = self._there(person, how, target)
        out = []
        for middle, _, step2 in self._people_links(person):
            if middle.known:
                continue
            for first, link, step1 in self._people_links(middle):
                if first.known and first.id != person.id:
                    out.append(WarmPath("three-hop", link, (first, middle, person),
                                        (step1, step2, there)))
        out.sort(key=WarmPath.rank)
        return out[:MAX_BRIDGES_PER_TARGET]

    # -- links between people -------------------------------------------------------------
    def _links(self, person: Person, target: Target) -> list[tuple[Person | None, str, str]]:
        """Everyone linked to ``person`` (None: the user), with the link kind and why."""
        links: list[tuple[Person | None, str, str]] = list(self._people_links(person))
        net = self.net
        mine = net.companies_of(ME)
        for node in net.companies_of(person.id):
            if node in target.companies:
                continue
            name = net.label(node)
            if node in mine:
                links.append((None, "alumni", f"you and {person.name} both worked at {name}"))
            colleagues = [c for c in self._known_staff(node) if c.id != person.id]
            for other in colleagues[:MAX_BRIDGES_PER_TARGET]:
                links.append((other, "colleagues",
                              f"{other.name} and {person.name} both worked at {name}"
                              + self._note_hint(other.id, None, node)))
        return links

    def _known_staff(self, node: str) -> list[Person]:
        """The warmest few people the user knows who work or worked at a company (cached)."""
        found = self._staff.get(node)
        if found is None:
            people = self.net.people
            known = (people[w] for w in self.net.members(node) if people[w].known)
            found = sorted(known, key=lambda c: (-c.strength, c.name.casefold()))
            found = found[:MAX_BRIDGES_PER_TARGET + 1]  # one more: the target may be among them
            self._staff[node] = found
        return found

    def _people_links(self, person: Person) -> list[tuple[Person, str, str]]:
        """Introduced-by edges and notes that name ``person``."""
        people = self.net.people
        links = []
        for other_id, role in self.net.introduced_links(person.id):
            other = people[other_id]
            if role == "introducer":
                why = f"{other.name} is {person.name}'s introducer"
            else:
                why = f"{person.name} introduced you to {other.name}"
            links.append((other, "introduced-by", why))
        for other_id in sorted(self.mentions().get(normalize(person.name), set())):
            if other_id != person.id:
                other = people[other_id]
                links.append((other, "note", f"your notes on {other.name} mention {person.name}"))
        return links

    def mentions(self) -> dict[str, set[str]]:
        """Name n-grams (2-4 words) in notes -> the contacts whose notes hold them."""
        if self._mentions is None:
            index: dict[str, set[str]] = defaultdict(set)
            for note in self.net.data.notes:
                if note.contact_id not in self.net.people:
                    continue
                tokens = normalize(note.text).split()
                for n in range(2, MAX_NAME_WORDS + 1):
                    for i in range(len(tokens) - n + 1):
                        index[" ".join(tokens[i:i + n])].add(note.contact_id)
            self._mentions = index
        return self._mentions

    # -- wording --------------------------------------------------------------------------
    def _there(self, person: Person, how: str, target: Target) -> str:
        if how == "current":
            return f"{person.name} works at {person.company or target.label}"
        if how == "past":
            return f"{person.name} worked at {self._company_in(person, target)}"
        return f"{person.name} is a {person.title}"

    def _company_in(self, person: Person, target: Target) -> str:
        for node in self.net.companies_of(person.id):
            if node in target.companies:
                return self.net.label(node)
        return target.label

    def _note_hint(self, person_id: str, target: Target | None, node: str = "") -> str:
        nodes = [node] if node else sorted(target.companies) if target else []
        for n in nodes:
            text = self.net.note_sources.get((person_id, n))
            if text:
                return f" (from your note: \"{text[:80]}\")"
        return ""


__all__ = ["PathFinder", "Target", "WarmPath", "company_node", "resolve_target"]
