"""Adapters to the features other teams are adding (due list, interview, map, warm paths).

Each checks what the app offers today. The lead wires a feature here when its branch merges:
only this module changes; the coach answers "not available yet" until then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

NOT_YET = "{what} is not available in this version of Warmline yet."
DUE_SHOWN = 10  # people the coach lists when asked who is due


@dataclass
class Features:
    """What the coach can reach beyond contacts, drafts and pitches."""

    due: Callable[[], list[dict[str, Any]]] | None = None
    interview: Callable[[str], dict[str, Any]] | None = None
    network_map: Callable[[], dict[str, Any]] | None = None
    warm_path: Callable[[str], dict[str, Any]] | None = None
    draft_kinds: tuple[str, ...] = ("checkin",)
    extra: dict[str, Any] = field(default_factory=dict)


def _method(service: object | None, *names: str) -> Callable[..., Any] | None:
    for name in names:
        found = getattr(service, name, None)
        if callable(found):
            return found
    return None


def discover(app: object) -> Features:
    """What this app offers beyond contacts, drafts and pitches."""
    outreach = getattr(app, "outreach", None)
    kinds = getattr(outreach, "kinds", None) or _module_kinds(outreach)
    cadences = getattr(outreach, "cadences", None)
    due = _method(cadences, "due") or _method(outreach, "due")
    start = _method(getattr(app, "interview", None), "start")
    network = getattr(app, "network", None)
    return Features(
        due=_due_rows(lambda: due(limit=DUE_SHOWN)) if due else None,
        interview=_interview(start) if start else None,
        network_map=_as_dict(_method(network, "map")),
        warm_path=_as_dict(_method(network, "path")),
        draft_kinds=tuple(kinds),
    )


def _module_kinds(outreach: object | None) -> tuple[str, ...]:
    import sys

    module = sys.modules.get(type(outreach).__module__) if outreach is not None else None
    return tuple(getattr(module, "KINDS", ("checkin",)))


def _jsonable(value: Any) -> Any:
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return to_json()
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return dump(mode="json")
    return value


def _due_rows(due: Callable[..., Any]) -> Callable[[], list[dict[str, Any]]]:
    def rows() -> list[dict[str, Any]]:
        found = _jsonable(due())
        if isinstance(found, dict):
            found = found.get("due", found.get("contacts", []))
        return [_jsonable(r) for r in found]
    return rows


def _interview(start: Callable[..., Any]) -> Callable[[str], dict[str, Any]]:
    def run(role: str) -> dict[str, Any]:
        found = _jsonable(start(role=role))
        return found if isinstance(found, dict) else {"session": found}
    return run


def _as_dict(method: Callable[..., Any] | None) -> Callable[..., dict[str, Any]] | None:
    if method is None:
        return None

    def call(*args: Any) -> dict[str, Any]:
        found = _jsonable(method(*args))
        return found if isinstance(found, dict) else {"result": found}
    return call
