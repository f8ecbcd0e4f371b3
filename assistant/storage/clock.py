"""Each contact's keep-in-touch clock as plain columns, kept in step by SQLite triggers.

The due list reads every contact; parsing 50k JSON records for six fields takes seconds, so
the fields (and the ideal and maximum periods they imply) live in ``contact_clock``, a derived
table like an index: triggers write it in the same statement as the record, and ``ensure``
rebuilds it when it is missing, stale in size, or built from other period rules.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.storage.db import Database

TABLE = "contact_clock"
Periods = Mapping[str, tuple[int, int] | None]  # tier -> (ideal, maximum) or no default


def _ideal_sql(periods: Periods, src: str) -> str:
    """The contact's ideal period in days: their own, else their tier's (NULL: none)."""
    ideal = f"json_extract({src}.data, '$.cadence_days')"
    tier = f"json_extract({src}.data, '$.tier')"
    cases = " ".join(f"WHEN '{t}' THEN {p[0]}" for t, p in periods.items() if p)
    return f"CASE WHEN {ideal} > 0 THEN {ideal} ELSE CASE {tier} {cases} END END"


def _max_sql(periods: Periods, src: str) -> str:
    """The maximum period, by the same rules as ``services.outreach.cadence.period_for``."""
    ideal = f"json_extract({src}.data, '$.cadence_days')"
    top = f"json_extract({src}.data, '$.cadence_max_days')"
    tier = f"json_extract({src}.data, '$.tier')"
    tier_ideal = "CASE " + tier + " " + " ".join(
        f"WHEN '{t}' THEN {p[0]}" for t, p in periods.items() if p) + " END"
    tier_max = "CASE " + tier + " " + " ".join(
        f"WHEN '{t}' THEN {p[1]}" for t, p in periods.items() if p) + " END"
    return (f"CASE WHEN {ideal} > 0 THEN CASE "
            f"WHEN {top} >= {ideal} THEN {top} "
            f"WHEN ({tier_ideal}) = {ideal} THEN ({tier_max}) "
            f"ELSE ({ideal} * 3 + 1) / 2 END "  # a custom ideal allows half as long again
            f"WHEN {top} >= ({tier_ideal}) THEN {top} "
            f"ELSE {tier_max} END")


def _columns(periods: Periods, src: str) -> str:
    return (f"{src}.id, {src}.name, {src}.company, json_extract({src}.data, '$.tier'), "
            f"{_ideal_sql(periods, src)}, "
            f"{_max_sql(periods, src)}, json_extract({src}.data, '$.snoozed_until'), "
            f"json_extract({src}.data, '$.last_contacted'), "
            f"julianday(coalesce(json_extract({src}.data, '$.last_contacted'), "
            f"json_extract({src}.data, '$.connected_on'))), "
            f"julianday(json_extract({src}.data, '$.snoozed_until'))")


_INSERT = (f"INSERT INTO {TABLE}(contact_id, name, company, tier, ideal, maximum, snoozed, "
           "last, anchor, snoozed_jd) ")


def ensure(db: Database, periods: Periods) -> None:
    """Create the table and triggers for these period rules; rebuild the rows if needed."""
    row = f"{_INSERT}VALUES ({_columns(periods, 'NEW')})"
    version = hashlib.sha256((row + _INSERT).encode()).hexdigest()[:10]
    trigger = f"{TABLE}_{version}"
    schema = (f"CREATE TABLE {TABLE} (contact_id TEXT PRIMARY KEY "
              "REFERENCES contacts(id) ON DELETE CASCADE, name TEXT, company TEXT, tier TEXT, "
              "ideal INTEGER, maximum INTEGER, snoozed TEXT, last TEXT, anchor REAL, "
              "snoozed_jd REAL, due_jd REAL GENERATED ALWAYS AS (anchor + ideal) STORED)")
    with db.transaction() as conn:
        have = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
            (f"{TABLE}_%",))}
        fresh = {f"{trigger}_insert", f"{trigger}_update"} <= have
        if not fresh:  # new period rules or columns: start the derived table over
            for name in have:
                conn.execute(f"DROP TRIGGER IF EXISTS {name}")
            conn.execute(f"DROP TABLE IF EXISTS {TABLE}")
            conn.execute(schema)
            conn.execute(f"CREATE INDEX {TABLE}_due ON {TABLE}(due_jd)")
            # Not INSERT OR REPLACE: a trigger takes the conflict policy of the statement
            # that fired it (put_contact's upsert), so the old row is deleted first.
            body = f"BEGIN DELETE FROM {TABLE} WHERE contact_id = NEW.id; {row}; END"  # noqa: S608
            for event in ("insert", "update"):
                conn.execute(f"CREATE TRIGGER {trigger}_{event} AFTER {event.upper()} ON "
                             f"contacts {body}")
        counts = conn.execute("SELECT (SELECT count(*) FROM contacts), "
                              "(SELECT count(*) FROM contact_clock)").fetchone()
        if not fresh or counts[0] != counts[1]:
            conn.execute("DELETE FROM contact_clock")
            # Period rules are code constants, never user text.
            conn.execute(f"{_INSERT}SELECT {_columns(periods, 'c')} FROM contacts c")  # noqa: S608


DueRow = tuple[str, str, str, str, "str | None", int, int, "int | None"]


def due_count(db: Database, today: date) -> int:
    """How many people are past their ideal period and not snoozed."""
    rows = db.query(
        f"SELECT count(*) FROM (SELECT julianday(?) AS jd) t, {TABLE} k "  # noqa: S608
        "WHERE k.ideal > 0 AND (k.due_jd <= t.jd OR k.anchor IS NULL) "
        "AND (k.snoozed_jd IS NULL OR k.snoozed_jd <= t.jd)", (today.isoformat(),))
    return int(rows[0][0])


def due_rows(db: Database, today: date, *, weights: Mapping[str, float] | None = None,
             urgent_days: int = 7, limit: int = -1) -> list[DueRow]:
    """(id, name, company, tier, last touch, ideal, maximum, days since the clock started) of
    everyone past their ideal period and not snoozed.

    Most overdue first (days past ideal / ideal); with ``weights``, by a check-in's value
    instead: tier weight x (1 + overdue, capped at 2), plus 4 x weight within
    ``urgent_days`` of the maximum period.
    """
    day = today.isoformat()
    days = "(t.jd - k.anchor)"  # julian day numbers: plain arithmetic per row
    score = f"((coalesce({days}, k.ideal) - k.ideal) * 1.0 / k.ideal)"
    to_max = f"(k.maximum - coalesce({days}, k.ideal))"
    if weights:
        weight = ("(CASE k.tier " + " ".join(f"WHEN '{t}' THEN {float(w)}"
                                             for t, w in weights.items()) + " ELSE 1.0 END)")
        order = (f"{weight} * (1 + min({score}, 2.0)) + (CASE WHEN {to_max} <= t.urgent "
                 f"THEN 4 * {weight} ELSE 0 END) DESC")
    else:
        order = f"round({score}, 3) DESC, {to_max}"
    rows = db.query(
        f"SELECT k.contact_id, k.name, k.company, k.tier, k.last, k.ideal, k.maximum, "  # noqa: S608 - built from constants
        f"CAST({days} AS INTEGER) FROM (SELECT julianday(?) AS jd, ? AS urgent) t, {TABLE} k "
        f"WHERE k.ideal > 0 AND (k.due_jd <= t.jd OR k.anchor IS NULL) "
        f"AND (k.snoozed_jd IS NULL OR k.snoozed_jd <= t.jd) "
        f"ORDER BY {order}, k.name COLLATE NOCASE LIMIT ?",
        (day, urgent_days, limit))
    return [tuple(r) for r in rows]
