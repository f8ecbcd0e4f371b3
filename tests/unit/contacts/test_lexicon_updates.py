"""The name/company index catches up contact by contact, and ends where a fresh build would."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.app import Warmline
from assistant.domain import Contact
from assistant.services.contacts.name_index import ContactRow, LexicalIndex
from assistant.storage.phrases import contact_phrases

NAMES = ["Ana Ruiz", "Ana Ruíz", "Bob Lee", "Zoë Park", "Omar Haddad", "Mariya Ivanova"]
COMPANIES = ["Acme Health", "Globex", "Acme", "Initech Labs", ""]
QUERIES = ["ana", "acme", "acme health", "used to work at globex", "bob lee", "mari", "initek",
           "park", "labs", "who do I know at Acme"]


def row(contact_id: str, name: str, company: str, past: list[str], tier: str,
        tags: list[str], title: str) -> ContactRow:
    return ContactRow(contact_id, name, company, title, tier, tuple(tags), tuple(past),
                      tuple(contact_phrases(title, company, ["chess"], "")))


ROWS = st.builds(
    row, st.sampled_from([f"c{i}" for i in range(8)]), st.sampled_from(NAMES),
    st.sampled_from(COMPANIES), st.lists(st.sampled_from(COMPANIES), max_size=2),
    st.sampled_from(["inner", "active", "dormant"]),
    st.lists(st.sampled_from(["python", "Mentor", "mentor"]), max_size=2),
    st.sampled_from(["Engineer", "Data Scientist", ""]),
)
# An edit is a contact's new state; a delete is its id alone.
EDITS = st.lists(st.one_of(ROWS, st.sampled_from([f"c{i}" for i in range(8)])), max_size=12)


def snapshot(index: LexicalIndex) -> dict[str, Any]:
    """Everything search asks of the index, in a comparable form."""
    return {
        "size": len(index),
        "matches": {q: [(m.contact_id, round(m.score, 9), m.why, m.company_only)
                        for m in index.match(q)] for q in QUERIES},
        "by_name": index.by_name(None),
        "filters": [index.filtered(tier="inner"), index.filtered(tag="mentor"),
                    index.filtered(company="acme")],
        "phrases": {pid: sorted(index.with_phrase(pid)) for pid in index.phrases()},
    }


@settings(max_examples=80, deadline=None)
@given(st.lists(ROWS, max_size=8), EDITS)
def test_catching_up_ends_where_a_fresh_build_would(
    start: list[ContactRow], edits: list[ContactRow | str]
) -> None:
    state = {r.id: r for r in start}
    index = LexicalIndex(state.values())
    for edit in edits:
        if isinstance(edit, str):
            state.pop(edit, None)
            index.update([edit], [])
        else:
            state[edit.id] = edit
            index.update([edit.id], [edit])
        assert index.by_name(None) == LexicalIndex(state.values()).by_name(None)
    assert snapshot(index) == snapshot(LexicalIndex(state.values()))


def test_an_edit_or_delete_is_applied_without_reading_every_contact(
    app: Warmline, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = app.contacts.add("Ana Ruiz", company="Acme Health")
    bob = app.contacts.add("Bob Lee", company="Globex")
    assert app.search.search("ana")[0].id == ana.id  # the first search builds the index

    def every_contact() -> None:
        raise AssertionError("the whole index was rebuilt for one change")

    monkeypatch.setattr(app.stores.records, "contact_rows", every_contact)
    app.contacts.update(ana.id, name="Anabel Ruiz", company="Initech")
    found = app.search.search("anabel initech")
    assert found[0].id == ana.id and "company matches 'initech'" in found[0].why
    assert app.search.search("acme health") == []
    app.contacts.delete(bob.id)
    assert app.search.search("bob lee") == []
    assert [r.id for r in app.search.search("")] == [ana.id]


def test_more_changes_than_the_store_remembers_rebuild_the_index(app: Warmline) -> None:
    first = app.contacts.add("Ana Ruiz")
    app.search.search("ana")
    for number in range(5):
        app.contacts.add(f"Person {number}")
    version = app.stores.records.contacts_version
    assert app.stores.records.changed_since(version - 2) is not None
    app.stores.records._changes.clear()  # as if thousands of changes had scrolled out of the log
    assert app.stores.records.changed_since(version - 2) is None
    assert len(app.search.search("", k=50)) == 6
    assert app.search.search("ana")[0].id == first.id


def test_a_change_log_names_each_contact_written_or_deleted(app: Warmline) -> None:
    start = app.stores.records.contacts_version
    ana = app.contacts.add("Ana Ruiz")
    app.contacts.update(ana.id, title="Engineer")
    app.stores.records.put_contact(Contact(name="Bob Lee"))
    assert app.stores.records.changed_since(app.stores.records.contacts_version) == []
    changed = app.stores.records.changed_since(start)
    assert changed is not None and changed[:2] == [ana.id, ana.id] and len(changed) == 3


def test_warming_builds_the_index_the_first_search_then_uses(app: Warmline) -> None:
    app.contacts.add("Ana Ruiz", company="Acme Health")
    built = app.search.warm().result(timeout=30)
    assert app.search.lexicon() is built and "ana" in str(built.match("ana")[0].why)
