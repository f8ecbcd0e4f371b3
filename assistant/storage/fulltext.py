"""Keyword search over contact profiles and notes: an SQLite FTS5 table, ranked by BM25.

Rows are written in the same transaction as the records they describe, so the keyword index
can never disagree with them; ``warmline reindex`` is not needed for it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.domain import Contact, Note

SCHEMA = """
    CREATE TABLE fulltext_docs (
        rowid INTEGER PRIMARY KEY,
        owner TEXT NOT NULL,
        item TEXT NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL
    );
    CREATE UNIQUE INDEX fulltext_docs_item ON fulltext_docs(kind, item);
    CREATE INDEX fulltext_docs_owner ON fulltext_docs(owner);
    CREATE VIRTUAL TABLE fulltext USING fts5(
        body, content = 'fulltext_docs', content_rowid = 'rowid',
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
"""
_MARKED = re.compile("\x01([^\x02]*)\x02")
Query = Callable[[str, tuple[object, ...]], Sequence[Any]]


@dataclass(frozen=True)
class TextHit:
    owner: str  # the contact id
    item: str  # the contact id for a profile, the note id for a note
    kind: str  # "contact" or "note"
    score: float  # BM25, higher is better
    text: str
    snippet: str  # the words around the match
    marked: frozenset[str]  # the row's words that matched the query, lower-cased


def contact_text(contact: Contact) -> str:
    """What keyword search reads about a contact (names and companies have their own index)."""
    parts = [contact.title, *contact.interests, contact.how_we_met,
             f"introduced by {contact.introduced_by}" if contact.introduced_by else "",
             *contact.tags, contact.location]
    return " · ".join(p.strip() for p in parts if p and p.strip())


def put_contact(conn: sqlite3.Connection, contact: Contact) -> None:
    """Replace a contact's profile row."""
    _put(conn, contact.id, contact.id, "contact", contact_text(contact))


def put_note(conn: sqlite3.Connection, note: Note) -> None:
    """Replace a note's row (free notes are stored too, but no contact owns them)."""
    _put(conn, note.contact_id or "", note.id, "note", note.text)


def drop_owner(conn: sqlite3.Connection, contact_id: str) -> None:
    """Forget every row about a contact: their profile and their notes."""
    rows = conn.execute("SELECT rowid, body FROM fulltext_docs WHERE owner = ?",
                        (contact_id,)).fetchall()
    for rowid, body in rows:
        _drop(conn, rowid, body)


def _put(conn: sqlite3.Connection, owner: str, item: str, kind: str, body: str) -> None:
    old = conn.execute("SELECT rowid, body FROM fulltext_docs WHERE kind = ? AND item = ?",
                       (kind, item)).fetchone()
    if old is not None:
        _drop(conn, old[0], old[1])
    cursor = conn.execute(
        "INSERT INTO fulltext_docs(owner, item, kind, body) VALUES (?, ?, ?, ?)",
        (owner, item, kind, body))
    conn.execute("INSERT INTO fulltext(rowid, body) VALUES (?, ?)", (cursor.lastrowid, body))


def _drop(conn: sqlite3.Connection, rowid: int, body: str) -> None:
    # External-content FTS5 forgets a row only when told its old text.
    conn.execute("INSERT INTO fulltext(fulltext, rowid, body) VALUES ('delete', ?, ?)",
                 (rowid, body))
    conn.execute("DELETE FROM fulltext_docs WHERE rowid = ?", (rowid,))


def search(query: Query, words: list[str], limit: int = 50) -> list[TextHit]:
    """Rows with any of ``words`` (stemmed; a term of several words is a phrase), best BM25
    first; contacts' rows only."""
    terms = [w.replace('"', '""') for w in words if w.strip()]
    if not terms:
        return []
    expression = " OR ".join(f'"{t}"' for t in terms)
    try:
        rows = query(
            "SELECT d.owner, d.item, d.kind, -bm25(fulltext), d.body, "
            "snippet(fulltext, 0, '', '', '…', 10), "
            "highlight(fulltext, 0, char(1), char(2)) FROM fulltext "
            "JOIN fulltext_docs d ON d.rowid = fulltext.rowid "
            "WHERE fulltext MATCH ? AND d.owner != '' ORDER BY bm25(fulltext) LIMIT ?",
            (expression, limit),
        )
    except sqlite3.OperationalError:  # a query FTS5 cannot parse finds nothing, never fails
        return []
    return [TextHit(str(r[0]), str(r[1]), str(r[2]), float(r[3]), str(r[4]), str(r[5]),
                    frozenset(m.casefold() for m in _MARKED.findall(str(r[6]))))
            for r in rows]


def rebuild(conn: sqlite3.Connection, contacts: list[Contact], notes: list[Note]) -> None:
    """Rewrite the whole table (after an upgrade from a store that had none)."""
    conn.execute("DELETE FROM fulltext_docs")
    conn.execute("INSERT INTO fulltext(fulltext) VALUES ('delete-all')")
    for contact in contacts:
        put_contact(conn, contact)
    for note in notes:
        put_note(conn, note)
