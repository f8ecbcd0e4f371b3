"""Export, then restore: a faithful round trip, or one clear error and nothing written."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assistant.app import Warmline
from assistant.domain import Contact, Interaction, Note, Profile
from assistant.errors import ImportFileError, InputError, WarmlineError
from assistant.services.contacts.backup import parse_export
from tests.exports import Person, hidden_profile, linkedin_connections_csv, vcard_file
from tests.strategies import json_values, mangled_text
from tests.unit.story.stories import MAYA

AppFactory = Callable[..., Warmline]
ANA = Person("Ana", "Ruiz", company="Acme Health", title="Data Scientist", slug="ana-ruiz",
             connected_on=date(2024, 3, 1))
BOB = Person("Bob", "Lee", company="Globex", title="Engineer", slug="bob-lee",
             connected_on=date(2023, 5, 6))
PITCH = ("I'm a hospital pharmacist who cut medication errors 30% by redesigning order "
         "verification, and I want to bring that to health-tech product work.")


def connections(*people: Person) -> bytes:
    return linkedin_connections_csv([*people, hidden_profile(date(2024, 1, 2))])


def populate(app: Warmline) -> None:
    """Every kind of record export writes: contacts, notes, interactions, profile, all events."""
    app.importer.import_bytes("Connections.csv", connections(ANA, BOB))
    promoted = replace(BOB, company="Initech", title="Staff Engineer")
    app.importer.import_bytes("Connections.csv", connections(ANA, promoted))  # a job change
    for person in (replace(ANA, company="ACME Health, Inc.", slug="", emails=("a@ex.com",)),
                   replace(promoted, slug="", title="", emails=("b@ex.com",))):
        app.importer.import_bytes("card.vcf", vcard_file([person]))  # a merge each
    bob = app.stores.records.find_contact("bob-lee")
    [bob_merge] = app.contacts.detail(bob.id).undoable_merges
    app.contacts.undo_merge(bob_merge["id"])  # an unmerge that cites the merge's id
    ana = app.stores.records.find_contact("ana-ruiz")
    app.contacts.add_note(ana.id, "ran the Chicago marathon", when=date(2025, 5, 1))
    app.contacts.log_interaction(ana.id, summary="coffee", channel="in person", direction="gave")
    app.contacts.set_tags(ana.id, ["running", "health"])
    app.stores.records.put_profile(MAYA)
    app.sounding_board.critique(PITCH)  # a pitch revision: an event about nobody
    kinds = sorted(e["kind"] for e in app.stores.records.events())
    assert kinds == ["job_change", "merge", "merge", "pitch_revision", "unmerge"]


def state(app: Warmline) -> dict[str, Any]:
    """Everything a restore could write, records and index alike."""
    snapshot = app.backup.snapshot()
    del snapshot["exported_at"]
    return {**snapshot, "queue": sorted(app.stores.records.pending_index_ops()),
            "indexed": (app.stores.index.count("contact"), app.stores.index.count("note"))}


def exported(app: Warmline, path: Path) -> bytes:
    app.backup.export(path)
    return path.read_bytes()


def test_export_then_import_into_a_fresh_home_restores_everything(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    source = app_factory()
    populate(source)
    path = tmp_path / "backup.json"
    source.backup.export(path)
    expected = state(source)
    ana = source.stores.records.find_contact("ana-ruiz")
    history = source.contacts.detail(ana.id).to_json()["history"]
    revisions = source.sounding_board.history()
    source.close()

    target = app_factory(home=tmp_path / "restored")
    report = target.importer.import_path(path)
    assert (report.format, report.added, report.notes, report.interactions) == (
        "warmline-export", 3, 1, 1)
    assert state(target) == expected  # events keep their ids, times and data
    assert target.contacts.detail(ana.id).to_json()["history"] == history
    assert target.sounding_board.history() == revisions
    assert target.search.search("marathon")[0].id == ana.id  # the index caught up
    assert {r.id for r in target.search.search("Initech")} >= {
        target.stores.records.find_contact("bob-lee").id}
    [ana_merge] = target.contacts.detail(ana.id).undoable_merges
    target.contacts.undo_merge(ana_merge["id"])  # restored history still works

    again = target.importer.import_path(path)  # restoring twice adds nothing
    assert (again.added, again.updated) == (0, 3)
    assert len(target.stores.records.events()) == len(expected["events"]) + 1  # + the new unmerge


def test_a_bom_before_the_json_is_fine(app_factory: AppFactory, tmp_path: Path) -> None:
    source = app_factory()
    populate(source)
    data = exported(source, tmp_path / "backup.json")
    target = app_factory(home=tmp_path / "restored")
    counts = target.backup.restore(b"\xef\xbb\xbf" + data)
    assert counts == {"contacts": 3, "notes": 1, "interactions": 1}
    assert state(target)["events"] == state(source)["events"]


def test_events_whose_ids_are_taken_are_renumbered_and_citations_follow(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    source = app_factory()
    populate(source)
    data = exported(source, tmp_path / "backup.json")
    target = app_factory(home=tmp_path / "restored")
    target.stores.records.put_profile(Profile(name="Someone else"))
    target.sounding_board.critique("A pitch of my own, older than the restore.")  # takes id 1
    target.backup.restore(data)

    kinds = [e["kind"] for e in target.stores.records.events()]
    assert sorted(kinds) == ["job_change", "merge", "merge", "pitch_revision", "pitch_revision",
                             "unmerge"]
    merges = {e["data"]["merged"]["id"]: e["id"] for e in target.stores.records.events("merge")}
    [unmerge] = target.stores.records.events("unmerge")
    split = unmerge["data"]["split"]
    assert unmerge["data"]["merge_event"] == merges[split]  # cites the renumbered merge
    bob = target.stores.records.find_contact("bob-lee")
    assert target.contacts.detail(bob.id).undoable_merges == []  # still undone
    assert len(target.sounding_board.history()) == 2


def test_an_id_held_by_either_of_two_identical_events_is_not_reused(
    app_factory: AppFactory,
) -> None:
    app = app_factory()
    with app.stores.records.db.transaction() as conn:
        for _ in range(2):  # twins: the same kind, data and second
            app.stores.records.insert_event("pitch_revision", {"text": "hi"}, None, conn,
                                     created="2025-01-01 10:00:00")
    document = {"warmline_export": 1,
                "events": [{"id": 1, "kind": "pitch_revision", "data": {"text": "hi"},
                            "created": "2025-01-01 10:00:00"},
                           {"id": 2, "kind": "pitch_revision", "data": {"text": "new"},
                            "created": "2025-01-02 10:00:00"}]}
    app.backup.restore(json.dumps(document).encode())
    assert [(e["id"], e["data"]["text"]) for e in app.stores.records.events()] == [
        (3, "new"), (2, "hi"), (1, "hi")]


def test_records_about_contacts_nobody_holds_refuse_the_restore(app_factory: AppFactory) -> None:
    app = app_factory()
    document = {
        "warmline_export": 1,
        "contacts": [Contact(id="c_1", name="Ana Ruiz").model_dump(mode="json")],
        "notes": [Note(contact_id="c_1", text="kept").model_dump(mode="json"),
                  Note(id="n_orphan", contact_id="c_gone", text="orphan").model_dump(mode="json")],
        "interactions": [Interaction(id="i_1", contact_id="c_gone").model_dump(mode="json")],
        "events": [{"id": 7, "contact_id": "c_gone", "kind": "merge", "data": {}},
                   {"id": 8, "contact_id": "c_1", "kind": "job_change", "data": {"x": 1},
                    "created": "2025-01-02 03:04:05"}],
    }
    with pytest.raises(ImportFileError) as error:
        app.backup.restore(json.dumps(document).encode())
    assert str(error.value) == (
        "3 records cannot be restored, so nothing was: notes[1] (n_orphan) belongs to contact "
        "c_gone, which is neither in the file nor in Warmline; interactions[0] (i_1) belongs to "
        "contact c_gone, which is neither in the file nor in Warmline; events[0] belongs to "
        "contact c_gone, which is neither in the file nor in Warmline")
    assert app.stores.records.list_contacts() == [] and app.stores.records.all_notes() == []


GOOD_CONTACT = {"id": "c_1", "name": "Ana"}
MALFORMED: list[tuple[bytes, str]] = [
    (b"\xff\xfe{}", "cannot read this Warmline export: it is damaged or cut short (Expecting"),
    (b"", "cannot read this Warmline export: it is damaged or cut short (Expecting value"),
    (b"\xef\xbb\xbf{", "cannot read this Warmline export: it is damaged or cut short "
     "(Expecting property name"),
    (b"[1, 2]", "not a Warmline export (a JSON list, not an object)"),
    (b'"warmline"', "not a Warmline export (a JSON str, not an object)"),
    (b"{}", "missing 'warmline_export': 1"),
    (b'{"warmline_export": true}', "missing 'warmline_export': 1"),
    (b'{"warmline_export": "1"}', "missing 'warmline_export': 1"),
    (b'{"warmline_export": 1.0}', "missing 'warmline_export': 1"),
    (b'{"warmline_export": 2}', "this export is format 2; upgrade Warmline"),
    (b'{"warmline_export": 1, "contacts": 5}', "contacts: Input should be a valid list"),
    (b'{"warmline_export": 1, "contacts": {"id": "c_1"}}', "contacts: Input should be a valid"),
    (b'{"warmline_export": 1, "contacts": null}', "contacts: Input should be a valid list"),
    (b'{"warmline_export": 1, "contacts": [3]}', "contacts[0]: Input should be"),
    (b'{"warmline_export": 1, "contacts": [{"id": "c", "name": 3}]}',
     "contacts[0].name: Input should be"),
    (b'{"warmline_export": 1, "contacts": [{"id": "c_1"}, {"id": "c_2"}]}',
     "contacts[0].name: Field required (and 1 more problems)"),
    (b'{"warmline_export": 1, "contacts": [{"name": "Ana"}]}',
     "contacts[0]: Value error, no 'id' (an export gives every record one)"),
    (b'{"warmline_export": 1, "notes": [{"text": "hi"}]}', "notes[0]: Value error, no 'id'"),
    (b'{"warmline_export": 1, "profile": []}', "profile: Input should be"),
    (b'{"warmline_export": 1, "notes": "n"}', "notes: Input should be a valid list"),
    (b'{"warmline_export": 1, "interactions": [{"id": "i", "when": "x"}]}',
     "interactions[0].contact_id: Field required (and 1 more problems)"),
    (b'{"warmline_export": 1, "events": {}}', "events: Input should be a valid list"),
    (b'{"warmline_export": 1, "events": [{"data": {}}]}', "events[0].kind: Field required"),
    (b'{"warmline_export": 1, "events": [{"kind": "x", "data": [1]}]}',
     "events[0].data: Input should be a valid dictionary"),
    (b'{"warmline_export": 1, "events": [{"kind": "x", "data": {}, "id": true}]}',
     "events[0].id: Input should be a valid integer"),
    (b'{"warmline_export": 1, "events": [{"kind": "x", "data": {}, "id": 0}]}',
     "events[0].id: Input should be greater than or equal to 1"),
    (b'{"warmline_export": 1, "events": [{"kind": "x", "data": {}, "id": 99999999999999999999}]}',
     "events[0].id: Input should be less than or equal to"),
    (b'{"warmline_export": 1, "events": [{"kind": "x", "data": {}, "created": "soon"}]}',
     "events[0].created: Value error, not a date and time"),
    (b'{"warmline_export": 1, "contacts": [{"id": "c_1", "name": "A\\ud800"}]}',
     "not valid Unicode"),
    (b'{"warmline_export": 1, "events": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
     "cannot read this Warmline export: it is nested too deeply to be one"),
    (b'{"warmline_export": 1, "x": 1' + b"0" * 5000 + b"}", "cannot read this Warmline export"),
]


@pytest.mark.parametrize(("data", "message"), MALFORMED, ids=range(len(MALFORMED)))
def test_every_malformed_shape_is_one_clear_line_and_writes_nothing(
    app_factory: AppFactory, data: bytes, message: str
) -> None:
    app = app_factory()
    app.backup.restore(json.dumps({"warmline_export": 1, "contacts": [GOOD_CONTACT]}).encode())
    before = state(app)
    with pytest.raises(ImportFileError) as caught:
        app.backup.restore(data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert state(app) == before


def test_a_failure_half_way_through_the_write_rolls_everything_back(
    app_factory: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = app_factory()
    populate(source)
    data = exported(source, tmp_path / "backup.json")
    target = app_factory(home=tmp_path / "restored")
    before = state(target)

    def broken(*args: object, **kwargs: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(target.stores.records, "insert_event", broken)  # after every other record
    with pytest.raises(WarmlineError, match="nothing was restored"):
        target.backup.restore(data)
    assert state(target) == before


# -- properties: whatever arrives, a restore is complete or an error that wrote nothing --------

SEED_EXPORT = json.dumps({
    "warmline_export": 1, "app_version": "0.1.0", "exported_at": "2025-06-01T10:00:00",
    "profile": Profile(name="Maya", strengths=["calm"]).model_dump(mode="json"),
    "contacts": [Contact(id="c_ana", name="Ana Ruiz", company="Acme", tags=["run"],
                         connected_on=date(2024, 3, 1)).model_dump(mode="json"),
                 Contact(id="c_bob", name="Bob Lee", tier="inner").model_dump(mode="json")],
    "notes": [Note(id="n_1", contact_id="c_ana", text="ran a marathon",
                   created=date(2025, 1, 2)).model_dump(mode="json"),
              Note(id="n_2", text="a free thought").model_dump(mode="json")],
    "interactions": [Interaction(id="i_1", contact_id="c_bob", when=date(2025, 3, 4),
                                 summary="coffee").model_dump(mode="json")],
    "events": [{"id": 2, "contact_id": "c_ana", "kind": "unmerge",
                "data": {"merge_event": 1, "split": "c_bob"}, "created": "2025-02-01 10:00:00"},
               {"id": 1, "contact_id": "c_ana", "kind": "merge",
                "data": {"rule": "email", "notes": []}, "created": "2025-01-01 10:00:00"}],
}, indent=2)
IDS = st.sampled_from(["c_ana", "c_bob", "c_new", ""]) | st.text(max_size=4)
RECORDS = {
    "contacts": st.fixed_dictionaries(
        {"name": st.text(max_size=6) | json_values(2)},
        optional={"id": IDS | json_values(1), "tier": st.sampled_from(["inner", "vip", 3]),
                  "cadence_days": st.integers() | st.text(max_size=3)}),
    "notes": st.fixed_dictionaries(
        {"text": st.text(max_size=6) | json_values(2), "id": IDS},
        optional={"contact_id": IDS | st.none(), "created": st.sampled_from(["2025-01-01", "x"])}),
    "interactions": st.fixed_dictionaries(
        {"contact_id": IDS | json_values(1)},
        optional={"id": IDS, "when": st.sampled_from(["2025-01-01", "soon", 5]),
                  "direction": st.sampled_from(["gave", "took"])}),
    "events": st.fixed_dictionaries(
        {"kind": st.sampled_from(["merge", "unmerge", "pitch_revision", ""]) | json_values(1),
         "data": st.dictionaries(st.text(max_size=4), json_values(3), max_size=3)
         | st.fixed_dictionaries({"merge_event": json_values(1)}) | json_values(2)},
        optional={"id": st.integers(-2, 5) | st.booleans() | st.integers(2**62, 2**64),
                  "contact_id": IDS | st.none(),
                  "created": st.sampled_from(["2025-01-01 10:00:00", "2025-13-01", ""])}),
}
PROPERTIES = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture,
                                             HealthCheck.too_slow])


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """Export-shaped JSON: any version marker, any value or near-valid records at each key."""
    document: dict[str, Any] = {"warmline_export": draw(st.sampled_from([1, 1, 1, 2, "1", True]))}
    for key in ("profile", *RECORDS):
        choice = draw(st.sampled_from(["absent", "any", "records"]))
        if choice == "any":
            document[key] = draw(json_values())
        elif choice == "records" and key in RECORDS:
            document[key] = draw(st.lists(RECORDS[key], max_size=3))
    bom = draw(st.sampled_from([b"", b"\xef\xbb\xbf"]))
    return bom + json.dumps(document).encode()


@pytest.fixture
def app(app_factory: AppFactory) -> Warmline:
    return app_factory()


def check_restore(app: Warmline, data: bytes) -> None:
    """The contract: complete (every contact in the file stored, the index caught up) or nothing."""
    before = state(app)
    try:
        counts = app.backup.restore(data)
    except WarmlineError as e:
        event(f"error: {str(e)[:40]}")
        message = str(e)
        assert message and "\n" not in message, message
        assert state(app) == before, "a failed restore wrote something"
        return
    event("restored")
    stored = {c.id: c for c in app.stores.records.list_contacts()}
    restored = parse_export(data).contacts
    assert counts["contacts"] == len(restored)
    assert all(c.id in stored for c in restored)
    assert {c.id: c for c in restored} == {c.id: stored[c.id] for c in restored}
    assert app.stores.records.pending_index_ops() == []  # the index caught up


@PROPERTIES
@given(data=st.binary(max_size=400) | st.binary(max_size=40).map(b"\xef\xbb\xbf".__add__))
def test_arbitrary_bytes_restore_or_raise_a_clear_error(app: Warmline, data: bytes) -> None:
    check_restore(app, data)


@PROPERTIES
@given(data=documents())
def test_arbitrary_json_shapes_restore_fully_or_not_at_all(app: Warmline, data: bytes) -> None:
    check_restore(app, data)


@PROPERTIES
@given(text=mangled_text([SEED_EXPORT]))
def test_mangled_exports_restore_fully_or_not_at_all(app: Warmline, text: str) -> None:
    check_restore(app, text.encode("utf-8", "surrogatepass"))


def test_export_replaces_an_earlier_export_but_never_another_file(
    app_factory: AppFactory, tmp_path: Path
) -> None:
    app = app_factory()
    populate(app)
    backup = tmp_path / "backup.json"
    app.backup.export(backup)
    app.backup.export(backup)  # the nightly backup to the same name
    assert json.loads(backup.read_text(encoding="utf-8"))["warmline_export"]

    document = tmp_path / "thesis.txt"
    document.write_text("three years of work", encoding="utf-8")
    with pytest.raises(InputError, match="already exists and is not a Warmline export"):
        app.backup.export(document)
    assert document.read_text(encoding="utf-8") == "three years of work"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["backup.json",
                                                                          "thesis.txt"]
    empty = tmp_path / "empty.json"
    empty.touch()
    app.backup.export(empty)  # an empty file holds nothing to lose
