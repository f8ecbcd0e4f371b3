"""The network as a networkx graph: the user, contacts and companies, and how they connect."""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

import networkx as nx

from assistant.services.contacts.dedupe import normalize
from assistant.services.network.people import NetworkInput, Person, employers_in_note
from assistant.services.network.people import company_key as _company_key

ME = "me"
COMPANY_PREFIX = "company:"
# Edge kinds (the vocabulary)
KNOWS = "knows"
WORKS_AT = "works-at"
WORKED_AT = "worked-at"
INTRODUCED_BY = "introduced-by"
TIERS = ("inner", "active", "dormant", "aspirational")


@lru_cache(maxsize=200_000)
def company_node(name: str) -> str:
    """The node id of a company: 'Acme, Inc.' and 'ACME' are one node ('company:' alone: none)."""
    return COMPANY_PREFIX + _company_key(name)


def _quick_key(name: str) -> str:
    return " ".join(name.casefold().split())


class NetworkGraph:
    """A networkx DiGraph, plus plain-dict indexes of it that path-finding reads in bulk.

    At 50k contacts, asking networkx for one node's neighbours of one edge kind walks every
    neighbour (the user has 50k), so the jobs, members and introductions are kept as dicts too.
    """

    def __init__(self, data: NetworkInput) -> None:
        self.data = data
        self.people: dict[str, Person] = {p.id: p for p in data.people}
        self.jobs: dict[str, dict[str, str]] = defaultdict(dict)  # person -> {company: kind}
        self.staff: dict[str, dict[str, str]] = defaultdict(dict)  # company -> {person: kind}
        self.company_labels: dict[str, str] = {}
        self.introductions: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.note_sources: dict[tuple[str, str], str] = {}  # (person, company) -> note text
        self._introduced: list[tuple[str, str]] = []
        self._build()
        self._graph: nx.DiGraph | None = None

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        for company in self.data.own_companies:
            self._employ(ME, company, WORKED_AT)
        for p in self.data.people:
            if p.company:
                self._employ(p.id, p.company, WORKS_AT)
            for past in p.past_companies:
                self._employ(p.id, past, WORKED_AT)
        for note in self.data.notes:
            if note.contact_id not in self.people:
                continue
            for employer in employers_in_note(note.text):
                if self._employ(note.contact_id, employer, WORKED_AT):
                    self.note_sources[(note.contact_id, company_node(employer))] = note.text
        self._link_introducers()

    def _link_introducers(self) -> None:
        """Resolve each 'introduced by' name to one contact (an ambiguous name links no one)."""
        asking = [p for p in self.data.people if p.introduced_by]
        if not asking:
            return
        # A cheap key first (50k full normalizations cost most of a second); the accent- and
        # punctuation-blind one only for the names the cheap key misses.
        quick: dict[str, list[str]] = defaultdict(list)
        for p in self.data.people:
            quick[_quick_key(p.name)].append(p.id)
        full: dict[str, list[str]] | None = None
        for p in asking:
            found = quick.get(_quick_key(p.introduced_by))
            if not found:
                if full is None:
                    full = defaultdict(list)
                    for other in self.data.people:
                        full[normalize(other.name)].append(other.id)
                found = full.get(normalize(p.introduced_by), [])
            if len(found) == 1 and found[0] != p.id:
                self._introduced.append((p.id, found[0]))
                self.introductions[p.id].append((found[0], "introducer"))
                self.introductions[found[0]].append((p.id, "introduced"))

    def _employ(self, who: str, company: str, kind: str) -> bool:
        """Record a works-at / worked-at link; a current job wins over the same past one."""
        node = company_node(company)
        if node == COMPANY_PREFIX:
            return False
        self.company_labels.setdefault(node, company.strip())
        jobs = self.jobs[who]
        if jobs.get(node) == WORKS_AT or (node in jobs and kind == WORKED_AT):
            return False
        jobs[node] = kind
        if who != ME:
            self.staff[node][who] = kind
        return True

    @property
    def graph(self) -> nx.DiGraph:
        """The networkx graph (built on first use: GraphML export, algorithms, tests)."""
        if self._graph is None:
            g: nx.DiGraph = nx.DiGraph()
            g.add_nodes_from((n["id"], {k: v for k, v in n.items() if k != "id"})
                             for n in self.nodes())
            g.add_edges_from((e["source"], e["target"], {k: v for k, v in e.items()
                                                         if k not in ("source", "target")})
                             for e in self.edges())
            self._graph = g
        return self._graph

    def nodes(self) -> list[dict[str, str]]:
        """You, every contact and every company, as JSON objects."""
        return [{"id": ME, "kind": "me", "label": "You"},
                *({"id": p.id, "kind": "contact", "label": p.name, "tier": p.tier,
                   "company": p.company, "title": p.title} for p in self.data.people),
                *({"id": node, "kind": "company", "label": label}
                  for node, label in self.company_labels.items())]

    def edges(self) -> list[dict[str, str]]:
        """knows (with tier), works-at, worked-at and introduced-by, as JSON objects."""
        return [*({"source": ME, "target": p.id, "kind": KNOWS, "tier": p.tier}
                  for p in self.data.people),
                *({"source": who, "target": node, "kind": kind}
                  for who, jobs in self.jobs.items() for node, kind in jobs.items()),
                *({"source": a, "target": b, "kind": INTRODUCED_BY}
                  for a, b in self._introduced)]

    # -- reading --------------------------------------------------------------------------
    def companies_of(self, person_id: str) -> dict[str, str]:
        """{company node: 'works-at' | 'worked-at'} for a person (or ``ME``)."""
        return self.jobs.get(person_id, {})

    def members(self, company: str) -> dict[str, str]:
        """{person id: 'works-at' | 'worked-at'} for a company node (the user left out)."""
        return self.staff.get(company, {})

    def introduced_links(self, person_id: str) -> list[tuple[str, str]]:
        """(other person, 'introducer' | 'introduced') for each introduced-by link of one."""
        return self.introductions.get(person_id, [])

    def label(self, node: str) -> str:
        if node.startswith(COMPANY_PREFIX):
            return self.company_labels.get(node, node)
        return self.people[node].name if node in self.people else "You"

    def company_nodes(self) -> list[str]:
        return list(self.company_labels)

    def to_json(self) -> dict[str, Any]:
        """``warmline map --json``: nodes, edges, tier counts and companies by size."""
        nodes, edges = self.nodes(), self.edges()
        tiers = Counter(p.tier for p in self.people.values())
        mine = self.companies_of(ME)
        companies: list[dict[str, Any]] = []
        for node, label in self.company_labels.items():
            kinds = Counter(self.members(node).values())
            companies.append({"id": node, "name": label, "current": kinds[WORKS_AT],
                              "past": kinds[WORKED_AT], "yours": node in mine})
        companies.sort(key=lambda c: (-(c["current"] + c["past"]), c["name"].casefold()))
        return {
            "counts": {"contacts": len(self.people), "companies": len(companies),
                       "edges": len(edges)},
            "tiers": {tier: tiers.get(tier, 0) for tier in TIERS},
            "companies": companies, "nodes": nodes, "edges": edges,
        }
