"""The network as a networkx graph: the user, contacts and companies, and how they connect."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from assistant.services.contacts.dedupe import normalize
from assistant.services.network.people import (
    NetworkInput,
    Person,
    company_key,
    employers_in_note,
)

ME = "me"
COMPANY_PREFIX = "company:"
# Edge kinds (the vocabulary)
KNOWS = "knows"
WORKS_AT = "works-at"
WORKED_AT = "worked-at"
INTRODUCED_BY = "introduced-by"


def company_node(name: str) -> str:
    """The node id of a company: 'Acme, Inc.' and 'ACME' are one node."""
    return COMPANY_PREFIX + company_key(name)


class NetworkGraph:
    """A directed graph plus the lookups path-finding needs (people by id, by name)."""

    def __init__(self, data: NetworkInput) -> None:
        self.data = data
        self.graph: nx.DiGraph = nx.DiGraph()
        self.people: dict[str, Person] = {p.id: p for p in data.people}
        self.note_sources: dict[tuple[str, str], str] = {}  # (person, company node) -> note text
        self._build()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        g = self.graph
        g.add_node(ME, kind="me", label="You")
        for company in self.data.own_companies:
            self._employ(ME, company, WORKED_AT, "profile")
        by_name: dict[str, list[str]] = {}
        for p in self.data.people:
            g.add_node(p.id, kind="contact", label=p.name, tier=p.tier, company=p.company,
                       title=p.title)
            g.add_edge(ME, p.id, kind=KNOWS, tier=p.tier)
            by_name.setdefault(normalize(p.name), []).append(p.id)
            if p.company.strip():
                self._employ(p.id, p.company, WORKS_AT, "contact")
            for past in p.past_companies:
                self._employ(p.id, past, WORKED_AT, "contact")
        for note in self.data.notes:
            if note.contact_id not in self.people:
                continue
            for employer in employers_in_note(note.text):
                if self._employ(note.contact_id, employer, WORKED_AT, f"note:{note.id}"):
                    self.note_sources[(note.contact_id, company_node(employer))] = note.text
        for p in self.data.people:
            introducer = by_name.get(normalize(p.introduced_by), []) if p.introduced_by else []
            if len(introducer) == 1 and introducer[0] != p.id:  # an ambiguous name links no one
                g.add_edge(p.id, introducer[0], kind=INTRODUCED_BY)

    def _employ(self, who: str, company: str, kind: str, origin: str) -> bool:
        """Add a works-at / worked-at edge; a current job wins over the same past one."""
        key = company_key(company)
        if not key:
            return False
        node = COMPANY_PREFIX + key
        if node not in self.graph:
            self.graph.add_node(node, kind="company", label=company.strip())
        existing = self.graph.get_edge_data(who, node)
        if existing and (existing["kind"] == WORKS_AT or kind == WORKED_AT):
            return False
        self.graph.add_edge(who, node, kind=kind, origin=origin)
        return True

    # -- reading --------------------------------------------------------------------------
    def companies_of(self, person_id: str) -> dict[str, str]:
        """{company node: 'works-at' | 'worked-at'} for a person (or ``ME``)."""
        return {node: attrs["kind"] for node, attrs in self.graph[person_id].items()
                if attrs["kind"] in (WORKS_AT, WORKED_AT)}

    def members(self, company: str) -> dict[str, str]:
        """{person id: 'works-at' | 'worked-at'} for a company node (the user left out)."""
        return {who: attrs["kind"] for who, attrs in self.graph.pred[company].items()
                if who != ME}

    def introduced_links(self, person_id: str) -> list[tuple[str, str]]:
        """(other person, 'introducer' | 'introduced') for each introduced-by edge touching one."""
        links = [(other, "introducer") for other, attrs in self.graph[person_id].items()
                 if attrs["kind"] == INTRODUCED_BY]
        links += [(other, "introduced") for other, attrs in self.graph.pred[person_id].items()
                  if attrs["kind"] == INTRODUCED_BY]
        return links

    def label(self, node: str) -> str:
        return str(self.graph.nodes[node].get("label", node))

    def company_sizes(self) -> Counter[str]:
        """Company node -> number of people who work or worked there."""
        return Counter({node: len(self.members(node)) for node in self.company_nodes()})

    def company_nodes(self) -> list[str]:
        return [n for n, kind in self.graph.nodes(data="kind") if kind == "company"]

    def to_json(self) -> dict[str, Any]:
        """``warmline map --json``: nodes, edges, tier counts and companies by size."""
        g = self.graph
        nodes = [{"id": n, **attrs} for n, attrs in g.nodes(data=True)]
        edges = [{"source": a, "target": b, **attrs} for a, b, attrs in g.edges(data=True)]
        tiers = Counter(p.tier for p in self.people.values())
        companies: list[dict[str, Any]] = []
        for node in self.company_nodes():
            kinds = Counter(self.members(node).values())
            companies.append({"id": node, "name": self.label(node), "current": kinds[WORKS_AT],
                              "past": kinds[WORKED_AT],
                              "yours": node in g[ME]})
        companies.sort(key=lambda c: (-(c["current"] + c["past"]), c["name"].casefold()))
        return {
            "counts": {"contacts": len(self.people), "companies": len(companies),
                       "edges": g.number_of_edges()},
            "tiers": {tier: tiers.get(tier, 0) for tier in ("inner", "active", "dormant",
                                                            "aspirational")},
            "companies": companies, "nodes": nodes, "edges": edges,
        }
