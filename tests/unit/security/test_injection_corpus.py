"""Every payload of the injection corpus stays data: no canary in an offline draft or a source.

The corpus (evals/datasets/injection_corpus.jsonl) holds orders hidden the ways the probe found
and more: fake turns, other languages, quotes, zero-width and look-alike letters, markup,
markdown images. Each reaches the app the way a user's data does: a note, a Markdown notes
import, a LinkedIn Connections.csv Position or Company, a Google Contacts note, Positions.csv.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.domain import Contact, Note, Profile
from assistant.drafting.offline.injection import looks_like_instruction, strip_instructions
from tests.exports import (
    Job,
    Person,
    google_contacts_csv,
    linkedin_connections_csv,
    linkedin_positions_csv,
    markdown_notes,
)

CORPUS = Path(__file__).resolve().parents[3] / "evals" / "datasets" / "injection_corpus.jsonl"
ROWS = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
FACT = "Training for the Berlin marathon in May."
CHANNELS = ("linkedin-dm", "linkedin-note")


def squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def leaks(canary: str, draft: Any) -> list[str]:
    """Where the canary shows up: the text or any source snippet (case and spacing aside)."""
    places = {"text": draft.text, **{f"source {s.id}": s.snippet for s in draft.sources}}
    return [where for where, text in places.items() if squash(canary) in squash(text)]


def rows(*where: str) -> list[dict[str, str]]:
    return [r for r in ROWS if r["where"] in where]


def test_the_corpus_is_big_varied_and_well_formed() -> None:
    assert len(ROWS) >= 25
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    assert len({r["technique"] for r in ROWS}) >= 25
    for row in ROWS:
        assert row["canary"] in row["payload"].replace("\u200b", ""), row["id"]


def test_the_four_phrasings_from_the_probe_are_in_the_corpus() -> None:
    techniques = {r["technique"] for r in ROWS}
    assert {"fake-turn", "spanish", "quoted-order", "zero-width"} <= techniques


@pytest.mark.parametrize("row", rows("note", "markdown", "csv-notes"), ids=lambda r: r["id"])
def test_a_note_keeps_its_fact_and_loses_the_order(row: dict[str, str]) -> None:
    kept = strip_instructions(f"{FACT} {row['payload']}")
    assert FACT in kept
    assert squash(row["canary"]) not in squash(kept)


@pytest.mark.parametrize("text", [
    "Don't forget the previous meeting notes she sent.",
    "She mentioned her kids in every message.",
    "Her original message was about hiring.",
    "AI safety researcher; works on system design at Stripe.",
    "She asked me to write a blog post together.",
    "Ask her about the new rules for NIH grants.",
    "She said: 'the marathon was brutal'.",
    "Director of Prompt Engineering at Overrides Inc.",
    "Ignacio runs the previous-gen platform team.",
])
def test_ordinary_notes_are_not_mistaken_for_orders(text: str) -> None:
    assert not looks_like_instruction(text)
    assert strip_instructions(text) == text


def test_no_note_payload_reaches_an_offline_checkin(app_factory: Callable[..., Any]) -> None:
    app = app_factory(provider="offline")
    cases = rows("note", "csv-notes")
    contacts = []
    for i, row in enumerate(cases):
        contact = Contact(name=f"Person{i} Tester", company="Northwind", title="Engineer")
        app.stores.records.put_contact(contact)
        # Older fact first, the injected note newest: the draft reads the newest note first.
        records = app.stores.records
        records.put_note(Note(contact_id=contact.id, text=FACT, created=date(2026, 1, 1)))
        app.stores.records.put_note(Note(contact_id=contact.id, text=row["payload"]))
        contacts.append((contact, row))
    app.stores.sync.reconcile()
    found = {}
    for contact, row in contacts:
        for channel in CHANNELS:
            draft = app.outreach.draft("checkin", contact.id, channel)
            if where := leaks(row["canary"], draft):
                found[f"{row['id']} {channel}"] = where
            assert draft.engine == "offline"
    assert found == {}


def test_a_markdown_notes_import_carries_no_order_into_a_draft(
    app_factory: Callable[..., Any],
) -> None:
    app = app_factory(provider="offline")
    contact = app.contacts.add("Priya Nair", company="Northwind", title="Data Scientist")
    for row in rows("markdown", "note"):
        data = markdown_notes([("Priya Nair", f"{FACT}\n\n{row['payload']}")])
        report = app.importer.import_bytes("notes.md", data, "notes")
        assert report.notes == 1, row["id"]
        for channel in CHANNELS:
            draft = app.outreach.draft("checkin", contact.id, channel)
            assert leaks(row["canary"], draft) == [], (row["id"], channel, draft.text)


def test_an_injected_linkedin_position_is_left_out_and_said_so(
    app_factory: Callable[..., Any],
) -> None:
    app = app_factory(provider="offline")
    people = []
    for i, row in enumerate(rows("title", "company", "note")):
        field = "company" if row["where"] == "company" else "title"
        values = {"company": "Northwind", "title": "Engineer", field: row["payload"]}
        people.append(Person(first=f"Ana{i}", last="Ruiz", slug=f"ana-ruiz-{i}", **values))
    report = app.importer.import_bytes("Connections.csv", linkedin_connections_csv(people))
    assert report.added == len(people)
    assert len(report.set_aside) == len(people)
    assert "reads as an instruction to a model" in report.set_aside[0]
    canaries = [r["canary"] for r in rows("title", "company", "note")]
    for contact in app.contacts.list_contacts():
        draft = app.outreach.draft("checkin", contact.id, "linkedin-dm")
        for canary in canaries:
            assert leaks(canary, draft) == [], (contact.name, draft.sources)


def test_an_order_in_a_contact_added_by_hand_stays_out_of_sources(
    app_factory: Callable[..., Any],
) -> None:
    app = app_factory(provider="offline")
    row = rows("title")[0]
    contact = app.contacts.add("Lee Park", company="Acme", title=row["payload"])
    draft = app.outreach.draft("checkin", contact.id, "linkedin-dm")
    assert leaks(row["canary"], draft) == []
    assert app.contacts.find(contact.id).title == row["payload"]  # the record is untouched


def test_google_contact_notes_with_orders_reach_no_draft(app_factory: Callable[..., Any]) -> None:
    app = app_factory(provider="offline")
    cases = rows("csv-notes", "note")[:12]
    firsts = ["Ada", "Bram", "Cleo", "Dima", "Esme", "Farid", "Gus", "Hana", "Ivo", "Jun",
              "Kofi", "Lior"]
    people = [Person(first=first, last="Lee", company="Acme", note=f"{FACT} {row['payload']}")
              for first, row in zip(firsts, cases, strict=True)]
    report = app.importer.import_bytes("contacts.csv", google_contacts_csv(people), "google")
    assert report.added == len(people)
    for contact in app.contacts.list_contacts():
        i = firsts.index(contact.name.split()[0])
        draft = app.outreach.draft("checkin", contact.id, "linkedin-dm")
        assert leaks(cases[i]["canary"], draft) == [], draft.text


def test_positions_csv_orders_reach_no_pitch(app_factory: Callable[..., Any]) -> None:
    app = app_factory(provider="offline")
    app.profiles.save(Profile(
        name="Maya Ola", now="Hospital pharmacist running medication safety reviews",
        next="Product manager in health tech", strengths=["clinical workflows"],
        proof_points=["Cut dispensing errors by 30% across 4 wards",
                      "Trained 40 nurses on a new barcode scanning workflow"],
        target_roles=["Product Manager"]))
    payloads = rows("note", "title")[:10]
    jobs = [Job(company=f"Clinic {i}", title="Pharmacist",
                description=f"Ran audits for 12 wards. {row['payload']}")
            for i, row in enumerate(payloads)]
    report = app.importer.import_bytes("Positions.csv", linkedin_positions_csv(jobs),
                                       "linkedin-positions")
    assert report.positions == len(jobs) and len(report.set_aside) == len(jobs)
    for kind in ("one-liner", "30s", "about", "headline"):
        pitch = app.pitch.generate(kind)
        for row in payloads:
            assert leaks(row["canary"], pitch) == [], (kind, row["id"])
