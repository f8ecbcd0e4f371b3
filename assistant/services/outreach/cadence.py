"""Keep-in-touch cadences: who is due, how overdue, snoozes and per-contact overrides."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from assistant.domain import Tier
from assistant.errors import InputError
from assistant.storage.records import RecordStore

Clock = Callable[[], date]
MAX_PERIOD_DAYS = 3650
CUSTOM_MAX_FACTOR = 1.5  # a custom ideal without a custom maximum allows half as long again


@dataclass(frozen=True)
class Period:
    """How often to be in touch: ideally every ``ideal`` days, never more than ``maximum``."""

    ideal: int
    maximum: int


# Aspirational contacts have no default: the user reaches out when they choose to.
TIER_PERIODS: dict[Tier, Period | None] = {
    Tier.INNER: Period(30, 45),
    Tier.ACTIVE: Period(60, 90),
    Tier.DORMANT: Period(180, 270),
    Tier.ASPIRATIONAL: None,
}

# One pass over every contact, without parsing whole records (cheap at 50k contacts).
_DUE_SQL = (
    "SELECT id, name, company, "
    "json_extract(data, '$.tier') AS tier, "
    "json_extract(data, '$.cadence_days') AS ideal, "
    "json_extract(data, '$.cadence_max_days') AS maximum, "
    "json_extract(data, '$.snoozed_until') AS snoozed, "
    "json_extract(data, '$.last_contacted') AS last, "
    "json_extract(data, '$.connected_on') AS connected "
    "FROM contacts"
)


@dataclass(frozen=True)
class DueItem:
    """A contact whose ideal period has passed."""

    contact_id: str
    name: str
    company: str
    tier: str
    last_touch: date | None
    days_since: int | None  # None: never in touch, and no date to count from
    ideal: int
    maximum: int

    @property
    def days_past_ideal(self) -> int:
        return 0 if self.days_since is None else max(0, self.days_since - self.ideal)

    @property
    def overdue_score(self) -> float:
        """Days past the ideal period over the ideal period (0.5: half a period late)."""
        return round(self.days_past_ideal / self.ideal, 3)

    @property
    def days_to_max(self) -> int:
        """Days left before the maximum period runs out (negative: already past it)."""
        return self.maximum - (self.days_since if self.days_since is not None else self.ideal)

    def to_json(self) -> dict[str, Any]:
        """The shape ``warmline due --json`` prints for each person."""
        return {"contact_id": self.contact_id, "name": self.name, "company": self.company,
                "tier": self.tier,
                "last_touch": self.last_touch.isoformat() if self.last_touch else None,
                "days_since": self.days_since, "ideal_days": self.ideal,
                "max_days": self.maximum, "days_past_ideal": self.days_past_ideal,
                "overdue_score": self.overdue_score, "past_max": self.days_to_max < 0}


def period_for(tier: str, ideal: int | None, maximum: int | None) -> Period | None:
    """The contact's period: their own override, else their tier's default (or none)."""
    default = TIER_PERIODS.get(Tier(tier)) if tier in Tier._value2member_map_ else None
    if ideal:
        top = maximum if maximum and maximum >= ideal else (
            default.maximum if default and default.ideal == ideal
            else math.ceil(ideal * CUSTOM_MAX_FACTOR))
        return Period(int(ideal), int(top))
    if default and maximum and maximum >= default.ideal:
        return Period(default.ideal, int(maximum))
    return default


class Cadences:
    """The due list and the settings behind it."""

    def __init__(self, records: RecordStore, clock: Clock) -> None:
        self.records = records
        self.clock = clock

    def due(self, *, limit: int | None = None) -> list[DueItem]:
        """Everyone past their ideal period and not snoozed, most overdue first."""
        today = self.clock()
        items = []
        for row in self.records.db.query(_DUE_SQL):
            period = period_for(row["tier"] or "", row["ideal"], row["maximum"])
            if period is None:
                continue
            if row["snoozed"] and date.fromisoformat(row["snoozed"]) > today:
                continue
            anchor = row["last"] or row["connected"]
            last = date.fromisoformat(anchor) if anchor else None
            days = (today - last).days if last else None
            if days is not None and days < period.ideal:
                continue
            items.append(DueItem(row["id"], row["name"], row["company"], row["tier"] or "",
                                 date.fromisoformat(row["last"]) if row["last"] else None,
                                 days, period.ideal, period.maximum))
        items.sort(key=lambda i: (-i.overdue_score, i.days_to_max, i.name.casefold()))
        return items[:limit] if limit is not None else items

    def set_period(self, contact_id: str, ideal: int | None, maximum: int | None = None) -> None:
        """Override a contact's ideal and maximum periods (None, None: the tier's defaults)."""
        for value in (ideal, maximum):
            if value is not None and not 1 <= value <= MAX_PERIOD_DAYS:
                msg = f"a period is between 1 and {MAX_PERIOD_DAYS} days"
                raise InputError(msg)
        if ideal and maximum and maximum < ideal:
            msg = "the maximum period cannot be shorter than the ideal one"
            raise InputError(msg)
        contact = self.records.get_contact(contact_id)
        self.records.put_contact(contact.model_copy(
            update={"cadence_days": ideal, "cadence_max_days": maximum}))

    def snooze(self, contact_id: str, days: int) -> date:
        """Keep a contact off the due list for ``days`` days; return the day they come back."""
        if not 1 <= days <= MAX_PERIOD_DAYS:
            msg = f"snooze for 1 to {MAX_PERIOD_DAYS} days"
            raise InputError(msg)
        until = self.clock() + timedelta(days=days)
        contact = self.records.get_contact(contact_id)
        self.records.put_contact(contact.model_copy(update={"snoozed_until": until}))
        return until
