"""The SQLite system of record: one connection, transactions and forward-only migrations."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.errors import StoreError
from assistant.storage import chat, fulltext, interviews, phrases
from assistant.storage.resources import SCHEMA as RESOURCES_SCHEMA

DB_FILE = "warmline.sqlite3"

# Each entry migrates the schema from version i to i+1. Never edit a released entry: append.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        company TEXT NOT NULL DEFAULT '',
        linkedin_slug TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL,
        updated TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE INDEX contacts_slug ON contacts(linkedin_slug);
    CREATE INDEX contacts_name ON contacts(name COLLATE NOCASE);
    CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        contact_id TEXT REFERENCES contacts(id) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    CREATE INDEX notes_contact ON notes(contact_id);
    CREATE TABLE interactions (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    CREATE INDEX interactions_contact ON interactions(contact_id);
    CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL
    );
    CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        contact_id TEXT REFERENCES contacts(id) ON DELETE CASCADE,
        data TEXT NOT NULL
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        contact_id TEXT REFERENCES contacts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        created TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE index_queue (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        op TEXT NOT NULL,
        PRIMARY KEY (kind, id)
    );
    """,
    fulltext.SCHEMA,
    phrases.SCHEMA,
    chat.SCHEMA,
    interviews.SCHEMA,
    RESOURCES_SCHEMA,
)


class Database:
    """A thread-safe SQLite connection. Writes go through :meth:`transaction`."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if read_only:  # beside a running server: WAL lets a reader in while it writes
                uri = f"{path.resolve().as_uri()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                            isolation_level=None)
            else:
                self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        except sqlite3.Error as e:
            msg = f"cannot open the record store {path}: {e}"
            raise StoreError(msg) from e
        self.conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        if read_only:
            if self.schema_version != len(MIGRATIONS):
                msg = (f"{path} has schema {self.schema_version}, not {len(MIGRATIONS)}; "
                       "stop the other Warmline and try again")
                raise StoreError(msg)
            return
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.migrate()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply every migration newer than the file's ``user_version``, each atomically."""
        current = self.schema_version
        if current > len(MIGRATIONS):
            msg = (
                f"{self.path} was written by a newer Warmline (schema {current}); "
                "upgrade Warmline to open it"
            )
            raise StoreError(msg)
        for version in range(current, len(MIGRATIONS)):
            with self.transaction() as conn:
                for statement in _split_sql(MIGRATIONS[version]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version={version + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block atomically: everything is written, or nothing is."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Read rows."""
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def integrity_ok(self) -> bool:
        """True when SQLite's own integrity check passes."""
        return bool(self.query("PRAGMA quick_check")[0][0] == "ok")

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def _split_sql(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
