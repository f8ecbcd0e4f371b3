"""Reciprocity: what the user gave each person and what they asked, and the ask-guard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from assistant.domain import Direction, Interaction
from assistant.storage.records import RecordStore

ASK_KINDS = frozenset({"info-interview", "coffee"})  # drafts whose point is a request
RECENT_DAYS = 180  # "lately": the touches the ask-guard looks at
RECENT_TOUCHES = 3


@dataclass
class Ledger:
    """One person's give/ask balance, newest entries first."""

    contact_id: str
    gave: list[Interaction] = field(default_factory=list)
    asked: list[Interaction] = field(default_factory=list)
    neutral: int = 0

    @property
    def balance(self) -> int:
        """Gives minus asks: below zero, the user owes this person a give."""
        return len(self.gave) - len(self.asked)

    def to_json(self) -> dict[str, Any]:
        """Counts, the balance and what each give or ask was."""
        def entry(i: Interaction) -> dict[str, str]:
            return {"when": i.when.isoformat(), "kind": i.kind, "summary": i.summary}
        return {"contact_id": self.contact_id, "gave": [entry(i) for i in self.gave],
                "asked": [entry(i) for i in self.asked], "neutral": self.neutral,
                "balance": self.balance}


def ledger_for(records: RecordStore, contact_id: str) -> Ledger:
    """What was given and asked with one contact, from their interaction log."""
    ledger = Ledger(contact_id)
    for item in records.interactions_for(contact_id):
        if item.direction is Direction.GAVE:
            ledger.gave.append(item)
        elif item.direction is Direction.ASKED:
            ledger.asked.append(item)
        else:
            ledger.neutral += 1
    return ledger


def ask_warning(records: RecordStore, contact_id: str, name: str, today: date) -> str:
    """A gentle warning when every recent touch with someone was an ask ('' when fine)."""
    since = today - timedelta(days=RECENT_DAYS)
    recent = [i for i in records.interactions_for(contact_id)
              if i.when >= since and i.direction is not Direction.NEUTRAL][:RECENT_TOUCHES]
    if not recent or any(i.direction is Direction.GAVE for i in recent):
        return ""
    count = ("your last touch was an ask" if len(recent) == 1
             else f"your last {len(recent)} touches were asks")
    return (f"Lately it has been asks only with {name} ({count}). Consider giving first: "
            "a check-in that shares something useful, then ask another time.")
