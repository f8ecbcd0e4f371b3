"""Keeps the index in step with the records: queued ops, reconciliation, full rebuilds."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import numpy as np

from assistant.domain import Note
from assistant.errors import NotFoundError
from assistant.storage import phrases, resources
from assistant.storage.index import IndexItem, Progress, SearchIndex
from assistant.storage.phrases import FILL_OP, Phrase
from assistant.storage.records import RecordStore, queue_index

log = logging.getLogger(__name__)
PHRASE_BATCH = 2048
# An index_queue row written before a full rebuild empties the collections and removed by its
# last step: a rebuild killed halfway leaves it behind, and the next start finishes the work.
REBUILD_OP = ("index", "*", "rebuild")


def _sum_normalised(vectors: list[list[float]]) -> list[float]:
    total = np.sum(np.asarray(vectors, dtype=np.float32), axis=0)
    norm = float(np.linalg.norm(total))
    return (total / norm if norm > 0 else total).tolist()


def contact_phrases_of(rows: list[dict[str, Any]]) -> dict[str, Phrase]:
    """Every distinct phrase of the contacts in ``rows`` (from ``contact_rows``), by id."""
    found: dict[str, Phrase] = {}
    for row in rows:
        for phrase in phrases.row_phrases(row):
            found.setdefault(phrase.id, phrase)
    return found


def note_item(note: Note) -> IndexItem:
    """A note as indexed: its text, with its contact and date as metadata."""
    return IndexItem(
        note.id,
        note.text,
        {"contact_id": note.contact_id or "", "created": note.created.isoformat()},
    )


def resource_item(resource: resources.Resource) -> IndexItem:
    """A user's resource as indexed: title, topics and note; the title as metadata."""
    return IndexItem(resource.id, resource.index_text(),
                     {"title": resource.title, "url": resource.url})


def knowledge_items(folder: Path) -> list[IndexItem]:
    """Seed knowledge: one item per Markdown section (``## Title``) of ``knowledge/*.md``."""
    items = []
    for path in sorted(folder.glob("*.md")):
        sections = re.split(r"^## ", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        for number, section in enumerate(sections[1:], start=1):
            title, _, body = section.partition("\n")
            items.append(
                IndexItem(
                    f"k_{path.stem}_{number}",
                    f"{title.strip()}. {' '.join(body.split())}",
                    {"title": title.strip(), "file": path.name},
                )
            )
    return items


class IndexSync:
    """Applies queued record changes to the index; rebuilds it from scratch on demand."""

    def __init__(self, records: RecordStore, index: SearchIndex, knowledge_dir: Path) -> None:
        self.records = records
        self.index = index
        self.knowledge_dir = knowledge_dir

    def reconcile(self, progress: Progress | None = None) -> int:
        """Apply every pending op (after a crash, or after a batch write); return how many."""
        ops = self.records.pending_index_ops()
        if not ops:
            return 0
        if REBUILD_OP in ops:  # a rebuild was interrupted: the collections are partial
            log.warning("finishing an interrupted index rebuild")
            self.rebuild(progress)
            return len(ops)
        upserts: list[IndexItem] = []
        deletes: list[str] = []
        for kind, item_id, op in ops:
            if kind != "note":
                continue  # contacts' phrases and the resource library are synced below
            try:
                if op == "delete":
                    raise NotFoundError(item_id)
                upserts.append(note_item(self.records.get_note(item_id)))
            except NotFoundError:
                deletes.append(item_id)  # deleted, perhaps after it was queued
        contact_ids = [item_id for kind, item_id, _ in ops if kind == "contact"]
        if FILL_OP in ops:  # a store from before the phrase table: fill it, check every vector
            self.fill_phrase_table()
            self.sync_phrases(progress)
        elif contact_ids:
            self.sync_contacts(contact_ids, progress)
        self.index.delete("note", deletes)
        self.index.upsert("note", upserts, progress)
        self._sync_resources([(item_id, op) for kind, item_id, op in ops
                              if kind == resources.KIND])
        self.records.clear_index_ops(ops)
        return len(ops)

    def sync_contacts(
        self, contact_ids: list[str], progress: Progress | None = None
    ) -> tuple[int, int]:
        """Bring in the phrases of just these (changed) contacts; drop the orphaned ones.

        Costs what the changed contacts hold, not the whole network: a phrase a contact
        stopped holding (an edit, a delete) was queued as an orphan in the same transaction,
        and its vector goes once no contact holds it. Returns (added, removed).
        """
        queued, gone = phrases.orphans(self.records.db.query)
        wanted = contact_phrases_of(self.records.contact_rows_for(contact_ids))
        present = self.index.has("contact", wanted)
        missing = [phrase for key, phrase in wanted.items() if key not in present]
        self.index.delete("contact", gone)
        self._add_phrases(missing, progress)
        self._clear_orphans(queued)
        return len(missing), len(gone)

    def sync_phrases(self, progress: Progress | None = None) -> tuple[int, int]:
        """Check every vector: embed phrases none holds yet; drop those no contact uses.

        A deleted contact's role, interests and how-we-met leave the index with them, unless
        another contact shares the very same phrase. Returns (added, removed).
        """
        queued, _ = phrases.orphans(self.records.db.query)
        wanted = contact_phrases_of(self.records.contact_rows())
        have = self.index.ids("contact")
        stale = have - wanted.keys()
        missing = [phrase for key, phrase in wanted.items() if key not in have]
        self.index.delete("contact", stale)
        self._add_phrases(missing, progress)
        self._clear_orphans(queued)
        return len(missing), len(stale)

    def _sync_resources(self, ops: list[tuple[str, str]]) -> None:
        """Bring queued resource writes and deletes into the resource collection."""
        items, gone = [], []
        for item_id, op in ops:
            try:
                if op == "delete":
                    raise NotFoundError(item_id)
                items.append(resource_item(resources.get(self.records.db, item_id)))
            except NotFoundError:
                gone.append(item_id)
        self.index.delete(resources.KIND, gone)
        self.index.upsert(resources.KIND, items)

    def fill_phrase_table(self) -> None:
        """Rewrite who holds which phrase from every contact (an upgrade, or a rebuild)."""
        with self.records.db.transaction() as conn:
            phrases.fill(conn, self.records.contact_rows())

    def _clear_orphans(self, ids: list[str]) -> None:
        if ids:
            with self.records.db.transaction() as conn:
                phrases.clear_orphans(conn, ids)

    def _add_phrases(self, new: list[Phrase], progress: Progress | None) -> None:
        """Embed each distinct text (a role's parts, not the role) once, in batches."""
        for start in range(0, len(new), PHRASE_BATCH):
            batch = new[start : start + PHRASE_BATCH]
            texts = list(dict.fromkeys(t for p in batch for t in p.parts or (p.text,)))
            vectors = dict(zip(texts, self.index.embed_documents(texts),
                               strict=True))
            self.index.add_vectors(
                "contact",
                [IndexItem(p.id, p.text, {"field": p.field}) for p in batch],
                [_sum_normalised([vectors[t] for t in p.parts or (p.text,)]) for p in batch],
            )
            if progress:
                progress(min(start + PHRASE_BATCH, len(new)), len(new))

    def rebuild(self, progress: Progress | None = None) -> dict[str, int]:
        """Drop every collection and index all records and knowledge again."""
        with self.records.db.transaction() as conn:
            queue_index(conn, *REBUILD_OP)
        queued, _ = phrases.orphans(self.records.db.query)
        self.fill_phrase_table()
        every = list(contact_phrases_of(self.records.contact_rows()).values())
        notes = [note_item(n) for n in self.records.all_notes()]
        knowledge = knowledge_items(self.knowledge_dir)
        library = [resource_item(r) for r in resources.all_resources(self.records.db)]
        self.index.reset("contact")
        self._add_phrases(every, progress)
        self._clear_orphans(queued)
        for kind, items in (("note", notes), ("knowledge", knowledge),
                            (resources.KIND, library)):
            self.index.reset(kind)
            self.index.upsert(kind, items, progress)
        self.records.clear_index_ops(self.records.pending_index_ops())
        return {"contacts": self.records.count_contacts(), "phrases": len(every),
                "notes": len(notes), "knowledge": len(knowledge)}

    def ensure_knowledge(self) -> None:
        """Index the seed knowledge once (it ships with the app)."""
        items = knowledge_items(self.knowledge_dir)
        if items and self.index.count("knowledge") != len(items):
            self.index.reset("knowledge")
            self.index.upsert("knowledge", items)

    def health(self) -> dict[str, int]:
        """Counts that should agree when the index is in step."""
        return {
            "contacts": self.records.count_contacts(),
            "phrases": len(contact_phrases_of(self.records.contact_rows())),
            "indexed_phrases": self.index.count("contact"),
            "notes": len(self.records.all_notes()),
            "indexed_notes": self.index.count("note"),
            "pending": len(self.records.pending_index_ops()),
        }
