"""The system of record, the lock, and index reconciliation on a real Chroma store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.domain import Contact, Note
from assistant.errors import NotFoundError, StoreError
from assistant.storage.db import DB_FILE, MIGRATIONS, Database
from assistant.storage.index import SearchIndex
from assistant.storage.lock import DataDirLock
from assistant.storage.records import RecordStore
from assistant.storage.sync import IndexSync
from tests.fakes import HashEmbeddings


def make(home: Path) -> tuple[RecordStore, SearchIndex, IndexSync]:
    records = RecordStore(Database(home / DB_FILE))
    index = SearchIndex(home / "index", HashEmbeddings())
    return records, index, IndexSync(records, index, home / "no-knowledge")


def test_migrations_bring_a_new_file_to_the_latest_schema(home: Path) -> None:
    db = Database(home / DB_FILE)
    assert db.schema_version == len(MIGRATIONS)
    db.close()
    assert Database(home / DB_FILE).schema_version == len(MIGRATIONS)


def test_a_newer_schema_is_refused(home: Path) -> None:
    db = Database(home / DB_FILE)
    db.conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer Warmline"):
        Database(home / DB_FILE)


def test_a_failed_transaction_writes_nothing(home: Path) -> None:
    records, _, _ = make(home)
    records.put_contact(Contact(name="Kept"))
    with pytest.raises(RuntimeError), records.db.transaction() as conn:
        records.put_contact(Contact(name="Half written"), conn)
        raise RuntimeError("boom")
    assert [c.name for c in records.list_contacts()] == ["Kept"]


def test_find_contact_by_id_slug_or_name(home: Path) -> None:
    records, _, _ = make(home)
    ana = Contact(name="Ana Ruiz", linkedin_slug="ana-ruiz-1")
    records.put_contact(ana)
    assert records.find_contact(ana.id).id == ana.id
    assert records.find_contact("ana-ruiz-1").id == ana.id
    assert records.find_contact("ana ruiz").id == ana.id
    with pytest.raises(NotFoundError, match="no contact named"):
        records.find_contact("Nobody")
    records.put_contact(Contact(name="Ana Ruiz"))
    with pytest.raises(NotFoundError, match="matches several"):
        records.find_contact("Ana Ruiz")


def test_record_first_then_index_and_reconcile_after_a_crash(home: Path) -> None:
    records, index, sync = make(home)
    ana = Contact(name="Ana Ruiz", title="Nurse", interests=["marathon running"])
    records.put_contact(ana)
    records.put_note(Note(contact_id=ana.id, text="Training for the Chicago marathon"))
    # A crash here: the records hold the data, the index does not yet.
    assert index.count("contact") == 0 and len(records.pending_index_ops()) == 2
    records2, index2, sync2 = make(home)
    assert sync2.reconcile() == 2
    assert index2.count("contact") == 2 and index2.count("note") == 1  # role + interest
    assert records2.pending_index_ops() == []
    hits = index2.search("note", "chicago marathon")
    assert hits[0].metadata["contact_id"] == ana.id and hits[0].score > 0.5


def test_delete_removes_contact_notes_and_vectors(home: Path) -> None:
    records, index, sync = make(home)
    ana = Contact(name="Ana Ruiz", title="Nurse", how_we_met="Sailing club")
    records.put_contact(ana)
    records.put_note(Note(contact_id=ana.id, text="likes sailing"))
    sync.reconcile()
    assert index.count("contact") == 2
    sync.reconcile()
    records.delete_contact(ana.id)
    sync.reconcile()
    assert records.list_contacts() == [] and records.all_notes() == []
    assert index.count("contact") == 0 and index.count("note") == 0
    with pytest.raises(NotFoundError):
        records.delete_contact(ana.id)


def test_rebuild_restores_an_index_from_records(home: Path) -> None:
    records, index, sync = make(home)
    for i in range(5):
        records.put_contact(Contact(name=f"Person {i}", title="Engineer", company=f"Co {i % 2}"))
    sync.reconcile()
    index.reset("contact")
    assert index.count("contact") == 0
    assert sync.rebuild()["contacts"] == 5
    assert index.count("contact") == 2  # "Engineer at Co 0" and "at Co 1": one vector each


def test_knowledge_sections_are_indexed(home: Path, tmp_path: Path) -> None:
    (tmp_path / "k.md").write_text(
        "# T\n\n## Marathon recovery\nWalk, refuel.\n\n## Specs\nOne page.", encoding="utf-8"
    )
    records = RecordStore(Database(home / DB_FILE))
    index = SearchIndex(home / "index", HashEmbeddings())
    IndexSync(records, index, tmp_path).ensure_knowledge()
    assert index.count("knowledge") == 2
    assert index.search("knowledge", "marathon recovery", k=1)[0].metadata["title"] == (
        "Marathon recovery"
    )


def test_second_process_fails_fast_with_a_clear_message(home: Path) -> None:
    with DataDirLock(home):
        code = (
            "import sys; from pathlib import Path; from assistant.storage.lock import DataDirLock\n"
            "from assistant.errors import StoreLockedError\n"
            f"try:\n    DataDirLock(Path({str(home)!r}), timeout_s=0.5).acquire()\n"
            "except StoreLockedError as e:\n    print(e); sys.exit(3)\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
        )
    assert proc.returncode == 3, proc.stderr
    assert "already using" in proc.stdout and "pid" in proc.stdout
    DataDirLock(home).acquire().release()  # free again once released
