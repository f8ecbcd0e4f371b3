"""Incremental phrase sync: one edit costs that contact's phrases, not the whole network."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.app import Warmline
from assistant.domain import Contact
from assistant.storage.db import DB_FILE, MIGRATIONS
from assistant.storage.phrases import phrases_of


def held(contact: Contact, field: str) -> set[str]:
    return {p.id for p in phrases_of(contact) if p.field == field}


def expected(app: Warmline) -> set[str]:
    """The phrase ids every remaining contact holds: what the index must hold, exactly."""
    return {p.id for c in app.records.list_contacts() for p in phrases_of(c)}


def table(app: Warmline) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in app.records.db.query(
        "SELECT contact_id, phrase_id FROM contact_phrases")}


def orphans(app: Warmline) -> list[str]:
    return [r[0] for r in app.records.db.query("SELECT phrase_id FROM phrase_orphans")]


def in_step(app: Warmline) -> None:
    """The index, the phrase table and the queues all agree with the contacts."""
    assert app.index.ids("contact") == expected(app)
    assert table(app) == {(c.id, p.id) for c in app.records.list_contacts()
                          for p in phrases_of(c)}
    assert orphans(app) == [] and app.records.pending_index_ops() == []
    counts = app.sync.health()
    assert counts["phrases"] == counts["indexed_phrases"] and counts["pending"] == 0


@pytest.fixture
def pair(app: Warmline) -> tuple[Contact, Contact]:
    ana = app.contacts.add("Ana Ruiz", title="Nurse", company="Acme Health")
    ana = app.contacts.update(ana.id, interests=["beekeeping"], how_we_met="Sailing club")
    bob = app.contacts.add("Bob Lee", title="Nurse", company="Acme Health")
    bob = app.contacts.update(bob.id, interests=["chess"])
    in_step(app)
    return ana, bob


def test_an_edit_adds_the_new_phrase_vector_and_drops_the_old_one_unless_shared(
    app: Warmline, pair: tuple[Contact, Contact]
) -> None:
    ana, bob = pair
    shared_role, beekeeping = held(ana, "role"), held(ana, "interest")
    assert shared_role == held(bob, "role")
    ana = app.contacts.update(ana.id, title="Surgeon", interests=["sailing"])
    ids = app.index.ids("contact")
    assert held(ana, "role") <= ids and held(ana, "interest") <= ids  # the new ones
    assert shared_role <= ids  # Bob is still a Nurse at Acme Health
    assert not beekeeping & ids  # nobody else keeps bees: its vector is gone
    in_step(app)
    assert app.search.search("sailing", mode="semantic")[0].id == ana.id
    app.contacts.update(bob.id, title="Midwife")
    assert not shared_role & app.index.ids("contact")  # its last holder moved on
    in_step(app)


def test_deleting_a_contact_drops_their_unshared_phrases_and_keeps_shared_ones(
    app: Warmline, pair: tuple[Contact, Contact]
) -> None:
    ana, bob = pair
    app.contacts.delete(ana.id)
    ids = app.index.ids("contact")
    assert held(bob, "role") <= ids  # "Nurse at Acme Health" is Bob's too
    assert not (held(ana, "interest") | held(ana, "met")) & ids  # beekeeping, how we met: gone
    assert not any(contact_id == ana.id for contact_id, _ in table(app))
    in_step(app)
    app.contacts.delete(bob.id)
    assert app.index.ids("contact") == set() and table(app) == set()
    in_step(app)


def test_one_edit_or_delete_never_reads_every_contact_or_every_vector(
    app: Warmline, pair: tuple[Contact, Contact], monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bob = pair
    read: list[list[str]] = []
    real_rows_for = app.records.contact_rows_for

    def rows_for(ids: Any) -> list[dict[str, Any]]:
        read.append(list(ids))
        return real_rows_for(ids)

    def everything(*_: object, **__: object) -> Any:
        raise AssertionError("the whole network was read for one contact's change")

    monkeypatch.setattr(app.records, "contact_rows_for", rows_for)
    monkeypatch.setattr(app.records, "contact_rows", everything)
    monkeypatch.setattr(app.records, "list_contacts", everything)
    monkeypatch.setattr(app.index, "ids", everything)
    app.contacts.update(ana.id, title="Surgeon")
    app.contacts.delete(bob.id)
    assert read == [[ana.id], [bob.id]]
    monkeypatch.undo()
    in_step(app)


def test_a_crash_between_the_record_write_and_the_sync_is_repaired_on_the_next_start(
    app_factory: Callable[..., Warmline],
) -> None:
    app = app_factory()
    ana = app.contacts.add("Ana Ruiz", title="Nurse", company="Acme Health")
    bob = app.contacts.add("Bob Lee", title="Nurse", company="Acme Health")
    cleo = app.contacts.add("Cleo Park", title="Pilot", company="Skyways")
    old_cleo = held(cleo, "role")
    # Written, never synced: the process dies before reconcile.
    app.records.put_contact(ana.model_copy(update={"title": "Surgeon"}))
    app.records.put_contact(cleo.model_copy(update={"title": "Captain"}))
    app.records.delete_contact(bob.id)
    assert old_cleo <= app.index.ids("contact") and orphans(app)
    app.close()
    reopened = app_factory()  # build_app reconciles
    ids = reopened.index.ids("contact")
    assert held(ana.model_copy(update={"title": "Surgeon"}), "role") <= ids
    assert not old_cleo & ids  # Cleo's old role: only she held it
    assert not held(bob, "role") & ids  # Nurse at Acme: Ana moved on, Bob is gone
    in_step(reopened)


def test_a_store_from_before_the_phrase_table_is_filled_and_fully_checked(
    app_factory: Callable[..., Warmline], home: Any
) -> None:
    app = app_factory()
    ana = app.contacts.add("Ana Ruiz", title="Nurse", company="Acme Health")
    app.contacts.update(ana.id, interests=["beekeeping"])
    bob = app.contacts.add("Bob Lee", title="Pilot", company="Skyways")
    app.close()
    # What the previous version left: no phrase tables, schema 2, and Bob deleted from the
    # records but (a crash) not yet from the index: only a full check can find his vector.
    conn = sqlite3.connect(home / DB_FILE)
    with conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("DROP TABLE contact_phrases")
        conn.execute("DROP TABLE phrase_orphans")
        conn.execute("DELETE FROM contacts WHERE id = ?", (bob.id,))
        conn.execute("INSERT INTO index_queue VALUES ('contact', ?, 'delete')", (bob.id,))
        conn.execute("PRAGMA user_version=2")
    conn.close()
    reopened = app_factory()
    assert reopened.records.db.schema_version == len(MIGRATIONS)  # every migration ran
    assert not held(bob, "role") & reopened.index.ids("contact")
    in_step(reopened)
    assert reopened.search.search("beekeeping", mode="semantic")[0].id == ana.id
    reopened.contacts.update(ana.id, interests=["sailing"])  # the filled table is used
    assert "beekeeping" not in {h.text for h in reopened.index.search("contact", "beekeeping")}
    in_step(reopened)


def test_a_rebuild_mends_a_drifted_phrase_table(
    app: Warmline, pair: tuple[Contact, Contact]
) -> None:
    with app.records.db.transaction() as conn:
        conn.execute("DELETE FROM contact_phrases")
    app.sync.rebuild()
    in_step(app)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(
    st.tuples(st.sampled_from(["put", "put", "delete"]), st.integers(0, 3),
              st.sampled_from(["", "Nurse", "Pilot"]),
              st.lists(st.sampled_from(["chess", "sailing", "jazz"]), max_size=2),
              st.booleans()),
    min_size=1, max_size=8))
def test_any_edits_and_deletes_leave_exactly_the_held_phrases_indexed(
    app: Warmline, steps: list[tuple[str, int, str, list[str], bool]]
) -> None:
    people = [Contact(id=f"c{i}", name=f"Person {i}") for i in range(4)]
    for op, who, title, interests, sync_now in steps:
        person = people[who]
        if op == "delete":
            if any(c.id == person.id for c in app.records.list_contacts()):
                app.records.delete_contact(person.id)
        else:
            app.records.put_contact(person.model_copy(
                update={"title": title, "company": "Acme" if title else "",
                        "interests": interests}))
        if sync_now:
            app.sync.reconcile()
    app.sync.reconcile()
    in_step(app)
