"""The user's resource library in SQLite: links and notes they pass on to people."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.domain import new_id
from assistant.errors import NotFoundError

if TYPE_CHECKING:  # db.py imports this module's SCHEMA
    from assistant.storage.db import Database

# IF NOT EXISTS: another branch may append its own migration in parallel; whichever order the
# entries land in, this one creates its table once.
SCHEMA = """
    CREATE TABLE IF NOT EXISTS resources (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL
    )
"""
KIND = "resource"  # the index collection and the index_queue kind


class Resource(BaseModel):
    """Something the user can share: a link or a short note, with topics to match people on."""

    id: str = Field(default_factory=lambda: new_id("r"))
    title: str
    url: str = ""
    note: str = ""
    topics: list[str] = Field(default_factory=list)

    def index_text(self) -> str:
        """What the index embeds: title, topics and the note (never the URL's characters)."""
        return ". ".join(p for p in (self.title, ", ".join(self.topics), self.note) if p)


def put(db: Database, resource: Resource, conn: sqlite3.Connection | None = None) -> None:
    """Insert or replace a resource and queue its index update, in one transaction."""
    if conn is None:
        with db.transaction() as tx:
            put(db, resource, tx)
        return
    conn.execute("INSERT OR REPLACE INTO resources(id, data) VALUES (?, ?)",
                 (resource.id, resource.model_dump_json()))
    _queue(conn, resource.id, "upsert")


def get(db: Database, resource_id: str) -> Resource:
    """One resource or NotFoundError."""
    rows = db.query("SELECT data FROM resources WHERE id = ?", (resource_id,))
    if not rows:
        msg = f"no resource with id {resource_id}"
        raise NotFoundError(msg)
    return Resource.model_validate_json(rows[0]["data"])


def all_resources(db: Database) -> list[Resource]:
    """Every resource, by title."""
    items = [Resource.model_validate_json(r["data"])
             for r in db.query("SELECT data FROM resources")]
    return sorted(items, key=lambda r: r.title.casefold())


def delete(db: Database, resource_id: str) -> None:
    """Remove a resource (and, via the queue, its vector)."""
    with db.transaction() as conn:
        cur = conn.execute("DELETE FROM resources WHERE id = ?", (resource_id,))
        if cur.rowcount == 0:
            msg = f"no resource with id {resource_id}"
            raise NotFoundError(msg)
        _queue(conn, resource_id, "delete")


def _queue(conn: sqlite3.Connection, item_id: str, op: str) -> None:
    conn.execute("INSERT OR REPLACE INTO index_queue(kind, id, op) VALUES (?, ?, ?)",
                 (KIND, item_id, op))
