"""Goals: who serves each target company and role and why, the gaps, whom to nurture first."""

from __future__ import annotations

from assistant.services.network.goals import align
from assistant.services.network.paths import PathFinder
from tests.unit.network.helpers import network, person


def test_goal_alignment_gap_report_and_nurture_order() -> None:
    net = network(
        person("a", "Ana Ruiz", "Acme Health", "dormant", title="Pharmacist"),
        person("b", "Bob Lee", "Globex", "active", past=("Acme Health",)),
        person("t", "Tara Singh", "Epic Systems", "aspirational",
               title="Clinical Decision Support Lead", introduced_by="Bob Lee"),
        person("u", "Uma Rao", "Epic Systems", "aspirational", introduced_by="Bob Lee"),
        person("z", "Zed Z", "Nowhere Inc", "inner"),
        companies=("Acme Health", "Epic Systems", "Hooli"),
        roles=("clinical decision support",),
    )
    result = align(PathFinder(net), net.data.target_companies, net.data.target_roles)
    by_goal = {g.goal: g for g in result.goals}

    acme = by_goal["Acme Health"]
    assert [(p.ask.id, p.kind) for p in acme.direct] == [("a", "direct-current"),
                                                        ("b", "direct-past")]
    assert acme.gap == ""
    assert by_goal["Epic Systems"].gap == (
        "No one at Epic Systems yet; 2 second-degree candidates (through Bob Lee)")
    assert by_goal["Hooli"].gap == "No one at Hooli yet; no second-degree candidates either"
    assert by_goal["clinical decision support"].gap == (
        "No one in clinical decision support yet; 1 second-degree candidate (through Bob Lee)")

    data = result.to_json()
    assert data["gaps"] == [g.gap for g in result.goals if g.gap]
    assert data["goals"][0]["contacts"][0]["why"] == (
        "Ana Ruiz works at Acme Health now (dormant tier)")
    # Bob: past at Acme (2) + two doors at Epic (1 + 1) + one for the role (1) = 5; Ana 3.
    assert [(n.person.id, n.score) for n in result.nurture] == [("b", 5), ("a", 3)]
    assert "z" not in {n.person.id for n in result.nurture}  # serves no goal
    assert result.nurture[1].reasons == [
        "Acme Health: Ana Ruiz works at Acme Health now (dormant tier)"]


def test_no_goals_gives_an_empty_report() -> None:
    net = network(person("a", "Ana Ruiz", "Acme"))
    result = align(PathFinder(net), [], ["  "])
    assert result.to_json() == {"goals": [], "gaps": [], "nurture": []}
