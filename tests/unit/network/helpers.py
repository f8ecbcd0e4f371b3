"""Hand-built networks: people, notes and the user's own jobs, no store needed."""

from __future__ import annotations

from assistant.services.network.graph import NetworkGraph
from assistant.services.network.paths import PathFinder, WarmPath, resolve_target
from assistant.services.network.people import NetworkInput, Person, PersonNote


def person(pid: str, name: str, company: str = "", tier: str = "active", *,
           past: tuple[str, ...] = (), introduced_by: str = "", title: str = "") -> Person:
    return Person(id=pid, name=name, company=company, title=title, tier=tier,
                  past_companies=past, introduced_by=introduced_by)


def network(*people: Person, notes: tuple[tuple[str, str], ...] = (),
            own: tuple[str, ...] = (), companies: tuple[str, ...] = (),
            roles: tuple[str, ...] = ()) -> NetworkGraph:
    return NetworkGraph(NetworkInput(
        list(people), [PersonNote(f"n{i}", cid, text) for i, (cid, text) in enumerate(notes)],
        list(own), list(companies), list(roles)))


def paths_to(net: NetworkGraph, to: str, max_hops: int = 2) -> list[WarmPath]:
    return PathFinder(net).find(resolve_target(net, to), max_hops)


def chains(paths: list[WarmPath]) -> list[tuple[str, tuple[str, ...]]]:
    """(kind, ids from the person asked to the person at the target) for each path."""
    return [(p.kind, tuple(x.id for x in p.people)) for p in paths]
