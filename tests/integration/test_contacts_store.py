"""Contacts on the real stack: persistent Chroma on disk and the real all-MiniLM ONNX embeddings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from assistant.app import Warmline, build_app
from assistant.llm.embeddings import OnnxMiniLMEmbeddings
from assistant.settings import load_settings
from assistant.storage.phrases import phrases_of
from tests.exports import Person, linkedin_connections_csv, markdown_notes

PEOPLE = [
    Person("Ana", "Ruiz", company="Acme Health", title="Data Scientist", slug="ana-ruiz",
           connected_on=date(2024, 3, 1)),
    Person("Bob", "Lee", company="Globex", title="Recruiter", slug="bob-lee",
           connected_on=date(2023, 5, 6)),
    Person("Carla", "Diaz", company="Initech", title="Product Manager", slug="carla-diaz",
           connected_on=date(2022, 1, 9)),
]
NOTES = markdown_notes([
    ("Ana Ruiz", "She ran the Chicago marathon in October"),
    ("Bob Lee", "Wants to move into climate tech"),
    ("Carla Diaz", "Her daughter started college this fall"),
])


@pytest.fixture(scope="module")
def embeddings() -> OnnxMiniLMEmbeddings:
    return OnnxMiniLMEmbeddings()


@pytest.fixture
def open_app(tmp_path: Path, embeddings: OnnxMiniLMEmbeddings) -> Iterator[Callable[[], Warmline]]:
    """Open (and reopen) the app on one data dir; every app is closed afterwards."""
    opened: list[Warmline] = []

    def make() -> Warmline:
        for app in opened:
            app.close()
        app = build_app(load_settings(home=tmp_path / "home"), backend=None, embeddings=embeddings)
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()


def test_semantic_search_finds_a_paraphrase_and_says_which_note(
    open_app: Callable[[], Warmline],
) -> None:
    app = open_app()
    app.importer.import_bytes("Connections.csv", linkedin_connections_csv(PEOPLE))
    app.importer.import_bytes("notes.md", NOTES)
    results = app.search.search("long-distance running race")
    assert results[0].name == "Ana Ruiz"
    # The thesaurus knows a marathon is a long run, and says so.
    assert results[0].why == ["note: 'She ran the Chicago marathon in October' "
                              "('marathon' for 'long distance running')"]
    assert app.search.search("renewable energy startups")[0].name == "Bob Lee"
    assert app.search.search("talent acquisition")[0].name == "Bob Lee"
    ana = app.stores.records.find_contact("ana-ruiz")
    assert [n.text for n in app.search.top_notes(ana.id, "endurance sports", k=1)] == [
        "She ran the Chicago marathon in October"]


def test_delete_removes_vectors_and_reopening_persists_everything(
    open_app: Callable[[], Warmline],
) -> None:
    app = open_app()
    app.importer.import_bytes("Connections.csv", linkedin_connections_csv(PEOPLE))
    app.importer.import_bytes("notes.md", NOTES)
    ana = app.stores.records.find_contact("ana-ruiz")
    ana_notes = {n.id for n in app.stores.records.notes_for(ana.id)}
    ana_phrases = {p.id for p in phrases_of(ana)}
    index = app.stores.index
    assert ana_phrases <= index.ids("contact") and ana_notes <= index.ids("note")

    app.contacts.delete(ana.id)
    assert not ana_phrases & app.stores.index.ids("contact")
    assert not ana_notes & app.stores.index.ids("note")
    assert all(r.id != ana.id for r in app.search.search("marathon"))

    reopened = open_app()
    assert reopened.stores.index.ids("contact") == {
        p.id for c in reopened.stores.records.list_contacts() for p in phrases_of(c)}
    assert reopened.stores.index.count("note") == 2
    assert not ana_phrases & reopened.stores.index.ids("contact")
    assert reopened.search.search("climate")[0].name == "Bob Lee"
    assert reopened.search.search("carla")[0].name == "Carla Diaz"
    checks = {c.name: c.ok for c in reopened.doctor().checks}
    assert checks["records"] and checks["index"]  # records and index agree after the reopen
