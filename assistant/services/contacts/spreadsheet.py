"""Contacts as a CSV file for a spreadsheet, with formula-like cells made inert."""

from __future__ import annotations

from assistant.domain import Contact
from assistant.text import csv_text

COLUMNS = ["name", "company", "title", "tier", "tags", "emails", "phones", "linkedin",
           "location", "how_we_met", "interests", "last_contacted", "id"]


def contacts_csv(contacts: list[Contact]) -> str:
    """Every contact on one row; lists joined by '; '. A cell such as '=HYPERLINK(...)' is
    kept as the text it was imported as, and opens in a spreadsheet as text."""
    rows: list[list[object]] = [
        [c.name, c.company, c.title, c.tier.value, "; ".join(c.tags), "; ".join(c.emails),
         "; ".join(c.phones), c.linkedin_slug, c.location, c.how_we_met,
         "; ".join(c.interests), c.last_contacted or "", c.id]
        for c in contacts]
    return csv_text(COLUMNS, rows)
