"""The coach's conversation memory: messages and dialogue state, per conversation, in SQLite."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

    from assistant.storage.db import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS chat_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation TEXT NOT NULL,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now'))
);
CREATE INDEX IF NOT EXISTS chat_messages_conversation ON chat_messages(conversation, id);
CREATE TABLE IF NOT EXISTS chat_state (
    conversation TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now'))
)
"""


class ChatStore:
    """Conversations as rows; the newest conversation is the one a page reload continues."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, conversation: str, role: str, content: str,
            data: dict[str, Any] | None = None) -> int:
        """Append one message; return its id."""
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO chat_messages (conversation, role, content, data) VALUES (?,?,?,?)",
                (conversation, role, content, json.dumps(data or {}, ensure_ascii=False)))
            return int(cursor.lastrowid or 0)

    def messages(self, conversation: str) -> list[dict[str, Any]]:
        """A conversation's messages, oldest first."""
        rows = self.db.query("SELECT id, role, content, data, created FROM chat_messages "
                             "WHERE conversation = ? ORDER BY id", (conversation,))
        return [_message(r) for r in rows]

    def latest(self) -> str | None:
        """The conversation touched last, if any."""
        rows = self.db.query(
            "SELECT conversation FROM (SELECT conversation, max(updated) AS at FROM chat_state "
            "GROUP BY conversation UNION ALL SELECT conversation, max(created) FROM "
            "chat_messages GROUP BY conversation) ORDER BY at DESC LIMIT 1")
        return str(rows[0][0]) if rows else None

    def state(self, conversation: str) -> dict[str, Any]:
        """The dialogue state saved for a conversation (empty when new)."""
        rows = self.db.query("SELECT data FROM chat_state WHERE conversation = ?",
                             (conversation,))
        return dict(json.loads(rows[0][0])) if rows else {}

    def put_state(self, conversation: str, state: dict[str, Any]) -> None:
        """Replace a conversation's dialogue state."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO chat_state (conversation, data, updated) VALUES (?, ?, "
                "strftime('%Y-%m-%d %H:%M:%f','now')) ON CONFLICT(conversation) DO UPDATE SET "
                "data = excluded.data, updated = excluded.updated",
                (conversation, json.dumps(state, ensure_ascii=False, default=str)))

    def export(self) -> list[dict[str, Any]]:
        """Every conversation's messages, for ``warmline export``."""
        rows = self.db.query("SELECT id, conversation, role, content, data, created "
                             "FROM chat_messages ORDER BY id")
        return [{**_message(r), "conversation": r["conversation"]} for r in rows]

    def restore(self, messages: list[dict[str, Any]], conn: sqlite3.Connection) -> int:
        """Write exported messages back in the caller's transaction; return how many were new.

        A message already here (same conversation, role, text and time) is not doubled, so
        restoring one export twice changes nothing.
        """
        added = 0
        for m in messages:
            created = m.get("created") or None
            found = conn.execute(
                "SELECT 1 FROM chat_messages WHERE conversation = ? AND role = ? AND content = ? "
                "AND created IS ?", (m["conversation"], m["role"], m["content"], created)
            ).fetchone()
            if found:
                continue
            conn.execute(
                "INSERT INTO chat_messages (conversation, role, content, data, created) "
                "VALUES (?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%d %H:%M:%f','now')))",
                (m["conversation"], m["role"], m["content"],
                 json.dumps(m.get("data") or {}, ensure_ascii=False), created))
            added += 1
        return added

    def delete_all(self) -> int:
        """Forget every conversation; return how many messages went."""
        with self.db.transaction() as conn:
            count = int(conn.execute("SELECT count(*) FROM chat_messages").fetchone()[0])
            conn.execute("DELETE FROM chat_messages")
            conn.execute("DELETE FROM chat_state")
        return count


def _message(row: Any) -> dict[str, Any]:
    return {"id": row["id"], "role": row["role"], "content": row["content"],
            "data": json.loads(row["data"]), "created": row["created"]}
