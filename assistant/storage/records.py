"""Typed reads and writes of the system of record. Every write also queues an index update."""

from __future__ import annotations

import json
import sqlite3
from collections import deque
from collections.abc import Iterable
from typing import Any

from assistant.domain import Contact, Draft, Interaction, Note, Profile
from assistant.errors import AmbiguousContactError, NotFoundError
from assistant.storage import fulltext, phrases
from assistant.storage.db import Database

CHANGE_LOG = 4096  # contact changes remembered for in-memory indexes to catch up on


class RecordStore:
    """Contacts, notes, interactions, profile and drafts in SQLite."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # Bumped on every contact write or delete, so in-memory indexes know to catch up; the
        # last changes are remembered so they can catch up contact by contact.
        self.contacts_version = 0
        self._changes: deque[tuple[int, str]] = deque(maxlen=CHANGE_LOG)
        self._fill_fulltext()

    def _changed(self, contact_id: str) -> None:
        self.contacts_version += 1
        self._changes.append((self.contacts_version, contact_id))

    def changed_since(self, version: int) -> list[str] | None:
        """Ids of the contacts written or deleted after ``version`` (oldest first, perhaps
        repeated), or None when that is further back than the store remembers."""
        if version >= self.contacts_version:
            return []
        if not self._changes or self._changes[0][0] > version + 1:
            return None
        return [contact_id for number, contact_id in self._changes if number > version]

    def _fill_fulltext(self) -> None:
        """Build the keyword index once for a store written before it existed."""
        empty = not self.db.query("SELECT 1 FROM fulltext_docs LIMIT 1")
        if empty and self.db.query("SELECT 1 FROM contacts UNION SELECT 1 FROM notes LIMIT 1"):
            with self.db.transaction() as conn:
                fulltext.rebuild(conn, self.list_contacts(), self.all_notes())

    # -- contacts -------------------------------------------------------------------------
    def put_contact(self, contact: Contact, conn: sqlite3.Connection | None = None) -> None:
        """Insert or replace a contact (inside ``conn``'s transaction if given)."""
        if conn is None:
            with self.db.transaction() as tx:
                self.put_contact(contact, tx)
            return
        conn.execute(
            "INSERT INTO contacts(id, name, company, linkedin_slug, data, updated) "
            "VALUES (?, ?, ?, ?, ?, datetime('now')) ON CONFLICT(id) DO UPDATE SET "
            "name=excluded.name, company=excluded.company, linkedin_slug=excluded.linkedin_slug, "
            "data=excluded.data, updated=excluded.updated",
            (
                contact.id,
                contact.name,
                contact.company,
                contact.linkedin_slug,
                contact.model_dump_json(),
            ),
        )
        fulltext.put_contact(conn, contact)
        phrases.hold(conn, contact.id, phrases.phrases_of(contact))
        queue_index(conn, "contact", contact.id, "upsert")
        self._changed(contact.id)

    def get_contact(self, contact_id: str) -> Contact:
        """Return one contact or raise NotFoundError."""
        rows = self.db.query("SELECT data FROM contacts WHERE id = ?", (contact_id,))
        if not rows:
            msg = f"no contact with id {contact_id}"
            raise NotFoundError(msg)
        return Contact.model_validate_json(rows[0]["data"])

    def find_contact(self, name_or_id: str) -> Contact:
        """A contact by id, LinkedIn slug or exact name (case-insensitive)."""
        key = name_or_id.strip()
        rows = self.db.query(
            "SELECT data FROM contacts WHERE id = ? OR (linkedin_slug != '' AND linkedin_slug = ?)",
            (key, key.lower()),
        ) or self.db.query("SELECT data FROM contacts WHERE name = ? COLLATE NOCASE", (key,))
        if not rows:
            msg = f"no contact named or with id '{key}'"
            raise NotFoundError(msg)
        if len(rows) > 1:
            found = [Contact.model_validate_json(r["data"]) for r in rows]
            described = ", ".join(f"{c.name} ({c.id})" for c in found)
            msg = f"'{key}' matches several contacts: {described}; give an id"
            raise AmbiguousContactError(msg, [c.id for c in found])
        return Contact.model_validate_json(rows[0]["data"])

    def list_contacts(self) -> list[Contact]:
        """All contacts, by name."""
        rows = self.db.query("SELECT data FROM contacts ORDER BY name COLLATE NOCASE")
        return [Contact.model_validate_json(r["data"]) for r in rows]

    def contact_rows(self) -> list[dict[str, Any]]:
        """What search needs of every contact, in no order (cheap at 50k: no model parsing,
        no sort)."""
        return self._contact_rows("")

    def contact_rows_for(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """``contact_rows`` of just these contacts (ids of deleted ones are skipped)."""
        return self._contact_rows("WHERE id IN (SELECT value FROM json_each(?))",
                                  (json.dumps(list(ids)),))

    def _contact_rows(self, where: str, params: tuple[object, ...] = ()) -> list[dict[str, Any]]:
        rows = self.db.query(
            "SELECT id, name, company, json_extract(data, '$.title') AS title, "
            "json_extract(data, '$.tier') AS tier, json_extract(data, '$.tags') AS tags, "
            "json_extract(data, '$.interests') AS interests, "
            "json_extract(data, '$.past_companies') AS past_companies, "
            "json_extract(data, '$.how_we_met') AS how_we_met "
            "FROM contacts " + where, params
        )
        return [{**dict(r), "title": r["title"] or "", "how_we_met": r["how_we_met"] or "",
                 **{key: json.loads(r[key] or "[]")
                    for key in ("tags", "interests", "past_companies")}}
                for r in rows]

    def text_search(self, words: list[str], limit: int = 50) -> list[fulltext.TextHit]:
        """Contacts' profiles and notes holding any of ``words`` (stemmed), best first."""
        return fulltext.search(self.db.query, words, limit)

    def count_contacts(self) -> int:
        return int(self.db.query("SELECT count(*) FROM contacts")[0][0])

    def delete_contact(self, contact_id: str) -> None:
        """Delete a contact and (by cascade) their notes, interactions and drafts."""
        with self.db.transaction() as conn:
            note_ids = [
                r[0]
                for r in conn.execute("SELECT id FROM notes WHERE contact_id = ?", (contact_id,))
            ]
            phrases.release(conn, contact_id)  # before the cascade: their phrases may go
            cur = conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
            if cur.rowcount == 0:
                msg = f"no contact with id {contact_id}"
                raise NotFoundError(msg)
            fulltext.drop_owner(conn, contact_id)
            queue_index(conn, "contact", contact_id, "delete")
            for note_id in note_ids:
                queue_index(conn, "note", note_id, "delete")
            self._changed(contact_id)

    # -- notes and interactions -----------------------------------------------------------
    def put_note(self, note: Note, conn: sqlite3.Connection | None = None) -> None:
        """Insert or replace a note."""
        if conn is None:
            with self.db.transaction() as tx:
                self.put_note(note, tx)
            return
        conn.execute(
            "INSERT OR REPLACE INTO notes(id, contact_id, data) VALUES (?, ?, ?)",
            (note.id, note.contact_id, note.model_dump_json()),
        )
        fulltext.put_note(conn, note)
        queue_index(conn, "note", note.id, "upsert")

    def get_note(self, note_id: str) -> Note:
        rows = self.db.query("SELECT data FROM notes WHERE id = ?", (note_id,))
        if not rows:
            msg = f"no note with id {note_id}"
            raise NotFoundError(msg)
        return Note.model_validate_json(rows[0]["data"])

    def notes_for(self, contact_id: str | None) -> list[Note]:
        """A contact's notes (or the free notes for ``None``), newest first."""
        if contact_id is None:
            rows = self.db.query("SELECT data FROM notes WHERE contact_id IS NULL")
        else:
            rows = self.db.query("SELECT data FROM notes WHERE contact_id = ?", (contact_id,))
        notes = [Note.model_validate_json(r["data"]) for r in rows]
        return sorted(notes, key=lambda n: n.created, reverse=True)

    def all_notes(self) -> list[Note]:
        return [
            Note.model_validate_json(r["data"]) for r in self.db.query("SELECT data FROM notes")
        ]

    def put_interaction(self, item: Interaction, conn: sqlite3.Connection | None = None) -> None:
        """Insert or replace an interaction."""
        if conn is None:
            with self.db.transaction() as tx:
                self.put_interaction(item, tx)
            return
        conn.execute(
            "INSERT OR REPLACE INTO interactions(id, contact_id, data) VALUES (?, ?, ?)",
            (item.id, item.contact_id, item.model_dump_json()),
        )

    def interactions_for(self, contact_id: str) -> list[Interaction]:
        """A contact's interactions, newest first."""
        rows = self.db.query("SELECT data FROM interactions WHERE contact_id = ?", (contact_id,))
        items = [Interaction.model_validate_json(r["data"]) for r in rows]
        return sorted(items, key=lambda i: i.when, reverse=True)

    def all_interactions(self) -> list[Interaction]:
        rows = self.db.query("SELECT data FROM interactions")
        return [Interaction.model_validate_json(r["data"]) for r in rows]

    # -- profile, drafts, events ----------------------------------------------------------
    def get_profile(self) -> Profile:
        """The user's profile (empty if never set)."""
        rows = self.db.query("SELECT data FROM profile WHERE id = 1")
        return Profile.model_validate_json(rows[0]["data"]) if rows else Profile()

    def put_profile(self, profile: Profile, conn: sqlite3.Connection | None = None) -> None:
        if conn is None:
            with self.db.transaction() as tx:
                self.put_profile(profile, tx)
            return
        conn.execute(
            "INSERT OR REPLACE INTO profile(id, data) VALUES (1, ?)", (profile.model_dump_json(),)
        )

    def save_draft(self, draft_id: str, draft: Draft, contact_id: str | None = None) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO drafts(id, contact_id, data) VALUES (?, ?, ?)",
                (draft_id, contact_id, draft.model_dump_json()),
            )

    def add_event(
        self,
        kind: str,
        data: dict[str, Any],
        contact_id: str | None = None,
        conn: sqlite3.Connection | None = None,
    ) -> None:
        """Record something that happened (a merge, a job change, an import)."""
        if conn is None:
            with self.db.transaction() as tx:
                self.add_event(kind, data, contact_id, tx)
            return
        conn.execute(
            "INSERT INTO events(contact_id, kind, data) VALUES (?, ?, ?)",
            (contact_id, kind, json.dumps(data, default=str)),
        )

    def insert_event(
        self,
        kind: str,
        data: dict[str, Any],
        contact_id: str | None,
        conn: sqlite3.Connection,
        *,
        event_id: int | None = None,
        created: str | None = None,
    ) -> int:
        """Insert an event with a chosen id and time (a restore); return the id it got."""
        cur = conn.execute(
            "INSERT INTO events(id, contact_id, kind, data, created) "
            "VALUES (?, ?, ?, ?, COALESCE(?, datetime('now')))",
            (event_id, contact_id, kind, json.dumps(data, default=str), created),
        )
        return int(cur.lastrowid or 0)

    def events(
        self, kind: str | None = None, contact_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Events, newest first, optionally filtered."""
        sql = "SELECT id, contact_id, kind, data, created FROM events WHERE 1=1"
        params: list[object] = []
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        if contact_id:
            sql += " AND contact_id = ?"
            params.append(contact_id)
        rows = self.db.query(sql + " ORDER BY id DESC", tuple(params))
        return [
            {
                "id": r["id"],
                "contact_id": r["contact_id"],
                "kind": r["kind"],
                "data": json.loads(r["data"]),
                "created": r["created"],
            }
            for r in rows
        ]

    # -- index reconciliation -------------------------------------------------------------
    def pending_index_ops(self) -> list[tuple[str, str, str]]:
        """(kind, id, op) rows written to the records but not yet to the index."""
        rows = self.db.query("SELECT kind, id, op FROM index_queue")
        return [(r["kind"], r["id"], r["op"]) for r in rows]

    def clear_index_ops(self, ops: list[tuple[str, str, str]]) -> None:
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM index_queue WHERE kind = ? AND id = ? AND op = ?", ops)


def queue_index(conn: sqlite3.Connection, kind: str, item_id: str, op: str) -> None:
    """Remember, in the same transaction as the record, that the index must catch up."""
    conn.execute(
        "INSERT OR REPLACE INTO index_queue(kind, id, op) VALUES (?, ?, ?)", (kind, item_id, op)
    )
