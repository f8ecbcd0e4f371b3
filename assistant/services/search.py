"""Hybrid contact search: exact and fuzzy names and companies, plus meaning, in one ranking."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from assistant.domain import Contact, Note
from assistant.services.dedupe import normalize
from assistant.services.lexicon import ContactRow, LexicalIndex
from assistant.storage.index import Hit, SearchIndex
from assistant.storage.records import RecordStore

log = logging.getLogger(__name__)

# Semantic similarities below this are noise for all-MiniLM (unrelated texts score ~0-0.15).
MIN_SIMILARITY = 0.2
SEMANTIC_WEIGHT = 0.5
NOTE_WEIGHT = 0.5
SNIPPET_CHARS = 80
MAX_SEMANTIC = 200
MIN_SCORE = 0.02  # below this a result is only the semantic noise floor
RESOLVE_SCORE = 0.85  # a loosely typed name must match this well, and clearly best


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

    def to_json(self) -> dict[str, Any]:
        """The shape promised by the interface contract (plus tier and tags)."""
        return {"id": self.id, "name": self.name, "company": self.company, "title": self.title,
                "tier": self.tier, "tags": self.tags, "score": round(self.score, 4),
                "why": self.why}


@dataclass
class _Candidate:
    lexical: float = 0.0
    semantic: float = 0.0
    note: float = 0.0
    why: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.lexical + SEMANTIC_WEIGHT * self.semantic + NOTE_WEIGHT * self.note


class SearchService:
    """Ranks contacts by name, company and meaning; also serves grounding for drafts and goals."""

    def __init__(
        self, records: RecordStore, index: SearchIndex, min_similarity: float = MIN_SIMILARITY
    ) -> None:
        self.records = records
        self.index = index
        self.min_similarity = min_similarity
        self._lexicon: LexicalIndex | None = None
        self._built_version = -1
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="warmline-search")

    # -- the in-memory lexical index ------------------------------------------------------
    def lexicon(self) -> LexicalIndex:
        """The name/company index, rebuilt only when contacts changed since the last build."""
        with self._lock:
            version = self.records.contacts_version
            if self._lexicon is None or version != self._built_version:
                rows = self.records.contact_rows()
                self._lexicon = LexicalIndex(ContactRow.from_record(r) for r in rows)
                self._built_version = version
                log.debug("lexical index rebuilt: %d contacts", len(self._lexicon))
            return self._lexicon

    # -- search ---------------------------------------------------------------------------
    def search(
        self, query: str, *, k: int = 20, tier: str = "", tag: str = "", company: str = "",
        fields: tuple[str, ...] = ("name", "company"),
    ) -> list[SearchResult]:
        """Contacts best matching ``query`` (names, companies, titles, notes), best first."""
        lexicon = self.lexicon()
        allowed = lexicon.filtered(tier=tier, tag=tag, company=company)
        if not query.strip():
            return [self._result(lexicon.contact(cid), 0.0, ["filters"] if allowed is not None
                                 else []) for cid in lexicon.by_name(allowed)[:k]]
        # Enough semantic candidates to survive the filters, but bounded: past a few hundred
        # the hits are weak and the vector query gets slower. Both vector queries run while
        # the lexical match runs here (ONNX and Chroma release the GIL).
        wide = min(k * 3 if allowed is None else k * 10, MAX_SEMANTIC)
        where = {"tier": tier.strip().lower()} if tier.strip() else None
        contact_hits = self._pool.submit(self._semantic, "contact", query, wide, where)
        note_hits = self._pool.submit(self._semantic, "note", query, wide, None)
        candidates: dict[str, _Candidate] = {}
        for match in lexicon.match(query, fields=fields):
            if allowed is None or match.contact_id in allowed:
                cand = candidates.setdefault(match.contact_id, _Candidate())
                cand.lexical = match.score
                cand.why.extend(match.why)
        for hit in contact_hits.result():
            if hit.id in lexicon and (allowed is None or hit.id in allowed):
                cand = candidates.setdefault(hit.id, _Candidate())
                cand.semantic = self._strength(hit.score)
                about = _without_name(hit.text, lexicon.contact(hit.id).name)
                cand.why.append(f"profile: '{_snippet(about)}'" if about else "similar profile")
        for hit in note_hits.result():
            owner = str(hit.metadata.get("contact_id") or "")
            if owner in lexicon and (allowed is None or owner in allowed):
                cand = candidates.setdefault(owner, _Candidate())
                strength = self._strength(hit.score)
                if strength > cand.note:
                    cand.note = strength
                    cand.why = [w for w in cand.why if not w.startswith("note: ")]
                    cand.why.append(f"note: '{_snippet(hit.text)}'")
        ranked = sorted(((cid, c) for cid, c in candidates.items() if c.score >= MIN_SCORE),
                        key=lambda kv: (-kv[1].score, lexicon.contact(kv[0]).name))
        return [self._result(lexicon.contact(cid), cand.score, cand.why)
                for cid, cand in ranked[:k]]

    def contacts_for_goal(self, goal_text: str, k: int = 10) -> list[SearchResult]:
        """Contacts who could help with a goal: companies it names, then meaning."""
        return self.search(goal_text, k=k, fields=("company",))

    def top_notes(self, contact_id: str, query: str, k: int = 3) -> list[Note]:
        """A contact's notes most relevant to ``query``, then the newest ones, up to ``k``."""
        notes = self.records.notes_for(contact_id)
        if not query.strip() or not notes:
            return notes[:k]
        scores: dict[str, float] = {}
        for hit in self._semantic("note", query, max(k * 3, 10), {"contact_id": contact_id}):
            scores[hit.id] = self._strength(hit.score)
        words = set(normalize(query).split())
        for note in notes:
            overlap = words & set(normalize(note.text).split())
            if overlap:
                scores[note.id] = scores.get(note.id, 0.0) + 0.1 * len(overlap)
        relevant = sorted((n for n in notes if scores.get(n.id, 0) > 0),
                          key=lambda n: -scores[n.id])
        rest = [n for n in notes if scores.get(n.id, 0) <= 0]  # newest first already
        return (relevant + rest)[:k]

    def resolve(self, name_or_id: str) -> Contact | None:
        """The one contact a loosely typed name clearly means (by name alone), else None."""
        lexicon = self.lexicon()
        strong = [m for m in lexicon.match(name_or_id, fields=("name",))[:2]
                  if m.score >= RESOLVE_SCORE]
        if len(strong) == 1 or (len(strong) == 2 and strong[0].score > strong[1].score + 0.05):
            return self.records.get_contact(strong[0].contact_id)
        return None

    # -- helpers --------------------------------------------------------------------------
    def _semantic(
        self, kind: str, query: str, k: int, where: dict[str, Any] | None
    ) -> list[Hit]:
        hits = self.index.search(kind, query, k=k, where=where)
        return [h for h in hits if h.score >= self.min_similarity]

    def _strength(self, similarity: float) -> float:
        """Map a cosine similarity above the noise floor to [0, 1]."""
        return max(0.0, min(1.0, (similarity - self.min_similarity) / (1 - self.min_similarity)))

    @staticmethod
    def _result(contact: ContactRow, score: float, why: list[str]) -> SearchResult:
        return SearchResult(contact.id, contact.name, contact.company, contact.title,
                            contact.tier, list(contact.tags), score, why)


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def _without_name(text: str, name: str) -> str:
    """A contact's index text minus the leading name ("Ana Ruiz. Data scientist at Acme")."""
    rest = text.removeprefix(name).lstrip(". ").strip()
    return rest.removesuffix(" at").strip()

