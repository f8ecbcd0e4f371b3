"""Interview sessions in the record store: one row per session, its transcript kept as JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from assistant.errors import NotFoundError

if TYPE_CHECKING:  # db.py imports SCHEMA from here
    from assistant.storage.db import Database

# Appended to db.MIGRATIONS: sessions are records (never lost), not index items.
SCHEMA = """
CREATE TABLE IF NOT EXISTS interview_sessions (
    id TEXT PRIMARY KEY,
    role TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL DEFAULT (datetime('now')),
    updated TEXT NOT NULL DEFAULT (datetime('now')),
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS interview_sessions_created ON interview_sessions(created);
"""


class InterviewStore:
    """Saves and reads whole practice sessions (set-up, questions, transcript, feedback)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, session_id: str, role: str, data: dict[str, Any]) -> None:
        """Insert or replace a session in one transaction."""
        body = json.dumps(data, ensure_ascii=False, default=str)
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO interview_sessions (id, role, data) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET role = excluded.role, data = excluded.data, "
                "updated = datetime('now')",
                (session_id, role, body),
            )

    def get(self, session_id: str) -> dict[str, Any]:
        """One session's data; a clear error when there is no such session."""
        rows = self.db.query("SELECT data FROM interview_sessions WHERE id = ?", (session_id,))
        if not rows:
            msg = f"no interview session '{session_id}' (see 'warmline interview list')"
            raise NotFoundError(msg)
        data: dict[str, Any] = json.loads(rows[0]["data"])
        return data

    def all(self) -> list[dict[str, Any]]:
        """Every session, oldest first."""
        rows = self.db.query("SELECT data FROM interview_sessions ORDER BY created, rowid")
        return [json.loads(r["data"]) for r in rows]
