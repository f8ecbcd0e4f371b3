"""One parsed file into the records, inside the caller's transaction: add, update, merge."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from assistant.domain import Contact, Interaction, Note, Profile
from assistant.importers import ParsedFile, SkippedRow
from assistant.services.contacts.dedupe import (
    JOB_CHANGE_EVENT,
    MERGE_EVENT,
    ContactMatcher,
    absorb,
    normalize,
    refresh,
)
from assistant.storage.records import RecordStore

Progress = Callable[[str, int, int], None]  # (stage, done, total)
PROGRESS_EVERY = 200


class ImportReport(BaseModel):
    """What one import did. ``skipped`` counts the rows in ``skipped_rows``."""

    file: str
    format: str
    added: int = 0
    updated: int = 0
    merged: int = 0
    unchanged: int = 0
    notes: int = 0
    interactions: int = 0
    job_changes: int = 0
    skipped_rows: list[SkippedRow] = Field(default_factory=list)
    warnings: list[SkippedRow] = Field(default_factory=list)  # imported, a bad field left out
    unmatched: list[str] = Field(default_factory=list)  # message partners, note names
    unmatched_notes: list[str] = Field(default_factory=list)  # `# Name` headings, no contact
    profile_updated: bool = False
    positions: int = 0
    notice: str = ""
    set_aside: list[str] = Field(default_factory=list)  # fields that read as orders to a model

    @property
    def skipped(self) -> int:
        return len(self.skipped_rows)

    def to_json(self) -> dict[str, Any]:
        """Counts plus the skipped rows with their reasons."""
        return {**self.model_dump(mode="json"), "skipped": self.skipped}

    def summary(self) -> str:
        """One line for people."""
        line = (f"{self.file} ({self.format}): {self.added} added, {self.updated} updated, "
                f"{self.merged} merged, {self.unchanged} unchanged, {self.skipped} skipped; "
                f"{self.notes} notes, {self.interactions} interactions")
        if self.job_changes:
            line += f", {self.job_changes} job changes"
        if self.profile_updated:
            line += f"; profile updated ({self.positions} new positions)"
        if self.set_aside:
            line += f"; {len(self.set_aside)} fields left out as instructions to a model"
        if self.warnings:
            line += f"; {len(self.warnings)} unreadable fields left out"
        return line

class ImportRun:
    """The work of one import, inside its transaction."""

    def __init__(self, records: RecordStore, parsed: ParsedFile, report: ImportReport,
                 step: Progress, create_missing: bool = False) -> None:
        self.records = records
        self.create_missing = create_missing  # a `# Name` with no contact becomes one
        self.parsed = parsed
        self.report = report
        self.step = step
        self.matcher = ContactMatcher(records.list_contacts())
        self.touched: set[str] = set()
        self.resolved: dict[str, str] = {}  # incoming name -> the contact it became
        self.merges: dict[str, tuple[str, dict[str, Any]]] = {}  # incoming name -> merge event
        self.merge_events: list[tuple[str, dict[str, Any]]] = []

    def apply(self, conn: sqlite3.Connection) -> None:
        self._contacts(conn)
        self._notes(conn)
        self._interactions(conn)
        self._profile(conn)
        for contact_id, data in self.merge_events:
            self.records.add_event(MERGE_EVENT, data, contact_id, conn)

    def _contacts(self, conn: sqlite3.Connection) -> None:
        total = len(self.parsed.contacts)
        for number, incoming in enumerate(self.parsed.contacts, start=1):
            self._contact(incoming, conn)
            if number % PROGRESS_EVERY == 0 or number == total:
                self.step("contacts", number, total)

    def _contact(self, incoming: Contact, conn: sqlite3.Connection) -> None:
        match = self.matcher.match(incoming)
        if match is None:
            self.records.put_contact(incoming, conn)
            self._remember(incoming, incoming.name)
            self.report.added += 1
            return
        existing = self.matcher.contacts[match.contact_id]
        same_source = set(incoming.sources) <= set(existing.sources)
        if same_source and existing.id not in self.touched:
            # A newer export of a source we already have: its company and title win.
            updated, changed, job = refresh(existing, incoming)
            if job:
                self.records.add_event(JOB_CHANGE_EVENT, {**job, "source": self.report.file},
                                       existing.id, conn)
                self.report.job_changes += 1
            self.report.updated += bool(changed)
        else:
            # Another record of the same person (another source, or a duplicate row): merge.
            updated, changed = absorb(existing, incoming)
            if changed:
                event = {"rule": match.rule, "source": self.report.file,
                         "format": self.report.format, "fields": changed,
                         "before": existing.model_dump(mode="json"),
                         "merged": incoming.model_dump(mode="json"),
                         "notes": [], "interactions": []}
                self.merge_events.append((existing.id, event))
                self.merges[incoming.name.casefold()] = (existing.id, event)
                self.report.merged += 1
        if changed:
            self.records.put_contact(updated, conn)
        else:
            self.report.unchanged += 1
        self._remember(updated, incoming.name)

    def _remember(self, contact: Contact, incoming_name: str) -> None:
        self.matcher.add(contact)
        self.touched.add(contact.id)
        self.resolved[incoming_name.casefold()] = contact.id

    def _notes(self, conn: sqlite3.Connection) -> None:
        seen = {(n.contact_id or "", normalize(n.text)) for n in self.records.all_notes()}
        items: list[tuple[str, Note]] = [("", n) for n in self.parsed.notes]
        items += self.parsed.named_notes
        orphans: Counter[str] = Counter()
        for number, (heading, note) in enumerate(items, start=1):
            if number % PROGRESS_EVERY == 0 or number == len(items):
                self.step("notes", number, len(items))
            owner = self._owner(heading) if heading else None
            if heading and owner is None and self.create_missing:
                owner = self._new_contact(heading, conn)
            if heading and owner is None:
                orphans[heading.strip()] += 1
                note = note.model_copy(update={"text": f"{heading}\n{note.text}"})
            note = note.model_copy(update={"contact_id": owner})
            key = (owner or "", normalize(note.text))
            if key in seen:
                continue
            seen.add(key)
            self.records.put_note(note, conn)
            self.report.notes += 1
            merge = self.merges.get(heading.casefold())
            if owner and merge and merge[0] == owner:
                merge[1]["notes"].append(note.id)
        self.report.unmatched_notes = list(orphans)
        self.report.unmatched += [f"{name} ({n} note{'s' if n != 1 else ''})"
                                  for name, n in orphans.items()]

    def _new_contact(self, heading: str, conn: sqlite3.Connection) -> str:
        """A contact for a `# Name` the notes are about (the user asked for this)."""
        contact = Contact(name=heading.strip(), sources=["notes"])
        self.records.put_contact(contact, conn)
        self._remember(contact, heading)
        self.report.added += 1
        return contact.id

    def _owner(self, heading: str) -> str | None:
        """The contact a note heading (or a message partner) names: slug, id, then name."""
        key = heading.strip()
        if found := self.resolved.get(key.casefold()):
            return found
        if key in self.matcher.contacts:
            return key
        return self.matcher.by_slug(key) or self.matcher.by_name(key)

    def _interactions(self, conn: sqlite3.Connection) -> None:
        seen = {_signature(i) for i in self.records.all_interactions()}
        latest: dict[str, Interaction] = {}
        unmatched: Counter[str] = Counter()
        total = len(self.parsed.interactions)
        for number, (key, item) in enumerate(self.parsed.interactions, start=1):
            if number % PROGRESS_EVERY == 0 or number == total:
                self.step("messages", number, total)
            owner = self.matcher.by_slug(key) or self.matcher.by_name(key)
            if owner is None:
                unmatched[key] += 1
                continue
            item = item.model_copy(update={"contact_id": owner})
            if _signature(item) in seen:
                continue
            seen.add(_signature(item))
            self.records.put_interaction(item, conn)
            self.report.interactions += 1
            if owner not in latest or item.when > latest[owner].when:
                latest[owner] = item
        for owner, item in latest.items():
            contact = self.matcher.contacts[owner]
            if contact.last_contacted is None or item.when > contact.last_contacted:
                contact = contact.model_copy(update={"last_contacted": item.when})
                self.records.put_contact(contact, conn)
                self.matcher.add(contact)
        self.report.unmatched += [f"{key} ({n} message{'s' if n != 1 else ''})"
                                  for key, n in unmatched.most_common()]

    def _profile(self, conn: sqlite3.Connection) -> None:
        if self.parsed.profile is None and not self.parsed.positions:
            return
        current = self.records.get_profile()
        profile = current.model_copy(deep=True)
        if self.parsed.profile is not None:
            for name in ("name", "headline", "summary"):
                value = getattr(self.parsed.profile, name)
                if value and value != getattr(profile, name):
                    setattr(profile, name, value)
        known = {_position_key(p) for p in profile.positions}
        for position in self.parsed.positions:
            if _position_key(position) not in known:
                profile.positions.append(position)
                known.add(_position_key(position))
                self.report.positions += 1
        if profile != current:
            self.records.put_profile(Profile.model_validate(profile.model_dump()), conn)
            self.report.profile_updated = True

def _signature(item: Interaction) -> tuple[str, ...]:
    """What makes two logged interactions the same one (ids are random per import)."""
    return (item.contact_id, item.when.isoformat(), item.channel, item.kind,
            item.direction.value, " ".join(item.summary.split()))


def _position_key(position: Any) -> tuple[str, str, str]:
    return (normalize(position.company), normalize(position.title), position.started_on.strip())
