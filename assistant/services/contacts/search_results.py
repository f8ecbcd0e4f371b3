"""What a contact search returns: ranked results with their reasons, and what a model added."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.services.contacts.query_rewrite import Rewrite


@dataclass
class SearchResult:
    """One contact in a ranking, with the reasons it is there."""

    id: str
    name: str
    company: str
    title: str
    tier: str
    tags: list[str]
    score: float
    why: list[str] = field(default_factory=list)
    # "exact": the query spells out their name or employer; "related": found by meaning alone
    # next to exact matches; "match": everything else.
    match: str = "match"

    def to_json(self) -> dict[str, Any]:
        """The shape promised by the interface contract (plus tier and tags)."""
        return {"id": self.id, "name": self.name, "company": self.company, "title": self.title,
                "tier": self.tier, "tags": self.tags, "score": round(self.score, 4),
                "why": self.why, "match": self.match}


@dataclass
class Found:
    """A ranking, and what a model added to the query when asked to (``expand``)."""

    results: list[SearchResult]
    rewrite: Rewrite | None = None

    def to_json(self) -> dict[str, Any]:
        """``{"results": [...]}``, plus ``expanded`` (terms, engine, notice) when asked."""
        found: dict[str, Any] = {"results": [r.to_json() for r in self.results]}
        return {**found, "expanded": self.rewrite.to_json()} if self.rewrite else found
