"""Keep-in-touch cadences: who is due, how overdue, snoozes and per-contact overrides."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from assistant.domain import Tier
from assistant.errors import InputError
from assistant.storage import clock
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


@dataclass(frozen=True)
class CadenceStatus:
    """One person's keep-in-touch settings and where their clock stands."""

    period: Period | None  # None: no cadence (an aspirational contact without one)
    custom: bool  # the person has their own override
    last_touch: date | None
    due_on: date | None  # when the ideal period ends (None: no period, or no date to count)
    snoozed_until: date | None

    def sentence(self, today: date) -> str:
        """A short line for the contact page."""
        if self.period is None:
            return "No check-in cadence (set one to have them come up in Today)."
        whose = "their own" if self.custom else "the tier's default"
        line = (f"Every {self.period.ideal} days, at most {self.period.maximum} ({whose})")
        if self.snoozed_until and self.snoozed_until > today:
            line += f"; snoozed until {self.snoozed_until}"
        if self.due_on is None:
            return line + "; no touch logged yet, so due now."
        word = "due" if self.due_on > today else "due since"
        return f"{line}; {word} {self.due_on}."


class Cadences:
    """The due list and the settings behind it."""

    def __init__(self, records: RecordStore, today: Clock) -> None:
        self.records = records
        self.clock = today
        clock.ensure(records.db, {tier.value: (p.ideal, p.maximum) if p else None
                                  for tier, p in TIER_PERIODS.items()})

    def due(self, *, limit: int | None = None,
            weights: dict[str, float] | None = None) -> list[DueItem]:
        """Everyone past their ideal period and not snoozed, most overdue first (or, with tier
        ``weights``, most valuable first: see ``storage.clock.due_rows``)."""
        rows = clock.due_rows(self.records.db, self.clock(), weights=weights,
                              limit=-1 if limit is None else limit)
        return [DueItem(cid, name, company, tier or "",
                        date.fromisoformat(last) if last else None, days, ideal, maximum)
                for cid, name, company, tier, last, ideal, maximum, days in rows]

    def count(self) -> int:
        """How many people are due now."""
        return clock.due_count(self.records.db, self.clock())

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

    def status(self, contact_id: str) -> CadenceStatus:
        """A contact's period (own or tier default), next due day and snooze."""
        contact = self.records.get_contact(contact_id)
        period = period_for(contact.tier.value, contact.cadence_days, contact.cadence_max_days)
        anchor = contact.last_contacted or contact.connected_on
        due_on = anchor + timedelta(days=period.ideal) if period and anchor else None
        return CadenceStatus(period, bool(contact.cadence_days or contact.cadence_max_days),
                             contact.last_contacted, due_on, contact.snoozed_until)

    def unsnooze(self, contact_id: str) -> None:
        """Bring a snoozed contact back onto the due list now."""
        contact = self.records.get_contact(contact_id)
        self.records.put_contact(contact.model_copy(update={"snoozed_until": None}))

    def snooze(self, contact_id: str, days: int) -> date:
        """Keep a contact off the due list for ``days`` days; return the day they come back."""
        if not 1 <= days <= MAX_PERIOD_DAYS:
            msg = f"snooze for 1 to {MAX_PERIOD_DAYS} days"
            raise InputError(msg)
        until = self.clock() + timedelta(days=days)
        contact = self.records.get_contact(contact_id)
        self.records.put_contact(contact.model_copy(update={"snoozed_until": until}))
        return until
