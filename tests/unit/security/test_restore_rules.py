"""A restore follows the CLI's rules and drops or overwrites nothing without saying so."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.domain import Contact, Note
from assistant.errors import ImportFileError, InputError


def export_of(*contacts: dict[str, Any], notes: tuple[dict[str, Any], ...] = ()) -> bytes:
    return json.dumps({"warmline_export": 1, "contacts": list(contacts),
                       "notes": list(notes)}).encode()


def contact(cid: str, name: str = "Ana Ruiz", **fields: Any) -> dict[str, Any]:
    return Contact(id=cid, name=name, **fields).model_dump(mode="json")


@pytest.mark.parametrize(("document", "message"), [
    (export_of(contact("c_1", "")), "contacts[0] (c_1): a contact needs a name"),
    (export_of(contact("c_1", cadence_days=-5)),
     "contacts[0] (c_1): a cadence is between 1 and 3650 days, not -5"),
    (export_of(contact("c_1", "A" * 1_000_000)),
     "contacts[0] (c_1): a name is at most 200 characters (this one has 1000000)"),
    (export_of(contact("c_1"), contact("c_1", "Bo Li")),
     "contacts[1] (c_1) has the same id as contacts[0]"),
    (export_of(contact("c_2"), notes=(Note(id="n_1", contact_id="c_1", text="x")
                                      .model_dump(mode="json"),)),
     "notes[0] (n_1) belongs to contact c_1, which is neither in the file nor in Warmline"),
    (export_of(contact("c_1"), notes=(Note(id="n_1", contact_id="c_1", text=" ")
                                      .model_dump(mode="json"),)),
     "notes[0] (n_1): a note needs some text"),
])
def test_each_broken_record_refuses_the_restore_by_name(
    app_factory: Callable[..., Any], document: bytes, message: str,
) -> None:
    app = app_factory(provider="offline")
    kept = app.contacts.add("Kept Person")
    with pytest.raises(ImportFileError) as error:
        app.importer.import_bytes("backup.json", document)
    assert message in str(error.value)
    assert "so nothing was" in str(error.value) and "\n" not in str(error.value)
    assert [c.id for c in app.contacts.list_contacts()] == [kept.id]


def test_the_cli_refuses_the_same_values(app_factory: Callable[..., Any]) -> None:
    app = app_factory(provider="offline")
    with pytest.raises(InputError, match="a name is at most 200 characters"):
        app.contacts.add("A" * 100_000)
    person = app.contacts.add("Ana Ruiz")
    with pytest.raises(InputError, match="a cadence is between 1 and 3650 days"):
        app.contacts.update(person.id, cadence_days=-5)


def test_notes_for_a_contact_already_in_warmline_restore(app_factory: Callable[..., Any]) -> None:
    app = app_factory(provider="offline")
    person = app.contacts.add("Ana Ruiz")
    note = Note(contact_id=person.id, text="Runs marathons").model_dump(mode="json")
    report = app.importer.import_bytes("backup.json", export_of(notes=(note,)))
    assert report.notes == 1
    assert [n.text for n in app.stores.records.notes_for(person.id)] == ["Runs marathons"]


def test_a_round_trip_still_restores_everything(
    app_factory: Callable[..., Any], tmp_path: Path,
) -> None:
    app = app_factory(provider="offline")
    person = app.contacts.add("Ana Ruiz", company="Acme")
    app.contacts.add_note(person.id, "Training for Berlin")
    app.backup.export(tmp_path / "backup.json")
    assert (tmp_path / "backup.json").stat().st_mode & 0o077 == 0  # the owner's eyes only
    app.contacts.delete(person.id)
    report = app.importer.import_path(tmp_path / "backup.json")
    assert (report.added, report.notes) == (1, 1)


@pytest.mark.parametrize(("how", "message"), [
    ("truncated", "cannot read this Warmline export: it is damaged or cut short"),
    ("nested", "cannot read this Warmline export: it is nested too deeply to be one"),
])
def test_damaged_backups_say_what_is_wrong(
    app_factory: Callable[..., Any], tmp_path: Path, how: str, message: str,
) -> None:
    app = app_factory(provider="offline")
    app.contacts.add("Ana Ruiz")
    app.backup.export(tmp_path / "backup.json")
    data = (tmp_path / "backup.json").read_bytes()
    if how == "truncated":
        data = data[: len(data) // 2]
    else:
        data = data.replace(b'"contacts": [', b'"contacts": ' + b"[" * 50_000, 1)
    with pytest.raises(ImportFileError) as error:
        app.importer.import_bytes("backup.json", data)
    assert message in str(error.value)
    assert "top-level" not in str(error.value)


def test_a_utf16_backup_restores(app_factory: Callable[..., Any], tmp_path: Path) -> None:
    app = app_factory(provider="offline")
    person = app.contacts.add("Zoë Ångström")
    app.backup.export(tmp_path / "backup.json")
    data = (tmp_path / "backup.json").read_text(encoding="utf-8")
    app.contacts.delete(person.id)
    for encoded in (codecs.BOM_UTF16_LE + data.encode("utf-16-le"), data.encode("utf-16-be")):
        report = app.importer.import_bytes("backup.json", encoded)
        assert report.format == "warmline-export"
    assert [c.name for c in app.contacts.list_contacts()] == ["Zoë Ångström"]
