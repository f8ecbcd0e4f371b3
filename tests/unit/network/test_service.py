"""The network service over the real records, and the ``map`` / ``path`` commands."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.app import Warmline
from assistant.domain import Contact, Note, Position, Profile
from assistant.errors import InputError


@pytest.fixture
def app(app_factory: Callable[..., Warmline]) -> Warmline:
    return app_factory()


def _seed(app: Warmline) -> dict[str, str]:
    ana = Contact(name="Ana Ruiz", company="Acme Health", tier="inner")
    bob = Contact(name="Bob Lee", company="Globex", past_companies=["Acme Health"])
    tara = Contact(name="Tara Singh", company="Epic Systems", tier="aspirational",
                   introduced_by="Bob Lee")
    for c in (ana, bob, tara):
        app.stores.records.put_contact(c)
    app.stores.records.put_note(Note(contact_id=ana.id, text="Former colleague from Hooli."))
    app.stores.records.put_profile(Profile(name="Maya", target_companies=["Epic Systems", "Hooli"],
                                    positions=[Position(company="Mercy Hospital")]))
    return {"ana": ana.id, "bob": bob.id, "tara": tara.id}


def test_paths_from_the_records_including_notes_and_introducers(app: Warmline) -> None:
    ids = _seed(app)
    acme = app.network.path("acme health").to_json()
    assert [(p["kind"], p["ask"]["id"]) for p in acme["paths"]] == [
        ("direct-current", ids["ana"]), ("direct-past", ids["bob"])]
    epic = app.network.path("Epic Systems")
    assert [(p.kind, p.ask.id, p.people[-1].id) for p in epic.paths] == [
        ("two-hop", ids["bob"], ids["tara"])]
    hooli = app.network.path("Hooli").paths
    assert [(p.kind, p.ask.id) for p in hooli] == [("direct-past", ids["ana"])]


def test_the_graph_is_rebuilt_after_a_change_and_kept_otherwise(app: Warmline) -> None:
    _seed(app)
    first = app.network.graph()
    assert app.network.graph() is first
    assert app.network.path("Initech").paths == []
    app.contacts.add("Cy Young", company="Initech")
    assert app.network.graph() is not first
    assert [p.ask.name for p in app.network.path("Initech").paths] == ["Cy Young"]
    cy = app.contacts.find("Cy Young")
    app.contacts.add_note(cy.id, "She used to work at Stripe.")
    assert [p.ask.name for p in app.network.path("Stripe").paths] == ["Cy Young"]


def test_map_json_holds_nodes_edges_tiers_companies_and_goals(app: Warmline) -> None:
    _seed(app)
    data = app.network.map()
    assert data["counts"]["contacts"] == 3
    assert {c["name"] for c in data["companies"]} == {
        "Acme Health", "Globex", "Epic Systems", "Hooli", "Mercy Hospital"}
    assert any(e["kind"] == "introduced-by" for e in data["edges"])
    assert data["goals"]["gaps"] == [
        "No one at Epic Systems yet; 1 second-degree candidate (through Bob Lee)"]


@pytest.mark.parametrize(("call", "message"), [
    (lambda n: n.path("  "), "say where to"),
    (lambda n: n.path("Acme", max_hops=4), "--max-hops is between 1 and 3"),
    (lambda n: n.path("Acme", limit=0), "--limit must be at least 1"),
    (lambda n: n.view(cluster="size"), "cluster by one of: company, tier"),
    (lambda n: n.people(tiers=["close"]), "unknown tier close"),
])
def test_bad_input_is_one_clear_error(app: Warmline, call: Callable, message: str) -> None:
    with pytest.raises(InputError, match=message):
        call(app.network)


def test_cli_map_and_path_json(app_factory: Callable[..., Warmline],
                               run_cli: Callable[..., tuple[int, str, str]]) -> None:
    seeded = app_factory()
    ids = _seed(seeded)
    seeded.close()
    code, out, err = run_cli("path", "--to", "Epic Systems", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["target"] == {"kind": "company", "label": "Epic Systems"}
    assert data["paths"][0]["via"][0]["id"] == ids["bob"]
    assert data["paths"][0]["target"]["id"] == ids["tara"]
    assert "Bob Lee is Tara Singh's introducer" in data["paths"][0]["why"]

    code, out, err = run_cli("map", "--json")
    assert code == 0
    assert json.loads(out)["tiers"] == {"inner": 1, "active": 1, "dormant": 0,
                                        "aspirational": 1}

    code, out, err = run_cli("path", "--to", "", "--json")
    assert code == 1 and out == ""
    assert err.strip() == "warmline: say where to: a company or a role, e.g. --to 'Acme Health'"


def test_cli_map_writes_graphml(app_factory: Callable[..., Warmline],
                                run_cli: Callable[..., tuple[int, str, str]],
                                tmp_path: Path) -> None:
    seeded = app_factory()
    _seed(seeded)
    seeded.close()
    target = tmp_path / "net.graphml"
    code, out, err = run_cli("map", "--no-goals", "--graphml", str(target), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert "goals" not in data
    assert data["graphml"] == {"path": str(target), "nodes": 9, "edges": 10}
    assert "<graphml" in target.read_text(encoding="utf-8")
    code, _, err = run_cli("map", "--graphml", str(tmp_path / "missing" / "x.graphml"))
    assert code == 1 and err.startswith("warmline: cannot write")


def test_cli_map_and_path_read_beside_a_running_warmline(
        app_factory: Callable[..., Warmline],
        run_cli: Callable[..., tuple[int, str, str]]) -> None:
    """They only read records: no lock, so they answer while ``serve`` holds the data dir."""
    running = app_factory()
    _seed(running)
    try:
        code, out, err = run_cli("map", "--json")
        assert (code, err) == (0, "")
        assert json.loads(out)["counts"]["contacts"] == 3
        code, out, err = run_cli("path", "--to", "Epic Systems", "--json")
        assert (code, err) == (0, "")
        assert json.loads(out)["paths"]
    finally:
        running.close()
