"""Markdown notes: headings name people, dates set Note.created, the rest is free notes."""

from __future__ import annotations

from datetime import date

from assistant.importers.markdown_notes import parse_markdown_notes
from tests.exports import markdown_notes


def test_headings_become_named_notes_and_preface_free_notes() -> None:
    data = markdown_notes(
        [
            (None, "Ideas for the job search.\nAsk about referrals."),
            ("Zoë Ångström", "Works on data platforms.\nLoves bouldering."),
            ("Kenji Nakamura", "Hiring for SRE."),
        ]
    )
    parsed = parse_markdown_notes(data)
    assert parsed.format == "notes"
    assert [n.text for n in parsed.notes] == ["Ideas for the job search.\nAsk about referrals."]
    assert [(k, n.text) for k, n in parsed.named_notes] == [
        ("Zoë Ångström", "Works on data platforms.\nLoves bouldering."),
        ("Kenji Nakamura", "Hiring for SRE."),
    ]
    assert all(n.source == "notes" and n.contact_id is None for _, n in parsed.named_notes)


def test_dated_lines_and_date_subheadings_set_created() -> None:
    text = """# Zoë Ångström
Background first.

2025-06-01: met at PyCon
- 2025-07-10 — coffee, talked about Globex
  she might refer me

## 2025-08-02
Sent her the article.

## Follow-ups
Ping in September.
"""
    parsed = parse_markdown_notes(text.encode())
    got = [(k, n.text, n.created) for k, n in parsed.named_notes]
    today = date.today()
    assert got == [
        ("Zoë Ångström", "Background first.", today),
        ("Zoë Ångström", "met at PyCon", date(2025, 6, 1)),
        ("Zoë Ångström", "coffee, talked about Globex\n  she might refer me", date(2025, 7, 10)),
        (
            "Zoë Ångström",
            "Sent her the article.\n\n## Follow-ups\nPing in September.",
            date(2025, 8, 2),
        ),
    ]


def test_journal_date_heading_is_a_free_note_and_fences_are_literal() -> None:
    text = """---
title: Networking log
---
# 2025-06-01
Called Mateo.

# Mateo Okafor
```
# not a heading
```
"""
    parsed = parse_markdown_notes(text.encode())
    assert [(n.text, n.created) for n in parsed.notes] == [("Called Mateo.", date(2025, 6, 1))]
    assert [(k, n.text) for k, n in parsed.named_notes] == [
        ("Mateo Okafor", "```\n# not a heading\n```")
    ]


def test_heading_without_text_and_empty_file() -> None:
    assert parse_markdown_notes(b"# Amara Brennan\n\n# Kenji\n").named_notes == []
    parsed = parse_markdown_notes(b"")
    assert (parsed.notes, parsed.named_notes) == ([], [])
