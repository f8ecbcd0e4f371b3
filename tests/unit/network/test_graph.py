"""The graph: nodes for you, contacts and companies; knows, works-at, worked-at, introduced-by."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.services.network.people import employers_in_note, role_matches
from tests.unit.network.helpers import network, person


def test_edges_and_nodes_of_a_small_network() -> None:
    net = network(
        person("a", "Ana Ruiz", "Acme, Inc.", "inner", past=("Globex",)),
        person("b", "Bob Lee", "ACME", "aspirational", introduced_by="ana ruiz"),
        notes=(("b", "Former colleague from Initech."),), own=("Globex",),
    )
    data = net.to_json()
    edges = {(e["source"], e["target"], e["kind"]) for e in data["edges"]}
    assert edges == {
        ("me", "a", "knows"), ("me", "b", "knows"),
        ("a", "company:acme", "works-at"), ("b", "company:acme", "works-at"),
        ("a", "company:globex", "worked-at"), ("me", "company:globex", "worked-at"),
        ("b", "company:initech", "worked-at"), ("b", "a", "introduced-by"),
    }
    assert data["tiers"] == {"inner": 1, "active": 0, "dormant": 0, "aspirational": 1}
    companies = {c["name"]: (c["current"], c["past"], c["yours"]) for c in data["companies"]}
    assert companies == {"Acme, Inc.": (2, 0, False), "Globex": (0, 1, True),
                         "Initech": (0, 1, False)}
    assert data["companies"][0]["name"] == "Acme, Inc."  # largest first
    assert data["counts"] == {"contacts": 2, "companies": 3, "edges": 8}
    tiers = {n["id"]: n.get("tier") for n in data["nodes"]}
    assert tiers["a"] == "inner" and tiers["b"] == "aspirational"


def test_a_current_job_is_not_also_a_past_one() -> None:
    net = network(person("a", "Ana Ruiz", "Acme", past=("Acme Inc",)),
                  notes=(("a", "She used to work at Acme."),))
    assert net.companies_of("a") == {"company:acme": "works-at"}


@pytest.mark.parametrize(("text", "employers"), [
    ("Former colleague from Globex, great at SQL.", ["Globex"]),
    ("former colleague at Bank of America", ["Bank of America"]),
    ("She used to work at Acme Health before the startup", ["Acme Health"]),
    ("ex-Initech engineer, now freelancing", ["Initech"]),
    ("we worked at Procter & Gamble together", ["Procter & Gamble"]),
    ("previously at Stripe. Then Plaid", ["Stripe"]),
    ("met at a conference in Lisbon", []),
    ("worked at the bakery on Saturdays", []),
])
def test_employers_named_in_notes(text: str, employers: list[str]) -> None:
    assert employers_in_note(text) == employers


@given(st.text(max_size=200))
def test_employers_in_note_never_fails_and_names_are_never_blank(text: str) -> None:
    assert all(name.strip() for name in employers_in_note(text))


def test_role_matching_needs_every_meaningful_word() -> None:
    assert role_matches("product manager", "Senior Product Managers")
    assert role_matches("Clinical Decision Support", "clinical decision support lead")
    assert not role_matches("product manager", "Product Designer")
    assert not role_matches("the", "The Boss")  # no meaningful word: no match


def test_the_networkx_graph_holds_the_same_edges_and_exports_graphml(tmp_path: Path) -> None:
    import networkx as nx

    net = network(person("a", "Ana Ruiz", "Acme", "inner", past=("Globex",)),
                  person("b", "Bob Lee", "Acme", introduced_by="Ana Ruiz"), own=("Globex",))
    g = net.graph
    assert {(a, b, d["kind"]) for a, b, d in g.edges(data=True)} == {
        (e["source"], e["target"], e["kind"]) for e in net.to_json()["edges"]}
    assert g.nodes["a"]["tier"] == "inner" and g.nodes["company:acme"]["kind"] == "company"
    path = tmp_path / "net.graphml"
    nx.write_graphml(g, path)
    back = nx.read_graphml(path)
    assert back.number_of_edges() == g.number_of_edges() == 7
    assert back.edges["b", "a"]["kind"] == "introduced-by"
