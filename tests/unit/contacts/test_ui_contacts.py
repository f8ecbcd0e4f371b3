"""The Contacts tab: its stable element ids, named API endpoints and rendered pages."""

from __future__ import annotations

from datetime import date

from assistant.app import Warmline
from assistant.ui.shell import build_ui
from assistant.ui.tabs.contacts import detail_markdown, report_markdown
from tests.exports import Person, hidden_profile, linkedin_connections_csv

ELEM_IDS = {
    "contacts-import", "contacts-import-format", "contacts-import-report", "contacts-search",
    "contacts-filter-tier", "contacts-filter-tag", "contacts-filter-company",
    "contacts-search-button", "contacts-table", "contacts-add-name", "contacts-add-button",
    "contact-open", "contact-open-button", "contact-detail", "contact-tier", "contact-tags",
    "contact-cadence", "contact-save", "contact-note", "contact-note-add", "contact-merge",
    "contact-undo-merge", "contact-delete", "contact-delete-confirm", "contact-delete-cancel",
    "contact-status",
}


def test_tab_has_stable_ids_and_the_named_endpoints(app: Warmline) -> None:
    blocks = build_ui(app)
    config = blocks.get_config_file()
    ids = {c.get("props", {}).get("elem_id") for c in config["components"]}
    assert ELEM_IDS <= ids
    public = {d.get("api_name") for d in config["dependencies"]
              if d.get("api_visibility", "public") == "public"}
    assert {"search_contacts", "import_file"} <= public


def test_report_and_contact_page_render_what_matters(app: Warmline) -> None:
    people = [Person("Ana", "Ruiz", company="Acme", title="CTO", slug="ana-ruiz"),
              hidden_profile(date(2024, 1, 2))]
    report = app.importer.import_bytes("Connections.csv", linkedin_connections_csv(people))
    text = report_markdown(report.to_json())
    assert "1 added" in text and "skipped row" in text
    ana = app.stores.records.find_contact("ana-ruiz")
    app.contacts.add_note(ana.id, "ran the Chicago marathon")
    page = detail_markdown(app.contacts.detail(ana.id))
    assert "#### Ana Ruiz" in page and "CTO at Acme" in page and "Chicago marathon" in page
