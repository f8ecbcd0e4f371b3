"""Drafts history in the existing ``drafts`` table: read, filter and mark sent atomically."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from assistant.domain import Draft
from assistant.errors import NotFoundError

if TYPE_CHECKING:
    from assistant.storage.db import Database


def put(conn: sqlite3.Connection, draft: Draft) -> None:
    """Insert or replace a draft (its ``id`` is the key) inside the caller's transaction."""
    conn.execute("INSERT OR REPLACE INTO drafts(id, contact_id, data) VALUES (?, ?, ?)",
                 (draft.id, draft.contact_id or None, draft.model_dump_json()))


def get(db: Database | sqlite3.Connection, draft_id: str) -> Draft:
    """One draft by id, or NotFoundError."""
    sql, params = "SELECT data FROM drafts WHERE id = ?", (draft_id.strip(),)
    rows = (db.execute(sql, params).fetchall() if isinstance(db, sqlite3.Connection)
            else db.query(sql, params))
    if not rows:
        msg = f"no draft with id '{draft_id.strip()}'; see 'warmline drafts list'"
        raise NotFoundError(msg)
    return Draft.model_validate_json(rows[0]["data"])


def search(db: Database, *, contact_id: str = "", kind: str = "", channel: str = "",
           sent: bool | None = None, limit: int = 200) -> list[Draft]:
    """Drafts, newest first, filtered by contact, kind, channel and whether they were sent."""
    sql = "SELECT data FROM drafts WHERE 1=1"
    params: list[object] = []
    if contact_id:
        sql += " AND contact_id = ?"
        params.append(contact_id)
    for key, value in (("kind", kind), ("channel", channel)):
        if value:
            sql += f" AND json_extract(data, '$.{key}') = ?"
            params.append(value)
    if sent is not None:
        sql += " AND json_extract(data, '$.sent') = ?"
        params.append(1 if sent else 0)
    sql += " ORDER BY json_extract(data, '$.created') DESC LIMIT ?"
    params.append(limit)
    return [Draft.model_validate_json(r["data"]) for r in db.query(sql, tuple(params))]
