"""Search honesty: nonsense finds nobody, exact matches stand apart, snippets show the match.

The nonsense cases use the real embedding model (all-MiniLM, shipped in a wheel, no network):
the floor is about its similarities, which hash embeddings cannot stand in for.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.app import Warmline
from assistant.domain import Contact, Note
from assistant.llm.embeddings import OnnxMiniLMEmbeddings
from assistant.services.contacts.search import MEANING_FLOOR, passage

PEOPLE = [
    Contact(name="Ana Ruiz", company="Stripe", title="Product Manager", interests=["karaoke"]),
    Contact(name="Bo Chen", company="Stripe", title="Data Scientist", interests=["swimming"]),
    Contact(name="Priya Natarajan", company="Riverbend Hospital", title="Clinical Pharmacist",
            interests=["tea"]),
    Contact(name="Tomás Ortega", company="Globex Logistics", title="Supply Chain Analyst",
            interests=["basketball"]),
    Contact(name="Dana Whitfield", company="Acme Health", title="Payments Engineer",
            interests=["jazz"]),
]
NOTES = {
    "Tomás Ortega": "Met at the logistics meetup. Asked about his kids. He is training for the "
                    "Chicago marathon in October and runs every morning.",
}


@pytest.fixture(scope="module")
def minilm() -> OnnxMiniLMEmbeddings:
    return OnnxMiniLMEmbeddings()


@pytest.fixture
def embeddings(minilm: OnnxMiniLMEmbeddings) -> OnnxMiniLMEmbeddings:
    """The real model for every app this module builds (overrides the hash embeddings)."""
    return minilm


@pytest.fixture
def network(app_factory: Callable[..., Warmline]) -> Warmline:
    app = app_factory()
    records = app.stores.records
    with records.db.transaction() as conn:
        for contact in PEOPLE:
            records.put_contact(contact, conn)
            if contact.name in NOTES:
                records.put_note(Note(contact_id=contact.id, text=NOTES[contact.name]), conn)
    app.stores.sync.reconcile()
    return app


# The floor answers weak meaning; mashes the model knows no word of ("kjhkjh" is 0.39 from
# "basketball", above the floor) find no one because they have no meaning to match.
@pytest.mark.parametrize("query", ["asdf qwer", "???", "1234567", "zzzzzz",
                                   "jdfhgjkdf sdfsdf", "!!!", "quantum chromodynamics",
                                   "kjhkjh", "qwertyuiop", "lorem ipsum", "hjkl hjkl", "sdfghj"])
def test_nonsense_finds_nobody(network: Warmline, query: str) -> None:
    assert network.search.search(query) == []


def test_a_mash_is_no_word_and_an_inflected_word_is_one(minilm: OnnxMiniLMEmbeddings) -> None:
    assert not minilm.knows("kjhkjh") and not minilm.knows("lorem")
    assert minilm.knows("basketball") and minilm.knows("Netflix")
    assert minilm.knows("birding")  # split by the vocabulary (bird ##ing), still a word


def test_a_mash_still_finds_a_name_it_spells(app_factory: Callable[..., Warmline],
                                             minilm: OnnxMiniLMEmbeddings) -> None:
    app = app_factory()
    app.stores.records.put_contact(Contact(name="Xqzt Vrelm", interests=["basketball"]))
    app.stores.sync.reconcile()
    assert [r.name for r in app.search.search("xqzt")] == ["Xqzt Vrelm"]


def test_a_clear_meaning_match_survives_the_floor(network: Warmline) -> None:
    found = network.search.search("someone who runs marathons")
    assert found and found[0].name == "Tomás Ortega"
    assert MEANING_FLOOR > 0.2  # the old floor let 0.26 through (the score 0.078)


def test_an_exact_company_match_stands_apart_from_meaning_matches(network: Warmline) -> None:
    found = network.search.search("Stripe")
    exact = [r for r in found if r.match == "exact"]
    assert sorted(r.name for r in exact) == ["Ana Ruiz", "Bo Chen"]
    assert [r.match for r in found[:2]] == ["exact", "exact"]  # exact ones first
    assert all(r.match == "related" for r in found[2:])  # anything else is labelled
    assert found[0].to_json()["match"] == "exact"


def test_a_note_snippet_shows_the_sentence_that_matched(network: Warmline) -> None:
    found = network.search.search("marathon")
    why = next(w for w in found[0].why if w.startswith("note:"))
    assert "marathon" in why and "logistics meetup" not in why


def test_passage_picks_the_sentence_sharing_the_query_words() -> None:
    note = "Met at a conference. Her daughter plays the cello in the youth orchestra."
    assert passage(note, "cellist daughter") == ("…Her daughter plays the cello in the youth "
                                                 "orchestra.")
    assert passage(note, "weather") == note  # nothing shared: the start, as before
    assert passage("One sentence only about cello.", "cello") == "One sentence only about cello."
