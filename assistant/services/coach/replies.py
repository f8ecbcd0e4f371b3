"""What the coach says back: one chat message with its data and follow-up buttons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.services.coach.router import Route

# Follow-up buttons a reply can offer.
ANOTHER = "another version"
SENT = "mark sent"
OPEN = "open contact"


@dataclass
class Reply:
    """One answer: markdown for the chat, the structured result, the buttons to show."""

    text: str
    kind: str  # answer | draft | pitch | contacts | contact | due | questions | confirm | ask | ...
    route: Route | None = None
    data: dict[str, Any] = field(default_factory=dict)
    actions: list[str] = field(default_factory=list)
    tool_calls: list[str] = field(default_factory=list)  # the feature functions this turn ran
    changed: bool = False  # this turn changed the user's data (only after a "yes")
    engine: str = "offline"

    @property
    def awaiting(self) -> str:
        """'confirm' or 'answer' when the coach waits for the user, else ''."""
        return {"confirm": "confirm", "ask": "answer"}.get(self.kind, "")

    def to_json(self) -> dict[str, Any]:
        """The ``chat`` API's and ``warmline chat --json``'s shape."""
        return {
            "reply": self.text, "kind": self.kind, "data": self.data, "actions": self.actions,
            "route": self.route.to_json() if self.route else None,
            "tool_calls": self.tool_calls, "changed": self.changed, "awaiting": self.awaiting,
            "engine": self.engine,
        }
