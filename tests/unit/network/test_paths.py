"""Warm paths on hand-built graphs: direct current, direct past, introduced-by, shared
employers, notes; in the documented order."""

from __future__ import annotations

from tests.unit.network.helpers import chains, network, paths_to, person


def test_direct_current_comes_before_direct_past_and_warmer_tiers_first() -> None:
    net = network(
        person("a", "Ana Ruiz", "Acme Health", "dormant"),
        person("b", "Bob Lee", "Globex", "inner", past=("Acme Health",)),
        person("c", "Cy Young", "Acme Health, Inc.", "inner"),
        person("d", "Di Park", "Initech", "active"),
    )
    got = chains(paths_to(net, "acme health"))
    assert got == [("direct-current", ("c",)), ("direct-current", ("a",)),
                   ("direct-past", ("b",))]


def test_past_employer_from_a_note_makes_a_direct_past_path_and_says_so() -> None:
    net = network(person("a", "Ana Ruiz", "Globex"),
                  notes=(("a", "Former colleague from Initech, loves sailing."),))
    [path] = paths_to(net, "Initech")
    assert path.kind == "direct-past"
    assert "Ana Ruiz worked at Initech" in path.why
    assert "Former colleague from Initech" in path.why  # the note it came from


def test_an_aspirational_contact_is_reached_through_their_introducer() -> None:
    net = network(
        person("t", "Tara Singh", "Stripe", "aspirational", introduced_by="Ana Ruiz"),
        person("a", "Ana Ruiz", "Globex", "inner"),
    )
    [path] = paths_to(net, "Stripe")
    assert chains([path]) == [("two-hop", ("a", "t"))]
    assert path.link == "introduced-by"
    assert path.ask.name == "Ana Ruiz"
    assert "Tara Singh works at Stripe" in path.why


def test_someone_the_target_introduced_you_to_is_a_bridge_too() -> None:
    net = network(
        person("t", "Tara Singh", "Stripe", "aspirational"),
        person("a", "Ana Ruiz", "Globex", "active", introduced_by="Tara Singh"),
    )
    [path] = paths_to(net, "stripe")
    assert chains([path]) == [("two-hop", ("a", "t"))]
    assert "Tara Singh introduced you to Ana Ruiz" in path.why


def test_introduced_by_chain_needs_three_hops() -> None:
    net = network(
        person("t", "Tara Singh", "Stripe", "aspirational", introduced_by="Mo Chen"),
        person("m", "Mo Chen", "Freelance", "aspirational", introduced_by="Ana Ruiz"),
        person("a", "Ana Ruiz", "Globex", "inner"),
    )
    assert paths_to(net, "Stripe", max_hops=2) == []
    [path] = paths_to(net, "Stripe", max_hops=3)
    assert chains([path]) == [("three-hop", ("a", "m", "t"))]
    assert path.hops == 3
    assert path.steps[0] == "Ana Ruiz is Mo Chen's introducer"


def test_shared_past_employer_links_a_known_colleague_to_the_target() -> None:
    net = network(
        person("t", "Tara Singh", "Stripe", "aspirational", past=("Initech",)),
        person("a", "Ana Ruiz", "Globex", "dormant", past=("Initech",)),
        person("b", "Bob Lee", "Initech", "inner"),  # works there now: overlapped with Tara
        person("x", "Xi Wu", "Initech", "aspirational"),  # not known: no bridge
    )
    got = paths_to(net, "Stripe")
    assert chains(got) == [("two-hop", ("b", "t")), ("two-hop", ("a", "t"))]
    assert all(p.link == "colleagues" for p in got)
    assert "Bob Lee and Tara Singh both worked at Initech" in got[0].why


def test_a_past_employer_only_in_a_note_still_makes_colleagues() -> None:
    net = network(
        person("t", "Tara Singh", "Stripe", "aspirational", past=("Hooli",)),
        person("a", "Ana Ruiz", "Globex"),
        notes=(("a", "She used to work at Hooli with my brother."),),
    )
    [path] = paths_to(net, "Stripe")
    assert chains([path]) == [("two-hop", ("a", "t"))]
    assert "from your note" in path.why


def test_the_users_own_past_employer_is_an_alumni_path() -> None:
    net = network(person("t", "Tara Singh", "Stripe", "aspirational", past=("Hooli",)),
                  own=("Hooli",))
    [path] = paths_to(net, "Stripe")
    assert path.link == "alumni"
    assert path.people[0].id == "t"
    assert "you and Tara Singh both worked at Hooli" in path.why


def test_a_note_naming_the_target_person_is_a_bridge() -> None:
    net = network(
        person("t", "Tara Singh", "Stripe", "aspirational"),
        person("a", "Ana Ruiz", "Globex"),
        person("b", "Bob Lee", "Globex"),
        notes=(("a", "Her college roommate is Tara Singh, now in payments."),
               ("b", "Talked about Tara, a different one.")),
    )
    [path] = paths_to(net, "Stripe")
    assert chains([path]) == [("two-hop", ("a", "t"))]
    assert path.link == "note"


def test_a_role_target_finds_people_by_title() -> None:
    net = network(
        person("a", "Ana Ruiz", "Globex", title="Senior Product Manager"),
        person("b", "Bob Lee", "Globex", title="Engineer"),
        person("t", "Tara Singh", "Stripe", "aspirational", title="Product Managers Lead",
               introduced_by="Bob Lee"),
    )
    got = paths_to(net, "product manager")
    assert chains(got) == [("direct-current", ("a",)), ("two-hop", ("b", "t"))]


def test_unknown_target_has_no_paths_and_suggests_close_companies() -> None:
    from assistant.services.network.paths import resolve_target

    net = network(person("a", "Ana Ruiz", "Globex Corporation"))
    target = resolve_target(net, "Globx")
    assert target.kind == "none"
    assert "Globex Corporation" in target.suggestions


def test_an_ambiguous_introducer_name_links_no_one() -> None:
    net = network(
        person("t", "Tara Singh", "Stripe", "aspirational", introduced_by="Ana Ruiz"),
        person("a1", "Ana Ruiz", "Globex"), person("a2", "Ana Ruiz", "Initech"),
    )
    assert paths_to(net, "Stripe") == []
