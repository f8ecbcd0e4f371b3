"""The team's thesaurus: finding its terms in a query, crediting other ways of saying them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from assistant.app import Warmline
from assistant.domain import Contact, Note
from assistant.errors import InputError
from assistant.services.contacts.name_index import query_words
from assistant.services.contacts.thesaurus import (
    SYNONYM_CREDIT,
    THESAURUS_FILE,
    Thesaurus,
    coverage,
    stems,
)
from assistant.settings import KNOWLEDGE_DIR

SHIPPED = KNOWLEDGE_DIR / THESAURUS_FILE
GROUPS = [
    ["laid off", "lost their job", "made redundant"],
    ["surgery", "had an operation"],
    ["operations", "ops"],
    ["podcast host", "hosts a podcast", "podcaster", "started a podcast"],
    ["actuary", "insurance risk", "risk modelling"],
    ["book", "books"],
    ["writing a book", "author"],
]


@pytest.fixture
def thesaurus() -> Thesaurus:
    return Thesaurus(GROUPS)


def covered(thesaurus: Thesaurus, query: str, marked: list[str]) -> float:
    return coverage(query_words(query), thesaurus.slots(query), marked).share


def test_the_shipped_thesaurus_loads_without_clashes() -> None:
    shipped = Thesaurus.load(SHIPPED)
    assert len(shipped) >= 150
    assert shipped.slots("who lost their job")[0].phrases[0] == "laid off"


def _shipped_groups() -> list[list[str]]:
    groups: list[list[str]] = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    return groups


def test_every_shipped_term_has_a_word_search_can_use() -> None:
    # A term of function words only ("who", "at the") is silently skipped by the loader.
    assert [term for group in _shipped_groups() for term in group if not stems(term)] == []


def test_every_shipped_group_says_its_meaning_at_least_two_ways() -> None:
    # "nurse, nurses" stem alike: such a group never lets search find anything new.
    assert [group for group in _shipped_groups()
            if len({frozenset(stems(term)) for term in group}) < 2] == []


@pytest.mark.parametrize(("query", "marked", "share"), [
    ("who had surgery", ["surgery"], 1.0),  # no longer term "had surgery" swallows it
    ("who had a baby", ["baby"], 1.0),
    ("who is pregnant", ["expecting a baby"], SYNONYM_CREDIT),
    ("who keeps chickens", ["backyard chickens"], SYNONYM_CREDIT),
    ("a translator", ["interpreter"], SYNONYM_CREDIT),
    ("who plays guitar", ["piano"], 0.0),  # narrow groups: a guitarist is not a pianist
    ("who has a dog", ["cat"], 0.0),
    ("a plumber", ["electrician"], 0.0),
])
def test_the_shipped_thesaurus_credits_what_means_the_same_and_only_that(
    query: str, marked: list[str], share: float,
) -> None:
    shipped = Thesaurus.load(SHIPPED)
    assert covered(shipped, query, marked) == pytest.approx(share)


def test_terms_are_found_in_any_order_and_longest_first(thesaurus: Thesaurus) -> None:
    slots = thesaurus.slots("Who models insurance risk?")
    assert {frozenset(s.covers) for s in slots} == {frozenset({"insur", "risk"}),
                                                    frozenset({"model", "risk"})}
    assert "actuary" in slots[0].phrases
    # "book" inside "writing a book" adds nothing of its own.
    [slot] = thesaurus.slots("who is writing a book")
    assert slot.phrases == ("author",)


def test_a_term_that_stems_to_the_query_words_is_no_other_way_of_saying_them(
    thesaurus: Thesaurus,
) -> None:
    [slot] = thesaurus.slots("who hosts a podcast")
    assert "podcaster" not in slot.phrases  # "podcaster" stems to "podcast"
    assert "started a podcast" in slot.phrases


def test_a_term_in_two_groups_is_refused_by_name() -> None:
    with pytest.raises(InputError, match="'Laid-off' is already in the group 'laid off"):
        Thesaurus([["laid off", "let go"], ["fired", "Laid-off"]])


@pytest.mark.parametrize(("text", "problem"), [
    ("- [a, b\n", "cannot read the thesaurus"),
    ("laid off: let go\n", "must be a YAML list of lists"),
    ("- [a, 3]\n", "must be a YAML list of lists"),
])
def test_a_malformed_thesaurus_file_is_one_clear_error(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / THESAURUS_FILE
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        Thesaurus.load(path)


def test_no_thesaurus_file_means_no_expansion(tmp_path: Path) -> None:
    empty = Thesaurus.load(tmp_path / THESAURUS_FILE)
    assert len(empty) == 0 and empty.slots("who lost their job") == []


def test_coverage_credits_own_words_fully_and_synonyms_a_little_less(
    thesaurus: Thesaurus,
) -> None:
    assert covered(thesaurus, "who lost their job", ["lost", "job"]) == 1.0
    assert covered(thesaurus, "who lost their job", ["laid off"]) == SYNONYM_CREDIT
    assert covered(thesaurus, "who lost their job", ["weekend"]) == 0.0
    query = "who lost their job"
    said = coverage(query_words(query), thesaurus.slots(query), ["laid off"]).said
    assert said == ("'laid off' for 'lost their job'",)  # what a result's "why" shows
    assert coverage(query_words(query), thesaurus.slots(query), ["lost", "job"]).said == ()


def test_the_words_of_a_longer_term_count_only_together(thesaurus: Thesaurus) -> None:
    # "operations" is a department; "had an operation" is surgery.
    assert covered(thesaurus, "who had an operation", ["operations"]) == 0.0
    assert covered(thesaurus, "who had an operation", ["surgery"]) == SYNONYM_CREDIT
    # An interest in podcasts is not hosting one.
    assert covered(thesaurus, "who hosts a podcast", ["podcasts"]) == 0.0
    assert covered(thesaurus, "who hosts a podcast", ["started a podcast"]) == SYNONYM_CREDIT


@given(st.lists(st.sampled_from(["lost", "job", "laid", "off", "surgery", "podcast", "risk",
                                 "actuary", "book", "author", "weekend"]), max_size=6),
       st.sampled_from(["who lost their job", "who had an operation", "who models insurance "
                        "risk", "who is writing a book", "who hosts a podcast"]))
def test_coverage_is_a_share_and_holding_every_word_is_all_of_it(
    marked: list[str], query: str
) -> None:
    thesaurus = Thesaurus(GROUPS)
    assert 0.0 <= covered(thesaurus, query, marked) <= 1.0
    assert covered(thesaurus, query, [*marked, query]) == 1.0  # a text that says it all


def _network(app: Warmline) -> dict[str, Contact]:
    people = {
        "baraka": Contact(name="Baraka Mwangi", company="Vantage Hill", title="Analyst"),
        "lin": Contact(name="Lin Zhou", company="Riverbend", title="Architect"),
        "omar": Contact(name="Omar Haddad", company="Basalt Freight",
                        title="Operations Manager"),
    }
    notes = {"baraka": "Was laid off in the March restructuring.",
             "lin": "Recovering from knee surgery; back in June.",
             "omar": "Busy with a job fair for the warehouse team."}
    with app.stores.records.db.transaction() as conn:
        for key, contact in people.items():
            app.stores.records.put_contact(contact, conn)
            app.stores.records.put_note(Note(contact_id=contact.id, text=notes[key]), conn)
    app.stores.sync.reconcile()
    return people


def test_search_finds_what_a_note_says_another_way(
    app_factory: Callable[..., Warmline],
) -> None:
    app = app_factory()
    people = _network(app)
    laid_off = app.search.search("who lost their job recently", mode="lexical")
    assert laid_off[0].id == people["baraka"].id
    assert laid_off[0].why == ["note: 'Was laid off in the March restructuring.' "
                               "('laid off' for 'lost their job')"]
    surgery = app.search.search("who had an operation", mode="lexical")
    assert [r.id for r in surgery] == [people["lin"].id]  # not the operations manager


def test_without_the_thesaurus_search_only_knows_the_users_words(
    app_factory: Callable[..., Warmline], tmp_path: Path,
) -> None:
    app = app_factory(knowledge_dir=tmp_path)  # no thesaurus.yaml here
    people = _network(app)
    found = [r.id for r in app.search.search("who lost their job recently", mode="lexical")]
    assert people["baraka"].id not in found


def test_a_broken_thesaurus_file_leaves_search_working_and_doctor_says_why(
    app_factory: Callable[..., Warmline], tmp_path: Path,
) -> None:
    (tmp_path / THESAURUS_FILE).write_text("- [laid off, let go]\n- [fired, Laid-off]\n",
                                           encoding="utf-8")
    app = app_factory(knowledge_dir=tmp_path)
    ana = app.contacts.add("Ana Ruiz", company="Acme Health")
    assert app.search.search("ana")[0].id == ana.id
    [check] = [c for c in app.doctor().checks if c.name == "thesaurus"]
    assert not check.ok
    assert "'Laid-off' is already in the group 'laid off" in check.detail
    assert "search runs without synonyms" in check.detail
