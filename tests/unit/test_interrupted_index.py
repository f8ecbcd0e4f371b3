"""A crash in the middle of indexing: the next start finishes the work and says so at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.app import QUIET_REPAIR_OPS, build_app
from assistant.domain import Contact, Note
from assistant.settings import load_settings
from assistant.storage.index import SearchIndex
from assistant.storage.sync import REBUILD_OP
from tests.fakes import HashEmbeddings


class Killed(BaseException):
    """Stands in for SIGKILL: nothing after it runs (not even ``except Exception``)."""


def _seed(home: Path, embeddings: HashEmbeddings) -> None:
    app = build_app(load_settings(provider="offline"), backend=None, embeddings=embeddings)
    try:
        for i in range(30):
            contact = Contact(name=f"Person {i}", company="Acme", title="Nurse")
            app.stores.records.put_contact(contact)
            app.stores.records.put_note(Note(contact_id=contact.id, text=f"Likes climbing {i}"))
        app.stores.sync.reconcile()
    finally:
        app.close()


def test_a_rebuild_killed_halfway_is_finished_by_the_next_start(
    home: Path, embeddings: HashEmbeddings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _seed(home, embeddings)
    app = build_app(load_settings(provider="offline"), backend=None, embeddings=embeddings)
    real_upsert = SearchIndex.upsert

    def dies_on_notes(self: SearchIndex, kind: str, *args: object, **kwargs: object) -> None:
        if kind == "note":
            raise Killed
        real_upsert(self, kind, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchIndex, "upsert", dies_on_notes)
    with pytest.raises(Killed):
        app.reindex()
    app.stores.db.close()
    app.stores.lock.release()
    monkeypatch.setattr(SearchIndex, "upsert", real_upsert)

    heard: list[tuple[int, int]] = []
    again = build_app(load_settings(provider="offline"), backend=None, embeddings=embeddings,
                      repair=lambda done, total: heard.append((done, total)))
    try:
        assert heard[0] == (0, 1), "the repair is announced before any work"
        health = again.stores.sync.health()
        assert health["indexed_notes"] == health["notes"] == 30
        assert health["pending"] == 0
        assert REBUILD_OP not in again.stores.records.pending_index_ops()
        assert again.doctor().ok
    finally:
        again.close()


@pytest.mark.parametrize(("written", "announced"), [(QUIET_REPAIR_OPS, True), (5, False)])
def test_many_pending_changes_are_announced_with_their_count(
    home: Path, embeddings: HashEmbeddings, written: int, announced: bool,
) -> None:
    app = build_app(load_settings(provider="offline"), backend=None, embeddings=embeddings)
    for i in range(written):  # records written, the process "dies" before reconciling
        app.stores.records.put_contact(Contact(name=f"Person {i}", company="Acme",
                                               title="Pharmacist"))
    app.stores.db.close()
    app.stores.lock.release()

    heard: list[tuple[int, int]] = []
    again = build_app(load_settings(provider="offline"), backend=None, embeddings=embeddings,
                      repair=lambda done, total: heard.append((done, total)))
    try:
        assert (heard[:1] == [(0, written)]) if announced else heard == []
        assert again.stores.records.pending_index_ops() == []  # repaired either way
        assert again.doctor().ok
    finally:
        again.close()


def test_a_clean_start_says_nothing(home: Path, embeddings: HashEmbeddings) -> None:
    _seed(home, embeddings)
    heard: list[tuple[int, int]] = []
    app = build_app(load_settings(provider="offline"), backend=None, embeddings=embeddings,
                    repair=lambda done, total: heard.append((done, total)))
    app.close()
    assert heard == []
