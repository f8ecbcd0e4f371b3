"""Hybrid search: exact, prefix and fuzzy names and companies, meaning, filters, and why."""

from __future__ import annotations

import pytest

from assistant.app import Warmline
from assistant.domain import Contact, Note, Tier
from assistant.services.contacts.name_index import LexicalIndex
from assistant.storage.phrases import phrases_of


@pytest.fixture
def people(app: Warmline) -> dict[str, Contact]:
    """A small network with notes (hash embeddings: shared words mean close vectors)."""
    contacts = {
        "ana": Contact(name="Ana Ruiz", company="Acme Health", title="Data Scientist",
                       tier=Tier.INNER, tags=["running"]),
        "diana": Contact(name="Diana Park", company="Globex", title="Recruiter"),
        "mariya": Contact(name="Mariya Ivanova", company="Initech", title="Product Manager",
                          interests=["pottery"], tier=Tier.DORMANT),
        "bob": Contact(name="Bob Lee", company="Acme Health", title="Engineer", tags=["python"]),
    }
    with app.stores.records.db.transaction() as conn:
        for contact in contacts.values():
            app.stores.records.put_contact(contact, conn)
        app.stores.records.put_note(Note(contact_id=contacts["diana"].id,
                                  text="She ran the Chicago marathon in October"), conn)
        app.stores.records.put_note(Note(contact_id=contacts["bob"].id,
                                  text="Wants to move into climate tech"), conn)
        app.stores.records.put_note(Note(text="marathon training plan for me"), conn)  # a free note
    app.stores.sync.reconcile()
    return contacts


def ids(results: list) -> list[str]:  # type: ignore[type-arg]
    return [r.id for r in results]


def test_exact_name_word_ranks_first_and_says_why(app: Warmline, people: dict) -> None:
    results = app.search.search("ana")
    assert results[0].id == people["ana"].id
    assert "name matches 'ana'" in results[0].why
    assert people["diana"].id not in ids(results)  # 'ana' inside 'Diana' is not a word match


def test_full_name_scores_highest_and_typos_and_prefixes_still_match(
    app: Warmline, people: dict
) -> None:
    assert app.search.search("Ana Ruiz")[0].score > app.search.search("ana")[0].score
    typo = app.search.search("maria ivanova")
    assert typo[0].id == people["mariya"].id
    assert any("is like" in w for w in typo[0].why)
    prefix = app.search.search("mari")
    assert prefix[0].id == people["mariya"].id and "name starts with 'mari'" in prefix[0].why


def test_company_matches_rank_everyone_there(app: Warmline, people: dict) -> None:
    results = app.search.search("acme health")
    assert set(ids(results)[:2]) == {people["ana"].id, people["bob"].id}
    assert "company matches 'acme health'" in results[0].why


def test_semantic_note_match_says_which_note(app: Warmline, people: dict) -> None:
    results = app.search.search("marathon")
    assert results[0].id == people["diana"].id
    assert results[0].why == ["note: 'She ran the Chicago marathon in October'"]
    # A runner means the same to the thesaurus, a little less than the user's own word; the
    # free note about nobody is not a contact.
    assert ids(results) == [people["diana"].id, people["ana"].id]
    assert results[1].why == ["profile mentions 'Data Scientist · running' "
                              "('running' for 'marathon')"]


def test_semantic_title_and_interest_match(app: Warmline, people: dict) -> None:
    results = app.search.search("pottery")
    assert results[0].id == people["mariya"].id
    assert "profile: 'pottery'" in results[0].why  # the phrase that is close in meaning
    assert "profile mentions 'Product Manager · pottery'" in results[0].why  # the keyword


def test_filters_by_tier_tag_and_company(app: Warmline, people: dict) -> None:
    assert ids(app.search.search("acme", tier="inner")) == [people["ana"].id]
    assert ids(app.search.search("acme", tag="PYTHON")) == [people["bob"].id]
    assert ids(app.search.search("", company="globex")) == [people["diana"].id]
    everyone = app.search.search("")
    assert [r.name for r in everyone] == ["Ana Ruiz", "Bob Lee", "Diana Park", "Mariya Ivanova"]
    assert app.search.search("marathon", tier="dormant") == []


def test_results_json_has_the_promised_shape(app: Warmline, people: dict) -> None:
    data = app.search.search("ana")[0].to_json()
    assert {"id", "name", "company", "title", "score", "why"} <= set(data)
    assert data["name"] == "Ana Ruiz" and isinstance(data["score"], float)


def test_lexical_index_rebuilds_after_a_change(app: Warmline, people: dict) -> None:
    assert app.search.search("zelda") == []
    app.contacts.add("Zelda Fitzgerald", company="Jazz Age Press")
    assert app.search.search("zelda")[0].name == "Zelda Fitzgerald"
    app.contacts.update(people["bob"].id, name="Robert Lee")
    assert app.search.search("robert")[0].id == people["bob"].id
    assert app.search.lexicon() is app.search.lexicon()  # not rebuilt when nothing changed


def test_delete_removes_the_contact_from_search_and_every_index(
    app: Warmline, people: dict
) -> None:
    diana = people["diana"]
    note_ids = [n.id for n in app.stores.records.notes_for(diana.id)]
    result = app.contacts.delete(diana.id)
    assert result == {"deleted": diana.id, "name": "Diana Park", "notes": 1, "interactions": 0}
    # Her role phrase was hers alone: its vector is gone too.
    assert not {p.id for p in phrases_of(diana)} & app.stores.index.ids("contact")
    assert not set(note_ids) & app.stores.index.ids("note")
    assert diana.id not in ids(app.search.search("marathon"))
    assert diana.id not in ids(app.search.search("diana"))


def test_top_notes_ranks_relevant_notes_then_newest(app: Warmline, people: dict) -> None:
    from datetime import date

    ana = people["ana"]
    old = app.contacts.add_note(ana.id, "Her daughter started college", date(2024, 1, 1))
    new = app.contacts.add_note(ana.id, "Presented at a conference on hospital data",
                                date(2025, 1, 1))
    newest = app.contacts.add_note(ana.id, "Moved to Lisbon", date(2025, 6, 1))
    top = app.search.top_notes(ana.id, "college", k=2)
    assert [n.id for n in top] == [old.id, newest.id]
    assert [n.id for n in app.search.top_notes(ana.id, "", k=2)] == [newest.id, new.id]
    assert app.search.top_notes(people["mariya"].id, "college") == []


def test_contacts_for_goal_finds_people_at_named_companies(app: Warmline, people: dict) -> None:
    results = app.search.contacts_for_goal("I want a product role at Initech", k=3)
    assert results[0].id == people["mariya"].id
    assert "company matches 'initech'" in results[0].why


def test_lexical_index_alone_is_fast_to_query_and_handles_odd_input() -> None:
    index = LexicalIndex([Contact(name="Ana Ruiz", company="Acme"), Contact(name="李 伟")])
    assert index.match("") == [] and index.match("!!!") == []
    assert index.match("李")[0].why == ["name matches '李'"]
    assert index.filtered() is None and index.filtered(tier="nope") == set()
