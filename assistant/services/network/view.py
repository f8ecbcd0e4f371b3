"""The map as a picture can show it: companies as single nodes, a sample of people, the rest
collapsed, laid out on rings without a force simulation (instant at 50k contacts)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from assistant.services.contacts.dedupe import normalize
from assistant.services.network.graph import ME, WORKS_AT, NetworkGraph
from assistant.services.network.people import TIER_STRENGTH, Person, company_key
from assistant.text import csv_text

TIERS = ("inner", "active", "dormant", "aspirational")
CLUSTERS = ("company", "tier")
TABLE_COLUMNS = ["Name", "Tier", "Company", "Title", "Past companies", "Introduced by"]
NO_COMPANY = "(no company)"
RING_SPACING = 0.36  # distance between neighbouring groups on the ring


@dataclass(frozen=True)
class MapNode:
    id: str
    label: str
    kind: str  # me | company | group | other | contact
    x: float
    y: float
    size: float
    hover: str
    tier: str = ""
    goal: bool = False


@dataclass
class MapView:
    """Positioned nodes and edges, plus what was left out."""

    nodes: list[MapNode] = field(default_factory=list)
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (a, b, works-at|...)
    people_total: int = 0
    people_shown: int = 0
    groups_total: int = 0
    groups_shown: int = 0

    @property
    def summary(self) -> str:
        """One line on what the picture holds and what it collapsed."""
        hidden = self.groups_total - self.groups_shown
        line = (f"{self.people_total:,} people in {self.groups_total:,} groups; showing "
                f"{self.people_shown:,} people and the {self.groups_shown:,} largest groups")
        return line + (f" ({hidden:,} smaller groups collapsed into 'Other')" if hidden else "")


@dataclass(frozen=True)
class MapFilter:
    """What the user narrowed the map to."""

    tiers: tuple[str, ...] = TIERS
    text: str = ""  # part of a name, company or title

    def keep(self, p: Person) -> bool:
        if p.tier not in self.tiers:
            return False
        wanted = normalize(self.text)
        if not wanted:
            return True
        hay = normalize(" ".join((p.name, p.company, p.title, *p.past_companies)))
        return wanted in hay


def filtered(net: NetworkGraph, flt: MapFilter) -> list[Person]:
    """The people the filter keeps, warmest tier first, then by name."""
    return sorted((p for p in net.people.values() if flt.keep(p)),
                  key=lambda p: (-TIER_STRENGTH.get(p.tier, 0), p.name.casefold()))


def build_view(net: NetworkGraph, flt: MapFilter, cluster: str = "company",
               max_groups: int = 25, max_people: int = 250,
               goal_companies: tuple[str, ...] = ()) -> MapView:
    """Group people by company (current, else past) or tier; show the largest groups."""
    people = filtered(net, flt)
    groups: dict[str, list[Person]] = defaultdict(list)
    links: dict[str, str] = {}
    for p in people:
        key, kind = _group_of(net, p, cluster)
        groups[key].append(p)
        links[p.id] = kind
    order = sorted(groups, key=lambda k: (-len(groups[k]), k))
    if cluster == "tier":
        order = [t for t in TIERS if t in groups]
    goals = {company_key(c) for c in goal_companies} if cluster == "company" else set()
    pinned = [k for k in order if k in goals]  # a target company is shown however small
    order = pinned + [k for k in order if k not in goals]
    shown, rest = order[:max(max_groups, len(pinned))], order[max(max_groups, len(pinned)):]
    view = MapView(people_total=len(people), groups_total=len(order), groups_shown=len(shown))
    view.nodes.append(MapNode(ME, "You", "me", 0.0, 0.0, 22.0, f"You: {len(people):,} people"))
    ring = len(shown) + (1 if rest else 0)
    spread = max(1.0, ring * RING_SPACING / (2 * math.pi))  # groups apart however many
    per_group = max(1, max_people // max(1, len(shown)))
    for i, key in enumerate(shown):
        angle = 2 * math.pi * i / max(1, ring)
        x, y = spread * math.cos(angle), spread * math.sin(angle)
        members = groups[key]
        label = _group_label(net, key, cluster)
        view.nodes.append(MapNode(f"group:{key}", label, "group", x, y,
                                  10 + 4 * math.sqrt(len(members)), _group_hover(label, members),
                                  tier=key if cluster == "tier" else "",
                                  goal=cluster == "company" and key in goals))
        view.edges.append((ME, f"group:{key}", "knows"))
        sample = members[:per_group]
        radius = 0.12 + 0.02 * math.sqrt(len(sample))
        for j, p in enumerate(sample):
            a = angle + 2 * math.pi * j / max(1, len(sample))
            view.nodes.append(MapNode(p.id, p.name, "contact", x + radius * math.cos(a),
                                      y + radius * math.sin(a), 7.0,
                                      f"{p.name}<br>{p.title or '-'} at {p.company or '-'}"
                                      f"<br>tier: {p.tier}", tier=p.tier))
            view.edges.append((f"group:{key}", p.id, links[p.id]))
        view.people_shown += len(sample)
    if rest:
        count = sum(len(groups[k]) for k in rest)
        angle = 2 * math.pi * len(shown) / ring
        view.nodes.append(MapNode("group:other", f"Other ({len(rest):,} groups)", "other",
                                  spread * math.cos(angle), spread * math.sin(angle),
                                  10 + 4 * math.sqrt(count),
                                  f"{len(rest):,} smaller groups, {count:,} people"))
        view.edges.append((ME, "group:other", "knows"))
    return view


def _group_of(net: NetworkGraph, p: Person, cluster: str) -> tuple[str, str]:
    if cluster == "tier":
        return p.tier, "knows"
    jobs = net.companies_of(p.id)
    current = [n for n, kind in jobs.items() if kind == WORKS_AT]
    if current:
        return current[0].split(":", 1)[1], WORKS_AT
    if jobs:
        return sorted(jobs)[0].split(":", 1)[1], "worked-at"
    return NO_COMPANY, "knows"


def _group_label(net: NetworkGraph, key: str, cluster: str) -> str:
    if cluster == "tier" or key == NO_COMPANY:
        return key
    return net.label(f"company:{key}")


def _group_hover(label: str, members: list[Person]) -> str:
    tiers = Counter(p.tier for p in members)
    spread = ", ".join(f"{t} {tiers[t]}" for t in TIERS if tiers[t])
    return f"{label}: {len(members):,} people<br>{spread}"


def table_rows(people: list[Person]) -> list[list[str]]:
    """The table view: one row per person."""
    return [[p.name, p.tier, p.company, p.title, "; ".join(p.past_companies), p.introduced_by]
            for p in people]


def to_csv(people: list[Person]) -> str:
    """The table view as CSV text (every filtered person, not just the rows on screen)."""
    rows: list[list[object]] = [list(row) for row in table_rows(people)]
    return csv_text(list(TABLE_COLUMNS), rows)


def view_json(view: MapView) -> dict[str, Any]:
    """The picture's data (for the API and tests)."""
    return {"summary": view.summary, "people_total": view.people_total,
            "people_shown": view.people_shown, "groups_total": view.groups_total,
            "groups_shown": view.groups_shown,
            "nodes": [n.__dict__ for n in view.nodes],
            "edges": [list(e) for e in view.edges]}
