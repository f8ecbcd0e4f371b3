"""The network map service: builds the graph from the records and answers map, goals, paths."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from assistant.errors import InputError
from assistant.services.network.goals import GoalsResult, align
from assistant.services.network.graph import NetworkGraph
from assistant.services.network.paths import PathFinder, WarmPath, resolve_target
from assistant.services.network.people import NetworkInput, Person, PersonNote
from assistant.services.network.view import (
    CLUSTERS,
    TIERS,
    MapFilter,
    MapView,
    build_view,
    filtered,
    to_csv,
)
from assistant.services.story.profile import ProfileService
from assistant.storage.records import RecordStore

log = logging.getLogger(__name__)

MAX_HOPS = 3
DEFAULT_PATHS = 20


@dataclass
class PathResult:
    """``warmline path --to``: what the target resolved to and the paths, best first."""

    to: str
    kind: str
    label: str
    paths: list[WarmPath]
    total: int
    suggestions: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """A line for a human: how many paths, or why there are none."""
        if self.paths:
            direct = sum(1 for p in self.paths if p.hops == 1)
            return f"{self.total} warm path(s) to {self.label} ({direct} direct shown first)"
        if self.kind == "none":
            hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
            return f"no contact works or worked at '{self.to}' or holds that role{hint}"
        return f"no warm path to {self.label} yet: no one you know is there or linked to them"

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``warmline path --json``."""
        return {"to": self.to, "target": {"kind": self.kind, "label": self.label},
                "total": self.total, "message": self.message,
                "suggestions": list(self.suggestions),
                "paths": [p.to_json() for p in self.paths]}


class NetworkService:
    """Reads contacts, notes and the profile; keeps the graph until any of them changes."""

    def __init__(self, records: RecordStore, profiles: ProfileService) -> None:
        self.records = records
        self.profiles = profiles
        self._cached: tuple[Any, NetworkGraph, PathFinder] | None = None
        self._goals: tuple[NetworkGraph, GoalsResult] | None = None

    # -- the graph ------------------------------------------------------------------------
    def graph(self) -> NetworkGraph:
        """The current network (rebuilt only after contacts, notes or the profile change)."""
        return self._current()[0]

    def finder(self) -> PathFinder:
        return self._current()[1]

    def _current(self) -> tuple[NetworkGraph, PathFinder]:
        profile = self.profiles.get()
        key = (self.records.contacts_version, self.records.notes_signature(),
               profile.model_dump_json())
        if self._cached is None or self._cached[0] != key:
            net = NetworkGraph(self._load(profile))
            self._cached = (key, net, PathFinder(net))
        return self._cached[1], self._cached[2]

    def _load(self, profile: Any) -> NetworkInput:
        people = [Person(pid, name, company, title, tier, tuple(past), introduced_by,
                         tuple(tags))
                  for pid, name, company, title, tier, tags, past, introduced_by
                  in self.records.contact_links()]
        notes = [PersonNote(*row) for row in self.records.contact_note_texts()]
        return NetworkInput(people, notes, [p.company for p in profile.positions],
                            list(profile.target_companies), list(profile.target_roles))

    # -- answers --------------------------------------------------------------------------
    def map(self, *, goals: bool = True) -> dict[str, Any]:
        """``warmline map --json``: nodes, edges, tiers, companies (and goals)."""
        net = self.graph()
        data = net.to_json()
        if goals:
            data["goals"] = self.goals().to_json()
        return data

    def path(self, to: str, *, max_hops: int = 2, limit: int = DEFAULT_PATHS) -> PathResult:
        """Warm paths to a company or role: direct (current, then past), then via others."""
        if not to.strip():
            msg = "say where to: a company or a role, e.g. --to 'Acme Health'"
            raise InputError(msg)
        if not 1 <= max_hops <= MAX_HOPS:
            msg = f"--max-hops is between 1 and {MAX_HOPS}"
            raise InputError(msg)
        if limit < 1:
            msg = "--limit must be at least 1"
            raise InputError(msg)
        net, finder = self._current()
        target = resolve_target(net, to)
        paths = finder.find(target, max_hops) if target.people else []
        return PathResult(to.strip(), target.kind, target.label, paths[:limit], len(paths),
                          target.suggestions)

    def export_graphml(self, path: Path) -> dict[str, int]:
        """Write the networkx graph as GraphML (for Gephi, Cytoscape, yEd); return counts."""
        g = self.graph().graph
        try:
            nx.write_graphml(g, path)
        except OSError as e:
            msg = f"cannot write {path}: {e.strerror or e}"
            raise InputError(msg) from e
        return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}

    def goals(self) -> GoalsResult:
        """Which contacts serve each target company and role, the gaps, whom to nurture."""
        net, finder = self._current()
        if self._goals is None or self._goals[0] is not net:  # kept as long as the graph
            self._goals = (net, align(finder, net.data.target_companies, net.data.target_roles))
        return self._goals[1]

    def view(self, *, cluster: str = "company", tiers: list[str] | None = None, text: str = "",
             max_groups: int = 25, max_people: int = 250) -> MapView:
        """The picture: the largest groups as single nodes, a sample of people, the rest
        collapsed."""
        if cluster not in CLUSTERS:
            msg = f"cluster by one of: {', '.join(CLUSTERS)}"
            raise InputError(msg)
        net = self.graph()
        return build_view(net, self._filter(tiers, text), cluster, max_groups, max_people,
                          tuple(net.data.target_companies))

    def people(self, *, tiers: list[str] | None = None, text: str = "") -> list[Person]:
        """The table view's people, warmest tier first."""
        return filtered(self.graph(), self._filter(tiers, text))

    def csv(self, *, tiers: list[str] | None = None, text: str = "") -> str:
        """The table view as CSV."""
        return to_csv(self.people(tiers=tiers, text=text))

    @staticmethod
    def _filter(tiers: list[str] | None, text: str) -> MapFilter:
        chosen = tuple(TIERS if tiers is None else tiers)
        unknown = set(chosen) - set(TIERS)
        if unknown:
            msg = f"unknown tier {', '.join(sorted(unknown))}; choose from {', '.join(TIERS)}"
            raise InputError(msg)
        return MapFilter(chosen, text)
