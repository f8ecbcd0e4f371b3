"""Import semantics: one transaction per file, idempotent re-imports, job changes, merges, undo."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from assistant.app import Warmline
from assistant.errors import ImportFileError
from assistant.storage.phrases import phrases_of
from tests.exports import (
    Job,
    Person,
    conversation,
    google_contacts_csv,
    hidden_profile,
    linkedin_connections_csv,
    linkedin_messages_csv,
    linkedin_positions_csv,
    linkedin_profile_csv,
    markdown_notes,
    vcard_file,
)
from tests.unit.contacts.helpers import store_counts

ANA = Person("Ana", "Ruiz", company="Acme Health", title="Data Scientist", slug="ana-ruiz",
             connected_on=date(2024, 3, 1))
BOB = Person("Bob", "Lee", company="Globex", title="Engineer", slug="bob-lee",
             connected_on=date(2023, 5, 6))
ME = Person("Maya", "Patel", slug="maya-patel")


def connections(*people: Person) -> bytes:
    return linkedin_connections_csv([*people, hidden_profile(date(2024, 1, 2))])


def test_import_adds_contacts_and_reports_skipped_rows_with_line_numbers(app: Warmline) -> None:
    report = app.importer.import_bytes("Connections.csv", connections(ANA, BOB))
    assert (report.format, report.added, report.updated, report.merged) == ("linkedin", 2, 0, 0)
    assert report.skipped == 1
    # The preamble is 3 lines, the header line 4, Ana 5, Bob 6, the hidden profile 7.
    assert report.skipped_rows[0].row == 7
    assert "hidden profile" in report.skipped_rows[0].reason
    ana = app.stores.records.find_contact("ana-ruiz")
    assert (ana.name, ana.company, ana.title, ana.connected_on) == (
        "Ana Ruiz", "Acme Health", "Data Scientist", date(2024, 3, 1))
    assert app.stores.index.ids("contact") == {p.id for c in app.stores.records.list_contacts()
                                        for p in phrases_of(c)}
    assert app.stores.records.pending_index_ops() == []
    data = report.to_json()
    assert (data["added"], data["skipped"]) == (2, 1)
    assert data["skipped_rows"][0]["reason"].startswith("hidden profile")


def test_reimporting_the_same_file_adds_nothing(app: Warmline) -> None:
    app.importer.import_bytes("Connections.csv", connections(ANA, BOB))
    before = store_counts(app)
    report = app.importer.import_bytes("Connections.csv", connections(ANA, BOB))
    assert (report.added, report.updated, report.merged, report.unchanged) == (0, 0, 0, 2)
    assert store_counts(app) == before


def test_newer_export_updates_company_and_title_and_records_a_job_change(app: Warmline) -> None:
    app.importer.import_bytes("Connections.csv", connections(ANA, BOB))
    promoted = replace(BOB, company="Initech", title="Staff Engineer")
    report = app.importer.import_bytes("Connections.csv", connections(ANA, promoted))
    assert (report.added, report.updated, report.unchanged, report.job_changes) == (0, 1, 1, 1)
    bob = app.stores.records.find_contact("bob-lee")
    assert (bob.company, bob.title, bob.past_companies) == ("Initech", "Staff Engineer", ["Globex"])
    [event] = app.stores.records.events("job_change")
    assert event["contact_id"] == bob.id
    assert event["data"]["old_company"] == "Globex" and event["data"]["new_company"] == "Initech"
    assert event["data"]["old_title"] == "Engineer"
    assert app.search.search("initech")[0].id == bob.id


def test_a_file_that_cannot_be_parsed_writes_nothing(app: Warmline) -> None:
    app.importer.import_bytes("Connections.csv", connections(ANA))
    before = store_counts(app)
    for name, data in (("x.csv", b"just,some,random\nstuff,in,a,file\n"), ("empty.csv", b""),
                       ("bin.vcf", b"\xff\xfe\x00garbage"), ("c.csv", b"a,b,c,d\n1,2,3,4\n")):
        with pytest.raises(ImportFileError) as caught:
            app.importer.import_bytes(name, data)
        assert "\n" not in str(caught.value) and name in str(caught.value)
    assert store_counts(app) == before


def test_a_failure_halfway_through_rolls_the_whole_file_back(
    app: Warmline, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store_counts(app)
    real = app.stores.records.put_contact
    calls = []

    def flaky(contact, conn=None):  # type: ignore[no-untyped-def]
        calls.append(contact.id)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(contact, conn)

    monkeypatch.setattr(app.stores.records, "put_contact", flaky)
    with pytest.raises(RuntimeError):
        app.importer.import_bytes("Connections.csv", connections(ANA, BOB))
    assert len(calls) == 2
    assert store_counts(app) == before


def test_unknown_format_and_profile_format_mismatch_are_clear_errors(app: Warmline) -> None:
    with pytest.raises(ImportFileError, match="unknown import format"):
        app.importer.import_bytes("c.csv", connections(ANA), fmt="excel")
    with pytest.raises(ImportFileError, match="not a LinkedIn Profile.csv or Positions.csv"):
        app.importer.import_bytes("c.csv", connections(ANA), fmt="profile")
    with pytest.raises(ImportFileError, match="cannot read"):
        app.importer.import_path(app.settings.home / "missing.csv")


def test_google_contact_merges_into_linkedin_contact_by_email_and_undo_splits(
    app: Warmline,
) -> None:
    with_email = replace(ANA, emails=("ana@acme.example",))
    app.importer.import_bytes("Connections.csv", connections(with_email))
    original = app.stores.records.find_contact("ana-ruiz")
    google = Person("Ana", "Ruiz-Smith", company="", emails=("ana@acme.example",),
                    phones=("+1 555 0100",), labels=("climbing",), note="Met at PyCon 2024")
    report = app.importer.import_bytes("contacts.csv", google_contacts_csv([google]))
    assert (report.format, report.added, report.merged, report.notes) == ("google", 0, 1, 1)
    merged = app.stores.records.get_contact(original.id)
    assert merged.phones == ["+1 555 0100"] and "google" in merged.sources
    assert merged.name == "Ana Ruiz"  # the existing record keeps its name
    [note] = app.stores.records.notes_for(original.id)
    assert note.text == "Met at PyCon 2024"

    detail = app.contacts.detail(original.id)
    [merge] = detail.undoable_merges
    assert merge["data"]["rule"] == "email" and merge["data"]["notes"] == [note.id]
    before, split = app.contacts.undo_merge(merge["id"])
    assert app.stores.records.get_contact(original.id) == original  # back to its pre-merge state
    assert split.name == "Ana Ruiz-Smith" and split.phones == ["+1 555 0100"]
    assert app.stores.records.get_contact(split.id).emails == ["ana@acme.example"]
    assert [n.id for n in app.stores.records.notes_for(split.id)] == [note.id]
    assert app.stores.records.notes_for(original.id) == []
    assert app.contacts.detail(original.id).undoable_merges == []
    assert app.stores.index.ids("contact") == {
        p.id for c in (app.stores.records.get_contact(original.id), split) for p in phrases_of(c)}
    with pytest.raises(Exception, match="already undone"):
        app.contacts.undo_merge(merge["id"])


def test_fuzzy_name_and_company_merge_from_a_vcard(app: Warmline) -> None:
    app.importer.import_bytes("Connections.csv", connections(ANA))
    card = Person("Ana", "Ruiz", company="ACME Health, Inc.", title="", emails=("a@ex.com",))
    report = app.importer.import_bytes("ana.vcf", vcard_file([card]))
    assert (report.added, report.merged) == (0, 1)
    ana = app.stores.records.find_contact("ana-ruiz")
    assert ana.emails == ["a@ex.com"]
    [event] = app.stores.records.events("merge")
    assert event["data"]["rule"] == "name+company"
    again = app.importer.import_bytes("ana.vcf", vcard_file([card]))
    assert (again.added, again.merged, again.updated) == (0, 0, 0)


def test_duplicate_rows_within_one_file_are_merged_once(app: Warmline) -> None:
    twin = replace(ANA, slug="", emails=("ana@x.example",), company="Acme Health")
    first = replace(ANA, slug="", emails=("ana@x.example",), phones=("+1 555",))
    report = app.importer.import_bytes("contacts.csv", google_contacts_csv([first, twin]))
    assert (report.added, report.merged + report.unchanged) == (1, 1)
    assert app.stores.records.count_contacts() == 1
    again = app.importer.import_bytes("contacts.csv", google_contacts_csv([first, twin]))
    assert (again.added, again.merged, again.updated) == (0, 0, 0)


def test_messages_set_last_contacted_and_log_interactions_by_slug_then_name(
    app: Warmline,
) -> None:
    bob_no_url = replace(BOB, slug="")
    app.importer.import_bytes("Connections.csv", connections(ANA, BOB))
    stranger = Person("Zed", "Unknown", slug="zed-unknown")
    messages = [
        *conversation("c1", ME, ANA, [
            (True, datetime(2025, 6, 1, 14, 3), "Thought you might like this article https://x.io"),
            (False, datetime(2025, 6, 2, 9, 0), "Thanks, loved it!"),
        ]),
        *conversation("c2", ME, bob_no_url, [
            (True, datetime(2025, 5, 1, 10, 0), "Could you refer me to your team?"),
        ]),
        *conversation("c3", ME, stranger, [(False, datetime(2025, 4, 1, 8, 0), "Hi there")]),
    ]
    data = linkedin_messages_csv(messages)
    report = app.importer.import_bytes("messages.csv", data)
    assert (report.format, report.interactions, report.added) == ("linkedin-messages", 3, 0)
    assert report.unmatched == ["zed-unknown (1 message)"]
    ana = app.stores.records.find_contact("ana-ruiz")
    bob = app.stores.records.find_contact("bob-lee")
    assert ana.last_contacted == date(2025, 6, 2)
    assert bob.last_contacted == date(2025, 5, 1)
    gave, neutral = sorted(app.stores.records.interactions_for(ana.id), key=lambda i: i.when)
    assert (gave.direction.value, gave.channel, gave.kind) == ("gave", "linkedin", "message")
    assert neutral.direction.value == "neutral"
    [asked] = app.stores.records.interactions_for(bob.id)
    assert asked.direction.value == "asked" and "refer me" in asked.summary
    before = store_counts(app)
    again = app.importer.import_bytes("messages.csv", data)
    assert again.interactions == 0
    assert store_counts(app) == before


def test_profile_and_positions_feed_the_users_profile(app: Warmline) -> None:
    profile = linkedin_profile_csv("Maya", "Patel", "Pharmacist → health-tech PM",
                                   "Ten years of hospital pharmacy.")
    report = app.importer.import_bytes("Profile.csv", profile, fmt="profile")
    assert (report.format, report.profile_updated) == ("linkedin-profile", True)
    jobs = [Job("St. Mary's Hospital", "Clinical Pharmacist", started_on="Mar 2016"),
            Job("CVS", "Pharmacist", started_on="Jan 2013", finished_on="Feb 2016")]
    report = app.importer.import_bytes("Positions.csv", linkedin_positions_csv(jobs))
    assert (report.format, report.positions) == ("linkedin-positions", 2)
    stored = app.stores.records.get_profile()
    assert (stored.name, stored.headline) == ("Maya Patel", "Pharmacist → health-tech PM")
    assert [p.company for p in stored.positions] == ["St. Mary's Hospital", "CVS"]
    again = app.importer.import_bytes("Positions.csv", linkedin_positions_csv(jobs))
    assert (again.positions, again.profile_updated) == (0, False)


def test_markdown_notes_attach_to_contacts_and_the_rest_become_free_notes(app: Warmline) -> None:
    app.importer.import_bytes("Connections.csv", connections(ANA, BOB))
    notes = markdown_notes([
        (None, "Ideas for my pitch: lead with the pharmacy story."),
        ("Ana Ruiz", "2025-05-01: ran the Chicago marathon\n2025-06-01: loves bouldering"),
        ("Book club", "Read 'Never Eat Alone' next."),
    ])
    report = app.importer.import_bytes("notes.md", notes)
    assert (report.format, report.notes) == ("notes", 4)
    ana = app.stores.records.find_contact("ana-ruiz")
    dated = {n.created: n.text for n in app.stores.records.notes_for(ana.id)}
    assert dated == {date(2025, 5, 1): "ran the Chicago marathon",
                     date(2025, 6, 1): "loves bouldering"}
    free = sorted(n.text for n in app.stores.records.notes_for(None))
    assert free == ["Book club\nRead 'Never Eat Alone' next.",
                    "Ideas for my pitch: lead with the pharmacy story."]
    assert app.importer.import_bytes("notes.md", notes).notes == 0
    assert app.stores.index.count("note") == 4


def test_warmline_export_round_trip_restores_everything(
    app_factory, tmp_path  # type: ignore[no-untyped-def]
) -> None:
    source = app_factory()
    source.importer.import_bytes("Connections.csv", connections(ANA, BOB))
    ana = source.stores.records.find_contact("ana-ruiz")
    source.contacts.add_note(ana.id, "ran the Chicago marathon")
    source.contacts.log_interaction(ana.id, summary="coffee", channel="in person",
                                    direction="gave")
    source.contacts.set_tags(ana.id, ["running", "health"])
    path = tmp_path / "backup.json"
    source.backup.export(path)
    snapshot = {k: source.backup.snapshot()[k] for k in ("contacts", "notes", "interactions")}
    source.close()

    target = app_factory(home=tmp_path / "restored")
    report = target.importer.import_path(path)
    assert (report.format, report.added, report.notes, report.interactions) == (
        "warmline-export", 2, 1, 1)
    assert {k: target.backup.snapshot()[k] for k in snapshot} == snapshot
    assert target.search.search("marathon")[0].id == ana.id
    again = target.importer.import_path(path)
    assert (again.added, again.updated) == (0, 2)


def test_malformed_export_is_a_clear_error_and_writes_nothing(app: Warmline) -> None:
    before = store_counts(app)
    for doc in ({"warmline_export": 1, "contacts": 5},
                {"warmline_export": 1, "contacts": [{"name": 3}]},
                {"warmline_export": 2}):
        with pytest.raises(ImportFileError):
            app.importer.import_bytes("backup.json", json.dumps(doc).encode())
    assert store_counts(app) == before


def test_progress_reports_each_stage(app: Warmline) -> None:
    seen: list[tuple[str, int, int]] = []
    app.importer.import_bytes("Connections.csv", connections(ANA, BOB),
                              progress=lambda *args: seen.append(args))
    stages = [s for s, _, _ in seen]
    assert stages[0] == "reading" and "contacts" in stages and stages[-1] == "indexing"
    assert ("contacts", 2, 2) in seen


@pytest.mark.parametrize("data", [b"0", b"[]", b'"x"', b"null"])
def test_an_export_that_is_not_an_object_is_refused_in_one_line(app: Warmline,
                                                                data: bytes) -> None:
    before = store_counts(app)
    with pytest.raises(ImportFileError, match=r"^backup\.json: not a Warmline export"):
        app.importer.import_bytes("backup.json", data, "warmline-export")
    assert store_counts(app) == before
