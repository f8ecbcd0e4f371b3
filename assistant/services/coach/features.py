"""Adapters from the coach to the due list, mock interview, network map and warm paths.

The composition root passes the services in explicitly (``build_features``); a feature left
out (``None``) makes the coach answer "not available yet" instead of guessing by attribute names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.services.interview.service import InterviewService
from assistant.services.network.service import NetworkService
from assistant.services.outreach.service import KINDS, OutreachService

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


def build_features(outreach: OutreachService | None = None,
                   interview: InterviewService | None = None,
                   network: NetworkService | None = None) -> Features:
    """The coach's reach, from the services the composition root built."""
    if outreach is None:
        return Features(interview=_interview(interview.start) if interview else None,
                        network_map=_as_dict(network.map) if network else None,
                        warm_path=_as_dict(network.path) if network else None)
    cadences = outreach.cadences
    return Features(
        due=_due_rows(lambda: cadences.due(limit=DUE_SHOWN)),
        interview=_interview(interview.start) if interview else None,
        network_map=_as_dict(network.map) if network else None,
        warm_path=_as_dict(network.path) if network else None,
        draft_kinds=tuple(KINDS),
    )


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
