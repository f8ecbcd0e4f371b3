"""Today: the few most valuable small steps this week, ordered by value, and gentle progress."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from assistant.domain import Tier
from assistant.errors import InputError
from assistant.services.contacts.dedupe import JOB_CHANGE_EVENT
from assistant.services.outreach.cadence import Cadences, Clock, DueItem
from assistant.storage.records import RecordStore

TODAY_LIMIT = 5  # introvert-friendly: a few steps, never more than MAX_ACTIONS
MAX_ACTIONS = 7
CHAT_KINDS = ("coffee", "call", "meeting", "info-interview", "chat", "coffee-chat")
FOLLOW_UP_DAYS = 14  # a thank-you is owed for two weeks after a chat
CONGRATS_DAYS = 30  # a job change is news for a month
PRACTICE_DAYS = 7  # suggest practice in the week before an interview
URGENT_DAYS = 7  # within a week of someone's maximum period
INTERVIEW_EVENT = "interview_scheduled"  # data: {"date": "YYYY-MM-DD", "role": "..."}
TIER_WEIGHT = {Tier.INNER.value: 3.0, Tier.ACTIVE.value: 2.0, Tier.ASPIRATIONAL.value: 1.5,
               Tier.DORMANT.value: 1.0}
# What a time-bound step is worth next to a check-in (whose value is tier x (1 + overdue)).
FOLLOW_UP_VALUE = 20.0
PRACTICE_VALUE = 18.0
CONGRATS_VALUE = 8.0


@dataclass(frozen=True)
class Action:
    """One small step: who, why, and which draft is one click away."""

    kind: str  # checkin | follow-up | congrats | practice
    title: str
    reason: str
    value: float
    contact_id: str = ""
    name: str = ""
    draft_kind: str = ""  # the draft this step opens ('' for practice)

    def to_json(self) -> dict[str, Any]:
        """The action as the API and CLI print it."""
        return {"kind": self.kind, "title": self.title, "reason": self.reason,
                "value": round(self.value, 3), "contact_id": self.contact_id,
                "name": self.name, "draft_kind": self.draft_kind}


@dataclass(frozen=True)
class Progress:
    """Touches this week and how many weeks in a row had one: encouragement, not guilt."""

    this_week: int
    streak_weeks: int

    def sentence(self) -> str:
        """A short, kind line for the Today view."""
        if not self.this_week and not self.streak_weeks:
            return "A fresh week: one small message is plenty."
        week = f"{self.this_week} touch{'es' if self.this_week != 1 else ''} this week"
        if self.streak_weeks > 1:
            return f"{week} · {self.streak_weeks} weeks in a row with at least one. Nice rhythm."
        return f"{week}. Every small message counts."


def checkin_value(item: DueItem) -> float:
    """Tier weight x (1 + overdue score, capped), doubled-plus when the maximum is near."""
    weight = TIER_WEIGHT.get(item.tier, 1.0)
    value = weight * (1 + min(item.overdue_score, 2.0))
    return value + 4 * weight if item.days_to_max <= URGENT_DAYS else value


class Today:
    """Builds the Today view from cadences, the interaction log and events."""

    def __init__(self, records: RecordStore, cadences: Cadences, clock: Clock) -> None:
        self.records = records
        self.cadences = cadences
        self.clock = clock

    def actions(self, limit: int = TODAY_LIMIT) -> list[Action]:
        """The most valuable steps, best first, at most ``limit`` (never more than 7)."""
        limit = max(1, min(limit, MAX_ACTIONS))
        found = [*self._follow_ups(), *self._congrats(), *self._practice()]
        busy = {a.contact_id for a in found}
        # The most valuable check-ins, ranked in SQL: a few more than can be shown, since
        # some of those people already have a time-bound step above.
        for item in self.cadences.due(limit=limit + len(busy), weights=TIER_WEIGHT):
            if item.contact_id not in busy:
                found.append(Action("checkin", f"Check in with {item.name}",
                                    _due_reason(item), checkin_value(item), item.contact_id,
                                    item.name, "checkin"))
        found.sort(key=lambda a: (-a.value, a.name.casefold()))
        return found[:limit]

    def progress(self) -> Progress:
        """Touches the user made this ISO week, and the run of weeks with at least one."""
        rows = self.records.db.query(
            "SELECT DISTINCT json_extract(data, '$.when') AS day FROM interactions "
            "WHERE json_extract(data, '$.source') IN ('warmline', 'manual')")
        weeks = {date.fromisoformat(r["day"]).isocalendar()[:2] for r in rows if r["day"]}
        today = self.clock()
        this_week = sum(1 for r in self.records.db.query(
            "SELECT json_extract(data, '$.when') AS day FROM interactions "
            "WHERE json_extract(data, '$.source') IN ('warmline', 'manual') "
            "AND json_extract(data, '$.when') >= ? AND json_extract(data, '$.when') <= ?",
            ((today - timedelta(days=today.weekday())).isoformat(), today.isoformat())))
        streak, week_start = 0, today - timedelta(days=today.weekday())
        if week_start.isocalendar()[:2] not in weeks:
            week_start -= timedelta(days=7)  # this week is not over: the streak may go on
        while week_start.isocalendar()[:2] in weeks:
            streak += 1
            week_start -= timedelta(days=7)
        return Progress(this_week, streak)

    # -- the time-bound steps -------------------------------------------------------------
    def _follow_ups(self) -> list[Action]:
        """A thank-you owed after a logged chat, unless something was sent since."""
        today = self.clock()
        since = (today - timedelta(days=FOLLOW_UP_DAYS)).isoformat()
        chats = self.records.db.query(
            "SELECT i.contact_id AS cid, c.name AS name, "
            "max(json_extract(i.data, '$.when')) AS day "
            "FROM interactions i JOIN contacts c ON c.id = i.contact_id "
            "WHERE json_extract(i.data, '$.kind') IN (SELECT value FROM json_each(?)) "
            "AND json_extract(i.data, '$.when') >= ? GROUP BY i.contact_id",
            (json.dumps(CHAT_KINDS), since))
        owed = []
        for row in chats:
            later = self.records.db.query(
                "SELECT 1 FROM interactions WHERE contact_id = ? "
                "AND json_extract(data, '$.source') = 'warmline' "
                "AND json_extract(data, '$.when') >= ? LIMIT 1", (row["cid"], row["day"]))
            if later:
                continue
            days = (today - date.fromisoformat(row["day"])).days
            when = "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"
            owed.append(Action("follow-up", f"Thank {row['name']}",
                               f"You talked {when}; a short thank-you keeps it warm.",
                               FOLLOW_UP_VALUE - days * 0.5, row["cid"], row["name"], "thanks"))
        return owed

    def _congrats(self) -> list[Action]:
        """Congratulations for job changes a re-import found this month, until one is sent."""
        today = self.clock()
        found = []
        for event in self.records.events(JOB_CHANGE_EVENT):
            when = _event_day(event["created"])
            if not event["contact_id"] or not 0 <= (today - when).days <= CONGRATS_DAYS:
                continue
            sent = self.records.db.query(
                "SELECT 1 FROM interactions WHERE contact_id = ? "
                "AND json_extract(data, '$.when') >= ? LIMIT 1",
                (event["contact_id"], when.isoformat()))
            if sent:
                continue
            name = self.records.get_contact(event["contact_id"]).name
            data = event["data"]
            role = " at ".join(p for p in (data.get("new_title", ""),
                                           data.get("new_company", "")) if p)
            found.append(Action("congrats", f"Congratulate {name}",
                                f"New role: {role}." if role else "A new role.",
                                CONGRATS_VALUE, event["contact_id"], name, "congrats"))
        return list({a.contact_id: a for a in found}.values())

    def _practice(self) -> list[Action]:
        """A practice session in the week before a stored interview date."""
        today = self.clock()
        found = []
        for event in self.records.events(INTERVIEW_EVENT):
            try:
                day = date.fromisoformat(str(event["data"].get("date", "")))
            except ValueError:
                continue
            days = (day - today).days
            if 0 <= days <= PRACTICE_DAYS:
                role = str(event["data"].get("role", "")) or "your interview"
                when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
                found.append(Action("practice", f"Practise for {role}",
                                    f"Your interview is {when}: one mock session helps.",
                                    PRACTICE_VALUE + (PRACTICE_DAYS - days)))
        return found

    def schedule_interview(self, day: date | str, role: str = "") -> date:
        """Remember an interview date so Today suggests practice in the week before it."""
        if isinstance(day, str):
            typed = day.strip()
            try:
                day = date.fromisoformat(typed)
            except ValueError as e:
                msg = f"give the interview date as YYYY-MM-DD (got '{typed}')"
                raise InputError(msg) from e
        if day < self.clock():
            msg = f"{day} has passed; give the date of an interview still to come"
            raise InputError(msg)
        self.records.add_event(INTERVIEW_EVENT, {"date": day.isoformat(), "role": role.strip()})
        return day

    def upcoming_interviews(self) -> list[tuple[date, str]]:
        """Interview dates still to come, soonest first, with their roles."""
        today, found = self.clock(), set()
        for event in self.records.events(INTERVIEW_EVENT):
            try:
                day = date.fromisoformat(str(event["data"].get("date", "")))
            except ValueError:
                continue
            if day >= today:
                found.add((day, str(event["data"].get("role", ""))))
        return sorted(found)


def _due_reason(item: DueItem) -> str:
    if item.days_since is None:
        return f"No touch logged yet; {item.tier} contacts are every {item.ideal} days."
    late = item.days_past_ideal
    base = f"Last touch {item.days_since} days ago (every {item.ideal} days for {item.tier})"
    return f"{base}; {late} days past." if late else f"{base}."


def _event_day(created: str) -> date:
    try:
        return datetime.fromisoformat(created).date()
    except ValueError:
        return date.fromisoformat(created[:10])


def actions_json(actions: list[Action], progress: Progress) -> dict[str, Any]:
    """The Today view as one JSON object."""
    return {"actions": [a.to_json() for a in actions],
            "progress": {"this_week": progress.this_week, "streak_weeks": progress.streak_weeks,
                         "sentence": progress.sentence()}}
