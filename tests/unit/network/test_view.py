"""The map picture at scale: the largest companies as single nodes, the long tail collapsed."""

from __future__ import annotations

import csv
import io

from assistant.services.network.view import MapFilter, build_view, to_csv
from tests.unit.network.helpers import network, person


def _big_network() -> list:
    people = []
    for c in range(40):  # company k has k+1 people: sizes 1..40
        people += [person(f"p{c}_{i}", f"Person {c} {i}", f"Company {c:02d}",
                          "inner" if i == 0 else "active") for i in range(c + 1)]
    return people


def test_companies_are_single_nodes_and_the_tail_is_collapsed() -> None:
    net = network(*_big_network(), companies=("Company 39",))
    view = build_view(net, MapFilter(), "company", max_groups=10, max_people=50,
                      goal_companies=("Company 39",))
    groups = [n for n in view.nodes if n.kind == "group"]
    assert [g.label for g in groups] == [f"Company {c:02d}" for c in range(39, 29, -1)]
    [other] = [n for n in view.nodes if n.kind == "other"]
    assert other.label == "Other (30 groups)"
    assert "465 people" in other.hover  # 1 + 2 + ... + 30
    assert view.people_total == 820 and view.people_shown == 50
    assert sum(1 for n in view.nodes if n.kind == "contact") == 50
    assert [g.goal for g in groups][:2] == [True, False]
    assert "30 smaller groups collapsed" in view.summary


def test_a_target_company_is_shown_however_small() -> None:
    net = network(*_big_network())
    view = build_view(net, MapFilter(), "company", max_groups=3, goal_companies=("company 00",))
    groups = [(n.label, n.goal) for n in view.nodes if n.kind == "group"]
    assert groups == [("Company 00", True), ("Company 39", False), ("Company 38", False)]


def test_filters_by_tier_and_text_and_clusters_by_tier() -> None:
    net = network(*_big_network())
    view = build_view(net, MapFilter(("inner",), "company 3"), "tier")
    assert view.people_total == 10  # the inner person at each of Company 30..39 (not "03")
    assert [n.label for n in view.nodes if n.kind == "group"] == ["inner"]


def test_csv_has_every_filtered_person_warmest_first() -> None:
    from assistant.services.network.view import filtered

    net = network(person("a", "Zoe", "Acme", "active", past=("Globex", "Initech")),
                  person("b", "Yan", "Acme", "inner"), person("c", "Xi", "Hooli", "dormant"))
    rows = list(csv.reader(io.StringIO(to_csv(filtered(net, MapFilter(text="acme"))))))
    assert rows == [["Name", "Tier", "Company", "Title", "Past companies", "Introduced by"],
                    ["Yan", "inner", "Acme", "", "", ""],
                    ["Zoe", "active", "Acme", "", "Globex; Initech", ""]]
