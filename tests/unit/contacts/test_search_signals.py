"""The signals search combines: past employers, query coverage, keywords, shared phrase vectors."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.app import Warmline
from assistant.domain import Contact, Note
from assistant.errors import InputError
from assistant.storage import fulltext
from assistant.storage.db import Database
from assistant.storage.phrases import contact_phrases, phrases_of
from assistant.storage.records import RecordStore
from tests.fakes import HashEmbeddings


def ids(results: list) -> list[str]:  # type: ignore[type-arg]
    return [r.id for r in results]


@pytest.fixture
def crew(app: Warmline) -> dict[str, Contact]:
    people = {
        "callum": Contact(name="Callum Reid", company="Verdigris Textiles", title="Buyer"),
        "ines": Contact(name="Ines Moreau", company="Verdigris Textiles", title="Designer"),
        "olu": Contact(name="Olu Bello", company="Basalt Freight", title="Planner",
                       past_companies=["Verdigris Textiles"]),
        "sigrid": Contact(name="Sigrid Makela", company="Fernhill", title="Engineer"),
        "diego": Contact(name="Diego Ruiz", company="Fernhill", title="Fleet Manager",
                         how_we_met="Served on the same jury in 2023"),
        "aiko": Contact(name="Aiko Sato", company="Fernhill", title="Fleet Manager"),
    }
    with app.stores.records.db.transaction() as conn:
        for contact in people.values():
            app.stores.records.put_contact(contact, conn)
        app.stores.records.put_note(Note(contact_id=people["aiko"].id,
                                  text="Offered to introduce me to their head of product"), conn)
    app.stores.sync.reconcile()
    return people


def test_a_name_with_a_company_puts_that_person_above_the_colleagues(
    app: Warmline, crew: dict[str, Contact]
) -> None:
    results = app.search.search("Callum at Verdigris Textiles")
    assert results[0].id == crew["callum"].id
    assert results[0].score > results[1].score
    assert {"name matches 'callum'", "company matches 'verdigris textiles'"} <= set(
        results[0].why)


def test_past_employers_are_found_and_rank_first_when_the_query_asks_for_the_past(
    app: Warmline, crew: dict[str, Contact]
) -> None:
    now = app.search.search("Verdigris Textiles")
    assert set(ids(now)[:2]) == {crew["callum"].id, crew["ines"].id}
    assert crew["olu"].id in ids(now)  # a former employee is still someone who knows it
    past = app.search.search("who used to work at Verdigris Textiles")
    assert past[0].id == crew["olu"].id
    assert "past company matches 'verdigris textiles'" in past[0].why


def test_notes_and_roles_that_restate_the_employer_do_not_outrank_the_past(
    app: Warmline, crew: dict[str, Contact]
) -> None:
    app.contacts.add_note(crew["callum"].id, "Work anniversary at Verdigris Textiles, five years")
    past = app.search.search("who used to work at Verdigris Textiles")
    assert past[0].id == crew["olu"].id  # Callum's note and role only repeat the company
    now = app.search.search("Verdigris Textiles")
    assert ids(now)[:2] == [crew["callum"].id, crew["ines"].id]  # the note orders equals


def test_question_words_neither_count_nor_start_prefix_matches_on_names(
    app: Warmline, crew: dict[str, Contact]
) -> None:
    results = app.search.search("who offered to make an introduction for me")
    assert results[0].id == crew["aiko"].id  # the note, not Ms Makela's name
    assert crew["sigrid"].id not in ids(results)
    assert app.search.search("maka")[0].id == crew["sigrid"].id  # a typed prefix still works


def test_keywords_are_stemmed_and_the_reason_quotes_the_match(
    app: Warmline, crew: dict[str, Contact]
) -> None:
    results = app.search.search("jury", mode="lexical")
    assert ids(results) == [crew["diego"].id]
    assert results[0].why == ["profile mentions 'Fleet Manager · Served on the same jury in 2023'"]
    assert ids(app.search.search("introductions offered", mode="lexical")) == [crew["aiko"].id]


def test_modes_separate_the_signals_and_reject_unknown_ones(
    app: Warmline, crew: dict[str, Contact]
) -> None:
    assert ids(app.search.search("Callum Reid", mode="lexical"))[0] == crew["callum"].id
    assert crew["callum"].id not in ids(app.search.search("Callum Reid", mode="semantic"))
    semantic = app.search.search("fleet manager", mode="semantic")
    assert set(ids(semantic)[:2]) == {crew["diego"].id, crew["aiko"].id}
    assert all(w.startswith("profile: ") for w in semantic[0].why)
    with pytest.raises(InputError, match="unknown search mode 'fuzzy'"):
        app.search.search("x", mode="fuzzy")


def test_a_shared_phrase_vector_stays_until_its_last_holder_is_deleted(
    app: Warmline, crew: dict[str, Contact]
) -> None:
    role = {p.id for p in phrases_of(crew["diego"]) if p.field == "role"}
    met = {p.id for p in phrases_of(crew["diego"]) if p.field == "met"}
    assert role == {p.id for p in phrases_of(crew["aiko"])}  # both "Fleet Manager at Fernhill"
    app.contacts.delete(crew["diego"].id)
    assert role <= app.stores.index.ids("contact")  # Aiko still holds it
    assert not met & app.stores.index.ids("contact")  # how Diego and I met: gone with him
    assert app.search.search("jury") == []
    app.contacts.delete(crew["aiko"].id)
    assert not role & app.stores.index.ids("contact")


def test_a_role_vector_is_the_normalised_sum_of_its_title_and_company(
    app: Warmline, crew: dict[str, Contact], embeddings: HashEmbeddings
) -> None:
    [role] = [p for p in phrases_of(crew["callum"]) if p.field == "role"]
    assert role.parts == ("Buyer", "Verdigris Textiles") and role.text == (
        "Buyer at Verdigris Textiles")
    collection = app.stores.index._stores["contact"]._collection
    stored = collection.get(ids=[role.id], include=["embeddings"])
    expected = np.add(*embeddings.embed_documents(list(role.parts)))
    expected /= np.linalg.norm(expected)
    assert np.allclose(stored["embeddings"][0], expected, atol=1e-5)
    assert contact_phrases("", "Acme", [], "")[0].parts == ()  # a lone company is embedded whole


def test_health_counts_phrases_and_doctor_agrees(app: Warmline, crew: dict[str, Contact]) -> None:
    counts = app.stores.sync.health()
    assert counts["contacts"] == 6 and counts["phrases"] == counts["indexed_phrases"] == 6
    assert {c.name: c.ok for c in app.doctor().checks}["index"]


def test_the_keyword_index_follows_every_write_in_the_same_transaction(
    app: Warmline, crew: dict[str, Contact]
) -> None:
    diego = crew["diego"]
    app.stores.records.put_contact(diego.model_copy(update={"how_we_met": "Met at a wedding"}))
    assert app.stores.records.text_search(["jury"]) == []
    assert [h.owner for h in app.stores.records.text_search(["wedding"])] == [diego.id]
    with pytest.raises(RuntimeError), app.stores.records.db.transaction() as conn:
        app.stores.records.put_note(Note(contact_id=diego.id, text="sailing on Sundays"), conn)
        raise RuntimeError  # rolled back: the note and its keywords
    assert app.stores.records.text_search(["sailing"]) == []


def test_a_store_from_before_the_keyword_index_is_filled_on_open(
    home: object, tmp_path: object
) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "old.sqlite3"
    db = Database(path)
    records = RecordStore(db)
    ana = Contact(name="Ana Ruiz", title="Nurse", interests=["beekeeping"])
    records.put_contact(ana)
    records.put_note(Note(contact_id=ana.id, text="Keeps four hives"))
    with db.transaction() as conn:  # what a store written by the previous version looks like
        conn.execute("DELETE FROM fulltext_docs")
        conn.execute("INSERT INTO fulltext(fulltext) VALUES ('delete-all')")
    db.close()
    reopened = RecordStore(Database(path))
    assert {h.kind for h in reopened.text_search(["beekeeping", "hives"])} == {"contact", "note"}


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.text(max_size=12), max_size=6))
def test_any_words_give_hits_or_nothing_never_an_error(words: list[str]) -> None:
    conn = sqlite3.connect(":memory:")
    for statement in fulltext.SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    fulltext.put_contact(conn, Contact(name="Ana", title='Nurse "AND" NEAR(x) * OR'))

    def query(sql: str, params: tuple[object, ...]) -> list[object]:
        return conn.execute(sql, params).fetchall()

    hits = fulltext.search(query, words)
    assert all(h.kind == "contact" for h in hits)
