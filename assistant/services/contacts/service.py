"""Contacts and notes: add, find, edit tier/tags/cadence, note, log, delete, undo a merge."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from assistant.domain import Contact, Direction, Interaction, Note, Tier
from assistant.errors import AmbiguousContactError, InputError, NotFoundError
from assistant.services.contacts.dedupe import (
    JOB_CHANGE_EVENT,
    MERGE_EVENT,
    UNMERGE_EVENT,
    company_key,
    normalize,
)
from assistant.services.contacts.rules import (
    MAX_CADENCE_DAYS,
    contact_problems,
    note_problems,
)
from assistant.services.contacts.search import SearchService
from assistant.storage.records import RecordStore
from assistant.storage.sync import IndexSync
from assistant.text import clean_text

log = logging.getLogger(__name__)

HISTORY_EVENTS = (MERGE_EVENT, UNMERGE_EVENT, JOB_CHANGE_EVENT)


@dataclass
class ContactDetail:
    """Everything the contact page shows."""

    contact: Contact
    notes: list[Note]
    interactions: list[Interaction]
    history: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The contact with their notes, interactions and merge/job-change history."""
        return {
            "contact": self.contact.model_dump(mode="json"),
            "notes": [n.model_dump(mode="json") for n in self.notes],
            "interactions": [i.model_dump(mode="json") for i in self.interactions],
            "history": [_public_event(e) for e in self.history],
        }

    @property
    def undoable_merges(self) -> list[dict[str, Any]]:
        """Merge events into this contact that have not been undone."""
        return [e for e in self.history if e["kind"] == MERGE_EVENT and not e.get("undone")]


class ContactsService:
    """What a user does to contacts by hand; every write is one transaction, then reindex."""

    def __init__(self, records: RecordStore, sync: IndexSync, search: SearchService) -> None:
        self.records = records
        self.sync = sync
        self.search = search

    # -- reading --------------------------------------------------------------------------
    def list_contacts(self, *, tier: str = "", tag: str = "", company: str = "") -> list[Contact]:
        """All contacts by name, optionally filtered by tier, tag or company."""
        return filter_contacts(self.records.list_contacts(), tier=tier, tag=tag, company=company)

    def get(self, contact_id: str) -> Contact:
        """A contact by id."""
        return self.records.get_contact(contact_id)

    def count(self) -> int:
        """How many contacts there are."""
        return self.records.count_contacts()

    def find(self, name_or_id: str) -> Contact:
        """A contact by id, slug or exact name; else the one a loose name clearly means."""
        if not name_or_id.strip():
            msg = "give a contact's name or id"
            raise InputError(msg)
        try:
            return self.records.find_contact(name_or_id)
        except AmbiguousContactError:
            raise
        except NotFoundError:
            found = self.search.resolve(name_or_id)
            if found is None:
                raise
            return found

    def detail(self, contact_id: str) -> ContactDetail:
        """A contact with notes, interactions and history (merges, job changes)."""
        contact = self.records.get_contact(contact_id)
        undone = {e["data"].get("merge_event") for e in self.records.events(UNMERGE_EVENT)}
        history = []
        for event in self.records.events(contact_id=contact_id):
            if event["kind"] in HISTORY_EVENTS:
                history.append({**event, "undone": event["id"] in undone})
        return ContactDetail(contact, self.records.notes_for(contact.id),
                             self.records.interactions_for(contact.id), history)

    # -- writing --------------------------------------------------------------------------
    def add(self, name: str, *, company: str = "", title: str = "", tier: str = "active",
            tags: list[str] | None = None, how_we_met: str = "") -> Contact:
        """Add a contact by hand; an exact duplicate (same name and company) is refused."""
        if not clean_text(name, multiline=False).strip():
            msg = "a contact needs a name"
            raise InputError(msg)
        for other in self.records.list_contacts():
            if normalize(other.name) == normalize(name) and (
                company_key(other.company) == company_key(company)
            ):
                msg = f"{other.name} ({other.company or 'no company'}) already exists as {other.id}"
                raise InputError(msg)
        contact = Contact(name=name.strip(), company=company.strip(), title=title.strip(),
                          tier=parse_tier(tier), tags=_clean_tags(tags or []),
                          how_we_met=how_we_met.strip(), sources=["manual"])
        if problems := contact_problems(contact):
            raise InputError(problems[0])
        self._save(contact)
        return contact

    def update(self, contact_id: str, **changes: Any) -> Contact:
        """Change fields (name, company, title, tier, tags, interests, ...) after validation."""
        contact = self.records.get_contact(contact_id)
        if "tier" in changes:
            changes["tier"] = parse_tier(str(changes["tier"]))
        if "tags" in changes:
            changes["tags"] = _clean_tags(changes["tags"])
        unknown = set(changes) - set(Contact.model_fields) | ({"id"} & set(changes))
        if unknown:
            msg = f"cannot change {', '.join(sorted(unknown))}"
            raise InputError(msg)
        try:
            updated = Contact.model_validate({**contact.model_dump(), **changes})
        except ValidationError as e:
            msg = f"invalid contact field: {e.errors()[0]['msg']}"
            raise InputError(msg) from e
        if problems := contact_problems(updated):
            raise InputError(problems[0])
        self._save(updated)
        return updated

    def set_tier(self, contact_id: str, tier: str) -> Contact:
        """Move a contact to inner, active, dormant or aspirational."""
        return self.update(contact_id, tier=tier)

    def set_tags(self, contact_id: str, tags: list[str]) -> Contact:
        """Replace a contact's tags."""
        return self.update(contact_id, tags=tags)

    def set_cadence(self, contact_id: str, days: int | None) -> Contact:
        """How often to check in with this person (None: the tier's default)."""
        if days is not None and not 1 <= days <= MAX_CADENCE_DAYS:
            msg = f"a cadence is between 1 and {MAX_CADENCE_DAYS} days"
            raise InputError(msg)
        return self.update(contact_id, cadence_days=days)

    def add_note(self, contact_id: str, text: str, when: date | None = None) -> Note:
        """Attach a dated note to a contact."""
        if not text.strip():
            msg = "a note needs some text"
            raise InputError(msg)
        contact = self.records.get_contact(contact_id)
        note = Note(contact_id=contact.id, text=text.strip(), created=when or date.today())
        if problems := note_problems(note):
            raise InputError(problems[0])
        self.records.put_note(note)
        self.sync.reconcile()
        return note

    def log_interaction(
        self, contact_id: str, *, summary: str, channel: str = "", kind: str = "",
        direction: str = "neutral", when: date | None = None,
    ) -> Interaction:
        """Log a touch (what was given or asked); it moves ``last_contacted`` forward."""
        contact = self.records.get_contact(contact_id)
        try:
            way = Direction(direction.strip().lower())
        except ValueError as e:
            msg = f"direction must be one of: {', '.join(d.value for d in Direction)}"
            raise InputError(msg) from e
        item = Interaction(contact_id=contact.id, when=when or date.today(), channel=channel,
                           direction=way, kind=kind, summary=summary.strip())
        with self.records.db.transaction() as conn:
            self.records.put_interaction(item, conn)
            if contact.last_contacted is None or item.when > contact.last_contacted:
                contact.last_contacted = item.when
                self.records.put_contact(contact, conn)
        self.sync.reconcile()
        return item

    def delete(self, contact_id: str) -> dict[str, Any]:
        """Delete a contact everywhere: records, notes, interactions, drafts, index, search."""
        contact = self.records.get_contact(contact_id)
        notes = len(self.records.notes_for(contact.id))
        interactions = len(self.records.interactions_for(contact.id))
        self.records.delete_contact(contact.id)
        self.sync.reconcile()
        return {"deleted": contact.id, "name": contact.name, "notes": notes,
                "interactions": interactions}

    def undo_merge(self, event_id: int) -> tuple[Contact, Contact]:
        """Split a merged record back into its pre-merge self and the record merged into it."""
        events = {e["id"]: e for e in self.records.events(MERGE_EVENT)}
        event = events.get(event_id)
        if event is None:
            msg = f"no merge with id {event_id}"
            raise NotFoundError(msg)
        if any(e["data"].get("merge_event") == event_id
               for e in self.records.events(UNMERGE_EVENT)):
            msg = f"merge {event_id} was already undone"
            raise InputError(msg)
        data = event["data"]
        survivor = self.records.get_contact(str(event["contact_id"]))
        before = Contact.model_validate(data["before"])
        split = Contact.model_validate(data["merged"])
        with self.records.db.transaction() as conn:
            self.records.put_contact(before, conn)
            self.records.put_contact(split, conn)
            for note_id in data.get("notes", []):
                self._move_note(note_id, survivor.id, split.id, conn)
            moved = set(data.get("interactions", []))
            for item in self.records.interactions_for(survivor.id):
                if item.id in moved:
                    self.records.put_interaction(item.model_copy(update={"contact_id": split.id}),
                                                 conn)
            self.records.add_event(UNMERGE_EVENT, {"merge_event": event_id, "split": split.id},
                                   survivor.id, conn)
        self.sync.reconcile()
        return before, split

    # -- helpers --------------------------------------------------------------------------
    def _save(self, contact: Contact) -> None:
        self.records.put_contact(contact)
        self.sync.reconcile()

    def _move_note(self, note_id: str, old: str, new: str, conn: Any) -> None:
        try:
            note = self.records.get_note(note_id)
        except NotFoundError:
            return  # deleted since the merge
        if note.contact_id == old:
            self.records.put_note(note.model_copy(update={"contact_id": new}), conn)


def parse_tier(value: str) -> Tier:
    """A Tier from user text, or an InputError listing the choices."""
    try:
        return Tier(value.strip().lower())
    except ValueError as e:
        msg = f"unknown tier '{value}'; choose one of: {', '.join(t.value for t in Tier)}"
        raise InputError(msg) from e


def _clean_tags(tags: Any) -> list[str]:
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: dict[str, str] = {}
    for tag in tags:
        text = str(tag).strip()
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


def _public_event(event: dict[str, Any]) -> dict[str, Any]:
    """An event without the bulky pre-merge snapshots."""
    data = {k: v for k, v in event["data"].items() if k not in {"before", "merged"}}
    if event["kind"] == MERGE_EVENT:
        data["merged_name"] = event["data"].get("merged", {}).get("name", "")
    return {"id": event["id"], "kind": event["kind"], "created": event["created"],
            "undone": event.get("undone", False), "data": data}


class ContactsReader:
    """Listing contacts from a read-only store (beside a running server)."""

    def __init__(self, records: RecordStore) -> None:
        self.records = records

    def list_contacts(self, *, tier: str = "", tag: str = "", company: str = "") -> list[Contact]:
        """All contacts by name, optionally filtered by tier, tag or company."""
        return filter_contacts(self.records.list_contacts(), tier=tier, tag=tag, company=company)


def filter_contacts(contacts: list[Contact], *, tier: str = "", tag: str = "",
                    company: str = "") -> list[Contact]:
    """Contacts in a tier, with a tag, at a company (each filter optional)."""
    if tier:
        wanted_tier = parse_tier(tier)
        contacts = [c for c in contacts if c.tier is wanted_tier]
    if tag:
        contacts = [c for c in contacts if tag.strip().casefold() in
                    {t.casefold() for t in c.tags}]
    if company.strip():
        contacts = [c for c in contacts if normalize(company) in normalize(c.company)]
    return contacts
