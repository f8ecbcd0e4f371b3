"""A contact's meaning as short phrases (role, interests, how we met), one vector per phrase.

Phrases are shared: everyone who is a "Nurse at Acme Health" or likes "chess" points at the
same vector, so an import embeds each distinct phrase once and a search scores a contact by
its best phrase instead of one blurred vector of everything about them.

A role is embedded from its parts: the vector of "Nurse at Acme Health" is the normalised sum
of the vectors of "Nurse" and "Acme Health". Titles repeat and a company's people share its
name, so 50,000 contacts need a few thousand model calls instead of one each; measured on the
retrieval set, role queries find the same people as with the whole phrase embedded.

Who holds which phrase is kept in SQLite (``contact_phrases``), written in the same
transaction as the contact, so one edit is synced without reading every contact: a phrase a
contact stops holding is queued in ``phrase_orphans`` and its vector goes once nobody holds it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.domain import Contact

FIELDS = ("role", "interest", "met")
FILL_OP = ("phrases", "*", "fill")  # an index_queue row: rebuild the table, then sync in full
# Released as migration 3 (db.MIGRATIONS): append a new migration, never edit this one. A store
# that already holds contacts is queued a fill, so nothing written before it is ever missed.
SCHEMA = """
    CREATE TABLE contact_phrases (
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        phrase_id TEXT NOT NULL,
        PRIMARY KEY (contact_id, phrase_id)
    ) WITHOUT ROWID;
    CREATE INDEX contact_phrases_phrase ON contact_phrases(phrase_id);
    CREATE TABLE phrase_orphans (phrase_id TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO index_queue(kind, id, op)
        SELECT 'phrases', '*', 'fill' WHERE EXISTS (SELECT 1 FROM contacts);
"""
Query = Callable[[str, tuple[object, ...]], Sequence[Any]]


@dataclass(frozen=True)
class Phrase:
    field: str
    text: str
    parts: tuple[str, ...] = ()  # texts whose vectors add up to this one's (a role's)

    @property
    def id(self) -> str:
        """Stable vector id: the same field and text (any case or spacing) share one id."""
        key = f"{self.field}\x1f{' '.join(self.text.casefold().split())}"
        return "p_" + hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:24]


def contact_phrases(
    title: str, company: str, interests: Iterable[str], how_we_met: str
) -> list[Phrase]:
    """The phrases that say what a contact does, likes and how we know them."""
    title, company, met = title.strip(), company.strip(), how_we_met.strip()
    if title and company:
        phrases = [Phrase("role", f"{title} at {company}", (title, company))]
    else:
        phrases = [Phrase("role", title or company)] if title or company else []
    phrases += [Phrase("interest", i.strip()) for i in interests if i.strip()]
    if met:
        phrases.append(Phrase("met", met))
    return list(dict.fromkeys(phrases))


def phrases_of(contact: Contact) -> list[Phrase]:
    """A contact's phrases."""
    return contact_phrases(contact.title, contact.company, contact.interests, contact.how_we_met)


def row_phrases(row: dict[str, Any]) -> list[Phrase]:
    """A contact's phrases from its ``RecordStore.contact_rows`` row (no model parsing)."""
    return contact_phrases(row["title"] or "", row["company"] or "", row["interests"] or (),
                           row.get("how_we_met") or "")


def hold(conn: sqlite3.Connection, contact_id: str, phrases: Iterable[Phrase]) -> None:
    """Record the phrases a contact holds now; queue the ones they no longer hold."""
    new = {p.id for p in phrases}
    old = {r[0] for r in conn.execute(
        "SELECT phrase_id FROM contact_phrases WHERE contact_id = ?", (contact_id,))}
    if old - new:
        _drop(conn, contact_id, old - new)
    if new - old:
        conn.executemany("INSERT INTO contact_phrases(contact_id, phrase_id) VALUES (?, ?)",
                         [(contact_id, key) for key in new - old])


def release(conn: sqlite3.Connection, contact_id: str) -> None:
    """Forget every phrase a contact holds (before deleting them); queue each as an orphan."""
    hold(conn, contact_id, ())


def _drop(conn: sqlite3.Connection, contact_id: str, ids: set[str]) -> None:
    conn.executemany("DELETE FROM contact_phrases WHERE contact_id = ? AND phrase_id = ?",
                     [(contact_id, key) for key in ids])
    conn.executemany("INSERT OR IGNORE INTO phrase_orphans(phrase_id) VALUES (?)",
                     [(key,) for key in ids])


def fill(conn: sqlite3.Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Rewrite the whole table from every contact's row (a store from before it existed)."""
    conn.execute("DELETE FROM contact_phrases")
    conn.executemany(
        "INSERT OR IGNORE INTO contact_phrases(contact_id, phrase_id) VALUES (?, ?)",
        ((row["id"], p.id) for row in rows for p in row_phrases(row)))


def orphans(query: Query) -> tuple[list[str], set[str]]:
    """The queued orphans, and those of them no contact holds any more."""
    rows = query("SELECT o.phrase_id, EXISTS (SELECT 1 FROM contact_phrases c "
                 "WHERE c.phrase_id = o.phrase_id) FROM phrase_orphans o", ())
    return [str(r[0]) for r in rows], {str(r[0]) for r in rows if not r[1]}


def clear_orphans(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Forget orphans whose vectors were dealt with."""
    conn.executemany("DELETE FROM phrase_orphans WHERE phrase_id = ?", [(i,) for i in ids])

