"""Keeps the index in step with the records: queued ops, reconciliation, full rebuilds."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from assistant.domain import Contact, Note
from assistant.errors import NotFoundError
from assistant.storage.index import IndexItem, Progress, SearchIndex
from assistant.storage.records import RecordStore

log = logging.getLogger(__name__)


def contact_item(contact: Contact) -> IndexItem:
    """What a contact means, as text: role, company, interests, how we met, tags."""
    parts = [
        contact.name,
        f"{contact.title} at {contact.company}" if contact.title or contact.company else "",
        ("previously at " + ", ".join(contact.past_companies)) if contact.past_companies else "",
        ("interests: " + ", ".join(contact.interests)) if contact.interests else "",
        f"met: {contact.how_we_met}" if contact.how_we_met else "",
        ("tags: " + ", ".join(contact.tags)) if contact.tags else "",
        contact.location,
    ]
    return IndexItem(
        contact.id,
        ". ".join(p for p in parts if p),
        {"tier": contact.tier.value, "company": contact.company.lower()},
    )


def note_item(note: Note) -> IndexItem:
    """A note as indexed: its text, with its contact and date as metadata."""
    return IndexItem(
        note.id,
        note.text,
        {"contact_id": note.contact_id or "", "created": note.created.isoformat()},
    )


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
        upserts: dict[str, list[IndexItem]] = {"contact": [], "note": []}
        deletes: dict[str, list[str]] = {"contact": [], "note": []}
        for kind, item_id, op in ops:
            if op == "delete":
                deletes[kind].append(item_id)
                continue
            try:
                if kind == "contact":
                    upserts[kind].append(contact_item(self.records.get_contact(item_id)))
                else:
                    upserts[kind].append(note_item(self.records.get_note(item_id)))
            except NotFoundError:
                deletes[kind].append(item_id)  # deleted after it was queued
        for kind in ("contact", "note"):
            self.index.delete(kind, deletes[kind])
            self.index.upsert(kind, upserts[kind], progress)
        self.records.clear_index_ops(ops)
        return len(ops)

    def rebuild(self, progress: Progress | None = None) -> dict[str, int]:
        """Drop every collection and index all records and knowledge again."""
        contacts = [contact_item(c) for c in self.records.list_contacts()]
        notes = [note_item(n) for n in self.records.all_notes()]
        knowledge = knowledge_items(self.knowledge_dir)
        for kind, items in (("contact", contacts), ("note", notes), ("knowledge", knowledge)):
            self.index.reset(kind)
            self.index.upsert(kind, items, progress)
        self.records.clear_index_ops(self.records.pending_index_ops())
        return {"contacts": len(contacts), "notes": len(notes), "knowledge": len(knowledge)}

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
            "indexed_contacts": self.index.count("contact"),
            "notes": len(self.records.all_notes()),
            "indexed_notes": self.index.count("note"),
            "pending": len(self.records.pending_index_ops()),
        }
