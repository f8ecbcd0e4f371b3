"""Notes about people who are not contacts yet: named in the report, made contacts in one step."""

from __future__ import annotations

from assistant.errors import InputError
from tests.exports import markdown_notes

NOTES = markdown_notes([
    (None, "Remember to update my resume."),
    ("Chloe Park", "Chloe is training for a triathlon and loves Korean food."),
    ("Ana Ruiz", "Ana moved to Denver."),
    ("Chloe Park", "2026-01-05: Chloe started a new job at Globex."),
])


def test_the_report_names_the_people_the_notes_are_about(app_factory) -> None:  # type: ignore[no-untyped-def]
    app = app_factory()
    app.contacts.add("Ana Ruiz")
    report = app.importer.import_bytes("notes.md", NOTES, "notes")
    assert report.unmatched_notes == ["Chloe Park"]
    assert report.unmatched == ["Chloe Park (2 notes)"]
    assert report.to_json()["unmatched"] == ["Chloe Park (2 notes)"]


def test_the_button_path_creates_them_and_moves_their_notes(app_factory) -> None:  # type: ignore[no-untyped-def]
    app = app_factory()
    report = app.importer.import_bytes("notes.md", NOTES, "notes")
    assert set(report.unmatched_notes) == {"Chloe Park", "Ana Ruiz"}
    made = app.importer.create_contacts_for(report.unmatched_notes)
    assert sorted(c.name for c in made) == ["Ana Ruiz", "Chloe Park"]
    chloe = app.contacts.find("Chloe")  # a first name finds her, as on the Contacts tab
    texts = sorted(n.text for n in app.stores.records.notes_for(chloe.id))
    assert texts == ["Chloe is training for a triathlon and loves Korean food.",
                     "Chloe started a new job at Globex."]
    assert [n.text for n in app.stores.records.notes_for(None)] == ["Remember to update my resume."]
    assert app.contacts.search.search("triathlon")[0].id == chloe.id
    assert app.outreach.draft("checkin", chloe.id).text  # and she can be drafted to
    assert app.importer.create_contacts_for(["Chloe Park"]) == []  # once only
    try:
        app.importer.create_contacts_for([" "])
    except InputError as e:
        assert "at least one person" in str(e)
    else:
        raise AssertionError("an empty list of names must be refused")


def test_the_cli_flag_creates_them_while_importing(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.md"
    path.write_bytes(NOTES)
    code, out, err = run_cli("import", str(path), "--format", "notes", "--create-contacts",
                             "--json")
    assert code == 0, err
    assert '"added": 2' in out and '"unmatched": []' in out
    code, out, _ = run_cli("contacts", "show", "Chloe Park", "--json")
    assert code == 0 and "triathlon" in out and "Chloe Park\\n" not in out
