"""The Contacts tab in a real headless Chromium: import, search, open, note, edit, delete, undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.app import Warmline
from assistant.errors import NotFoundError
from tests.e2e.browser import choose, fill, open_tab, toast, upload, wait_for_rows
from tests.e2e.conftest import BrowserPage, ServedApp
from tests.exports import Person, google_contacts_csv, hidden_profile, linkedin_connections_csv

TABLE = "contacts-table"
ANA = Person("Ana", "Ruiz", "Acme Health", "Product Manager", "ana-ruiz",
             emails=("ana.ruiz@example.com",), connected_on=date(2024, 1, 2))
BO = Person("Bo", "Chen", "Northwind Labs", "Data Scientist", "bo-chen",
            connected_on=date(2023, 5, 6))
PRIYA = Person("Priya", "Natarajan", "Riverbend Hospital", "Clinical Pharmacist",
               "priya-natarajan", connected_on=date(2022, 3, 4))
TOMAS = Person("Tomás", "Ortega", "Globex Logistics", "Supply Chain Analyst", "tomas-ortega",
               connected_on=date(2021, 7, 8))
DANA = Person("Dana", "Whitfield", "Acme Health", "Software Engineer", "dana-whitfield",
              connected_on=date(2020, 9, 10))
NAMELESS = Person("", "", "Initech", "Consultant", "nameless-0001", connected_on=date(2020, 1, 1))
PEOPLE = [ANA, BO, PRIYA, TOMAS, DANA]
# The file: 3 preamble lines and the header, so data rows start at line 5.
ROWS = [*PEOPLE, NAMELESS, hidden_profile(date(2019, 2, 3))]
NAMELESS_LINE, HIDDEN_LINE = 5 + ROWS.index(NAMELESS), 5 + len(ROWS) - 1
BO_ONLY = ("Bo Chen", "Northwind", "marathon")  # nobody else's record or note says these
NOTE = "Bo is training for the Chicago marathon in October and loves trail running"
NOTE_QUERY = "long-distance runner"  # no word in common with Bo's record or the note's key words
ROLE_QUERY = "someone who knows about medicines"  # Priya is a Clinical Pharmacist


def names(rows: list[dict[str, str]]) -> list[str]:
    return [row["name"] for row in rows]


def search(page: Any, query: str) -> None:
    fill(page, "contacts-search", query)
    page.locator("#contacts-search-button").click()


def submit(page: Any, elem_id: str) -> None:
    """Press Enter in a Gradio Textbox (a one-line textbox submits on Enter)."""
    page.locator(f"#{elem_id} textarea, #{elem_id} input").first.press("Enter")


def show_everyone(page: Any, people: list[Person]) -> None:
    """Clear the search box and wait for the full table (sorted by name, no "why")."""
    search(page, "")
    wait_for_rows(page, TABLE, exactly(*(p.name for p in people)), "everyone")


def first_is(name: str) -> Any:
    return lambda rows: bool(rows) and rows[0]["name"] == name


def exactly(*wanted: str) -> Any:
    return lambda rows: sorted(names(rows)) == sorted(wanted)


def detail(page: Any) -> Any:
    return page.locator("#contact-detail")


def open_row(page: Any, name: str) -> None:
    """Click the contact's name in the table and wait for their page."""
    page.locator(f"#{TABLE} [role=gridcell] span", has_text=name).first.click()
    detail(page).get_by_role("heading", name=name).wait_for(state="visible")


def status_says(page: Any, text: str) -> None:
    page.locator("#contact-status").get_by_text(text).wait_for(state="visible")


def import_file(page: Any, path: Path) -> str:
    """Drop ``path`` on the import zone; return the report once it names the file."""
    upload(page, "contacts-import", path)
    report = page.locator("#contacts-import-report")
    report.get_by_text(f"Imported {path.name}").wait_for(state="visible")
    return str(report.inner_text())


def vectors_about(app: Warmline, contact_id: str) -> list[str]:
    """Every contact or note vector that is Bo's: by id, owner, or text only he has."""
    found = []
    for kind in ("contact", "note"):
        for hit in app.stores.index.search(kind, "Bo Chen", k=max(app.stores.index.count(kind), 1)):
            if contact_id in (hit.id, hit.metadata.get("contact_id")) or any(
                    word in hit.text for word in BO_ONLY):
                found.append(f"{kind} {hit.id}: {hit.text}")
    return found


def assert_stayed_local(browser_page: BrowserPage) -> None:
    outside = browser_page.requests.outside()
    assert not outside, "requests that would leave the machine:\n" + "\n".join(outside)


@pytest.fixture
def connections(tmp_path: Path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_bytes(linkedin_connections_csv(ROWS))
    return path


def test_import_search_open_note_edit_and_delete_a_contact(
    served_app: ServedApp, browser_page: BrowserPage, connections: Path,
) -> None:
    app = served_app.app
    page = browser_page.goto(served_app.url)
    open_tab(page, "Contacts")

    # 1. Import: the report counts, skipped rows with their line numbers, a full table.
    report = import_file(page, connections)
    assert "5 added, 0 updated, 0 merged, 0 unchanged, 2 skipped" in report
    assert f"skipped row {NAMELESS_LINE}: no first or last name" in report
    assert f"skipped row {HIDDEN_LINE}: hidden profile" in report
    rows = wait_for_rows(page, TABLE, exactly(*(p.name for p in PEOPLE)), "the imported people")
    assert {r["name"]: r["company"] for r in rows}["Priya Natarajan"] == "Riverbend Hospital"
    stored = {c.name: c for c in app.stores.records.list_contacts()}
    assert set(stored) == {p.name for p in PEOPLE}
    assert stored["Bo Chen"].linkedin_slug == "bo-chen"
    assert stored["Ana Ruiz"].emails == ["ana.ruiz@example.com"]
    assert {r["id"] for r in rows} == {c.id for c in stored.values()}

    # 2. Search: by name, by meaning, and with a company filter; "why" explains each match.
    search(page, "Natarajan")
    rows = wait_for_rows(page, TABLE, first_is("Priya Natarajan"), "Priya first for her name")
    assert len(rows) < len(PEOPLE)
    assert "name" in rows[0]["why"]

    show_everyone(page, PEOPLE)  # Priya is 4th by name, so a stale table cannot pass below
    search(page, ROLE_QUERY)
    rows = wait_for_rows(page, TABLE, lambda r: "Priya Natarajan" in names(r[:2]),
                         "Priya near the top for what she does")
    priya = next(r for r in rows if r["name"] == "Priya Natarajan")
    assert "Clinical Pharmacist" in priya["why"]

    # Asking the model for other wordings: with no model, the page says it searched as typed.
    page.locator("#contacts-search-expand input").check()
    page.locator("#contacts-search-expanded").get_by_text(
        "no model is configured, so only your words").wait_for()
    rows = wait_for_rows(page, TABLE, lambda r: "Priya Natarajan" in names(r[:2]),
                         "the same ranking without a model")
    page.locator("#contacts-search-expand input").uncheck()
    page.locator("#contacts-search-expanded").get_by_text("no model").wait_for(state="detached")

    show_everyone(page, PEOPLE)
    fill(page, "contacts-filter-company", "Acme")
    submit(page, "contacts-filter-company")
    wait_for_rows(page, TABLE, exactly("Ana Ruiz", "Dana Whitfield"), "only the Acme people")
    fill(page, "contacts-filter-company", "")
    submit(page, "contacts-filter-company")
    wait_for_rows(page, TABLE, exactly(*(p.name for p in PEOPLE)), "everyone again")

    # Before the note, nothing Warmline knows about Bo is about running.
    search(page, NOTE_QUERY)
    rows = wait_for_rows(page, TABLE, lambda r: len(r) < len(PEOPLE), "the running search")
    assert "Bo Chen" not in names(rows)

    # 3. Open: click Bo's row; his page shows who he is, notes, interactions, history.
    show_everyone(page, PEOPLE)
    open_row(page, "Bo Chen")
    text = detail(page).inner_text()
    bo = stored["Bo Chen"]
    assert bo.id in text
    assert "Data Scientist at Northwind Labs" in text
    assert "bo-chen" in text
    assert "Notes" in text and "Interactions" in text and "(none yet)" in text

    # 4. Note, tier, tags, cadence: on the page, in the records, and findable by meaning.
    fill(page, "contact-note", NOTE)
    page.locator("#contact-note-add").click()
    status_says(page, "Note added.")
    detail(page).get_by_text(NOTE).wait_for(state="visible")
    assert page.locator("#contact-note textarea").input_value() == ""
    notes = app.stores.records.notes_for(bo.id)
    assert [n.text for n in notes] == [NOTE]

    choose(page, "contact-tier", "inner")
    fill(page, "contact-tags", "runner, mentor")
    fill(page, "contact-cadence", "21")
    page.locator("#contact-save").click()
    status_says(page, "Saved.")
    detail(page).get_by_text("every 21 days").wait_for(state="visible")
    saved = app.stores.records.get_contact(bo.id)
    assert (saved.tier.value, saved.tags, saved.cadence_days) == ("inner", ["runner", "mentor"], 21)
    assert "runner, mentor" in detail(page).inner_text()

    wait_for_rows(page, TABLE, lambda r: any(
        x["name"] == "Bo Chen" and x["tier"] == "inner" for x in r), "Bo's new tier")
    choose(page, "contacts-filter-tier", "inner")
    wait_for_rows(page, TABLE, exactly("Bo Chen"), "only the inner circle")
    choose(page, "contacts-filter-tier", "any tier")
    wait_for_rows(page, TABLE, exactly(*(p.name for p in PEOPLE)), "every tier")
    fill(page, "contacts-filter-tag", "mentor")
    submit(page, "contacts-filter-tag")
    wait_for_rows(page, TABLE, exactly("Bo Chen"), "only the mentors")
    fill(page, "contacts-filter-tag", "")
    submit(page, "contacts-filter-tag")
    wait_for_rows(page, TABLE, exactly(*(p.name for p in PEOPLE)), "every tag")

    search(page, NOTE_QUERY)
    rows = wait_for_rows(page, TABLE, first_is("Bo Chen"), "Bo first for what his note says")
    assert "Chicago marathon" in rows[0]["why"]

    # 5. Delete, after a confirmation: gone from the table, the records, search and the index.
    show_everyone(page, PEOPLE)
    before = vectors_about(app, bo.id)
    assert any("Northwind" in v for v in before) and any("marathon" in v for v in before)
    page.locator("#contact-delete").click()
    confirm = page.locator("#contact-delete-confirm")
    confirm.wait_for(state="visible")
    assert app.stores.records.count_contacts() == len(PEOPLE)  # nothing deleted before the "yes"
    confirm.click()
    status_says(page, "Deleted Bo Chen with 1 notes.")
    confirm.wait_for(state="hidden")
    wait_for_rows(page, TABLE, exactly("Ana Ruiz", "Priya Natarajan", "Tomás Ortega",
                                       "Dana Whitfield"), "everyone but Bo")
    assert "Bo Chen" not in detail(page).inner_text()
    with pytest.raises(NotFoundError):
        app.stores.records.get_contact(bo.id)
    assert app.stores.records.notes_for(bo.id) == []
    assert not {n.id for n in notes} & app.stores.index.ids("note")
    assert vectors_about(app, bo.id) == []
    assert bo.id not in {r.id for r in app.search.search("Bo Chen")}
    assert bo.id not in {r.id for r in app.search.search(NOTE_QUERY)}
    search(page, NOTE_QUERY)
    rows = wait_for_rows(page, TABLE, lambda r: len(r) < len(PEOPLE) - 1, "the running search")
    assert "Bo Chen" not in names(rows)

    assert_stayed_local(browser_page)


def test_a_duplicate_from_another_export_is_merged_and_the_merge_can_be_undone(
    served_app: ServedApp, browser_page: BrowserPage, connections: Path, tmp_path: Path,
) -> None:
    app = served_app.app
    page = browser_page.goto(served_app.url)
    open_tab(page, "Contacts")
    import_file(page, connections)
    wait_for_rows(page, TABLE, exactly(*(p.name for p in PEOPLE)), "the imported people")

    # The same email, a slightly different name, and a phone number the first file lacked.
    google = tmp_path / "google.csv"
    twin = Person("Ana", "M. Ruiz", "Acme Health", emails=ANA.emails, phones=("+1 555 0100",))
    google.write_bytes(google_contacts_csv([twin]))
    report = import_file(page, google)
    assert "0 added" in report and "1 merged" in report
    assert app.stores.records.count_contacts() == len(PEOPLE)

    open_row(page, "Ana Ruiz")
    history = detail(page)
    history.get_by_text("History").wait_for(state="visible")
    assert "Ana M. Ruiz from google.csv (matched by email)" in history.inner_text()
    merged = page.locator("#contact-merge input").input_value()
    assert "Ana M. Ruiz" in merged

    page.locator("#contact-undo-merge").click()
    status_says(page, "Split Ana M. Ruiz back out")
    rows = wait_for_rows(page, TABLE, lambda r: "Ana M. Ruiz" in names(r), "the split-out twin")
    assert len(rows) == len(PEOPLE) + 1
    history.get_by_text("(undone)").wait_for(state="visible")
    assert app.stores.records.count_contacts() == len(PEOPLE) + 1
    ana = app.stores.records.find_contact("Ana Ruiz")
    assert ana.phones == []
    assert app.stores.records.find_contact("Ana M. Ruiz").phones == ["+1 555 0100"]
    assert page.locator("#contact-merge input").input_value() == ""  # nothing left to undo
    assert_stayed_local(browser_page)


def test_mistakes_show_one_line_write_nothing_and_log_no_traceback(
    served_app: ServedApp, browser_page: BrowserPage, tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    app = served_app.app
    page = browser_page.goto(served_app.url)
    open_tab(page, "Contacts")

    junk = tmp_path / "Connections.csv"
    junk.write_bytes(b"this,is,not\nan,export,at all\n")
    upload(page, "contacts-import", junk)
    message = toast(page, "Connections.csv").inner_text()
    assert "header row" in message and "Traceback" not in message
    assert app.stores.records.count_contacts() == 0
    assert not page.locator("#contacts-import-report").inner_text().strip()

    fill(page, "contact-note", "a note for nobody")
    page.locator("#contact-note-add").click()
    toast(page, "Open a contact first.")
    assert app.stores.records.all_notes() == []

    # The failed import cleared the drop zone: the next file can be dropped straight away.
    good = tmp_path / "good" / "Connections.csv"
    good.parent.mkdir()
    good.write_bytes(linkedin_connections_csv([BO]))
    upload(page, "contacts-import", good)
    wait_for_rows(page, TABLE, exactly("Bo Chen"), "Bo")
    open_row(page, "Bo Chen")
    fill(page, "contact-cadence", "99999")
    page.locator("#contact-save").click()
    toast(page, "between 1 and 3650 days")
    assert app.stores.records.find_contact("Bo Chen").cadence_days is None

    assert_stayed_local(browser_page)
    assert "Traceback" not in capfd.readouterr().err
