"""Search with the model's help: other ways of saying a query, asked for on purpose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.app import Warmline
from assistant.domain import Contact, Note
from assistant.services.contacts.name_index import query_words
from assistant.services.contacts.query_rewrite import (
    MAX_TERM_CHARS,
    MAX_TERM_WORDS,
    MAX_TERMS,
    NO_MODEL,
    parse_terms,
)
from assistant.services.contacts.search import MODEL_CREDIT
from assistant.services.contacts.thesaurus import coverage, rewrite_slot
from assistant.text import normalize
from tests.fakes import FakeChatModel, connection_error, fake_backend

TREE_NOTE = "Works as a tree surgeon for the city parks department"


def test_parse_terms_keeps_short_clean_distinct_terms() -> None:
    reply = ('Here are some other terms:\n1. Tree surgeon\n2) "Tree care"\n- arboriculture, '
             "tree surgeon\n• Arborist\n* someone who climbs trees to prune them for a living "
             "every day\nSEARCH>>\n")
    assert parse_terms(reply, "arborist") == ("tree surgeon", "tree care", "arboriculture")


def test_parse_terms_stops_at_the_limit_and_drops_function_words() -> None:
    reply = "\n".join(["the", "who", *(f"term {n}" for n in range(10))])
    assert parse_terms(reply, "anything") == tuple(f"term {n}" for n in range(MAX_TERMS))


@given(st.text(max_size=400), st.text(max_size=40))
def test_parse_terms_never_fails_and_keeps_its_bounds(reply: str, query: str) -> None:
    terms = parse_terms(reply, query)
    assert len(terms) <= MAX_TERMS
    keys = [normalize(t) for t in terms]
    assert len(set(keys)) == len(keys) and normalize(query) not in keys
    for term in terms:
        assert term and len(term) <= MAX_TERM_CHARS and len(term.split()) <= MAX_TERM_WORDS
        assert "<" not in term and ">" not in term and term == term.lower()


@pytest.fixture
def trees(app_factory: Callable[..., Warmline], fake_model: FakeChatModel,
          tmp_path: Path) -> Warmline:
    """An app on a fake model, with a tree surgeon (in a note) and an arborist (by title);
    no thesaurus, so only the model can say that the two are one job."""
    app = app_factory(backend=fake_backend(fake_model), knowledge_dir=tmp_path / "knowledge")
    surgeon = Contact(name="Tomas Reyes", company="City Parks")
    arborist = Contact(name="Ines Duarte", company="Greenway", title="Arborist")
    other = Contact(name="Ola Berg", company="Northwind", title="Accountant")
    with app.stores.records.db.transaction() as conn:
        for contact in (surgeon, arborist, other):
            app.stores.records.put_contact(contact, conn)
        app.stores.records.put_note(Note(contact_id=surgeon.id, text=TREE_NOTE), conn)
    app.stores.sync.reconcile()
    return app


def names(results: list) -> list[str]:  # type: ignore[type-arg]
    return [r.name for r in results]


def test_other_wordings_find_what_the_users_words_do_not(trees: Warmline) -> None:
    assert "Tomas Reyes" not in names(trees.search.search("arborist"))
    results = trees.search.search("arborist", also=("tree surgeon", "tree care"))
    # The user's own word still ranks first; the model's wording counts, a little less.
    assert names(results)[:2] == ["Ines Duarte", "Tomas Reyes"]
    assert results[0].score > results[1].score
    assert any("('tree surgeon' for 'arborist')" in why for why in results[1].why)
    assert "Ola Berg" not in names(results)


def test_meaning_search_also_embeds_the_other_wordings(trees: Warmline) -> None:
    results = trees.search.search("arborist", also=("tree surgeon",), mode="semantic")
    surgeon = next(r for r in results if r.name == "Tomas Reyes")
    assert any(why.endswith("(like 'tree surgeon')") for why in surgeon.why)


def test_find_asks_the_model_once_and_says_what_it_added(
    trees: Warmline, fake_model: FakeChatModel
) -> None:
    fake_model.enqueue("1. Tree surgeon\n2. Tree care")
    found = trees.search.find("arborist", expand=True, k=5)
    assert found.rewrite is not None and found.rewrite.terms == ("tree surgeon", "tree care")
    assert "<<<SEARCH\narborist\nSEARCH>>>" in fake_model.prompt_text()
    assert "Tomas Reyes" in names(found.results)
    assert found.to_json()["expanded"] == {"terms": ["tree surgeon", "tree care"],
                                           "engine": "fake:model", "notice": ""}
    # The same search again (as typed differently) is remembered: no second model call.
    again = trees.search.find("  Arborist ", expand=True, k=5)
    assert len(fake_model.received) == 1
    assert again.rewrite is not None and again.rewrite.terms == found.rewrite.terms


def test_a_failing_model_leaves_the_plain_search_with_a_notice(
    trees: Warmline, fake_model: FakeChatModel
) -> None:
    fake_model.enqueue(connection_error(), "Tree surgeon")
    found = trees.search.find("arborist", expand=True, k=5)
    assert found.rewrite is not None and found.rewrite.terms == ()
    assert "is not reachable" in found.rewrite.notice
    assert found.rewrite.notice.endswith("only your words were searched")
    assert names(found.results) == ["Ines Duarte"]
    # A failure is not remembered: the next search asks again, and gets an answer.
    assert trees.search.find("arborist", expand=True).rewrite.terms == ("tree surgeon",)


def test_without_a_model_find_says_so_and_searches_as_typed(app: Warmline) -> None:
    app.stores.records.put_contact(Contact(name="Ines Duarte", title="Arborist"))
    app.stores.sync.reconcile()
    found = app.search.find("arborist", expand=True)
    assert found.rewrite is not None and found.rewrite.notice == NO_MODEL
    assert found.rewrite.engine == "offline" and names(found.results) == ["Ines Duarte"]
    assert "expanded" not in app.search.find("arborist").to_json()


WORDS = st.sampled_from(["tree", "trees", "surgeon", "arborist", "care", "who", "looks",
                         "after", "city", "parks", "the", "climbs", "ropes"])
PHRASES = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)


@given(query=PHRASES, terms=st.lists(PHRASES, max_size=4), marked=st.lists(WORDS, max_size=6))
def test_a_models_wording_never_counts_as_much_as_the_users_own(
    query: str, terms: list[str], marked: list[str]
) -> None:
    words = query_words(query)
    slot = rewrite_slot(query, terms, MODEL_CREDIT)
    plain = coverage(words, [], marked).share
    helped = coverage(words, [slot] if slot else [], marked).share
    # Another wording only ever adds, never takes away what the text holds of the query...
    assert plain <= helped <= 1.0
    # ...and a text that holds none of the user's words gets at most the model's credit.
    if plain == 0.0:
        assert helped in (0.0, pytest.approx(MODEL_CREDIT))
