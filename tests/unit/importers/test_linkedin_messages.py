"""LinkedIn messages.csv: owner inference, keys, directions, dates and skipped rows."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from assistant.domain import Direction
from assistant.errors import ImportFileError
from assistant.importers.linkedin_messages import parse_linkedin_messages, summarise
from tests.exports import Message, Person, conversation, linkedin_messages_csv

ME = Person(first="Inès", last="Dubois", slug="ines-dubois")
PRIYA = Person(first="Priya", last="Lindqvist", slug="priya-lindqvist")
OSKAR = Person(first="Oskar", last="Østby", slug="oskar-østby")
NOURL = Person(first="Amara", last="Brennan")  # e.g. a deleted account: no profile URL


def _export() -> list[Message]:
    return [
        *conversation(
            "c1",
            ME,
            PRIYA,
            [
                (True, datetime(2025, 6, 1, 14, 3, 22), "Hi Priya, could you refer me to Globex?"),
                (False, datetime(2025, 6, 2, 9, 0), "Sure, send me your resume."),
            ],
        ),
        *conversation(
            "c2",
            ME,
            OSKAR,
            [(True, datetime(2025, 7, 1), "Thought you might like this: https://example.com/a")],
        ),
        *conversation("c3", ME, NOURL, [(False, datetime(2024, 1, 5), "Hello Inès!")]),
    ]


def test_owner_is_inferred_and_interactions_are_keyed_by_the_other_person() -> None:
    parsed = parse_linkedin_messages(linkedin_messages_csv(_export()))
    assert parsed.format == "linkedin-messages"
    assert parsed.skipped == []
    got = [(k, i.when, i.direction, i.summary) for k, i in parsed.interactions]
    assert got == [
        (
            "priya-lindqvist",
            date(2025, 6, 1),
            Direction.ASKED,
            "Hi Priya, could you refer me to Globex?",
        ),
        ("priya-lindqvist", date(2025, 6, 2), Direction.NEUTRAL, "Sure, send me your resume."),
        (
            "oskar-østby",
            date(2025, 7, 1),
            Direction.GAVE,
            "Thought you might like this: https://example.com/a",
        ),
        ("Amara Brennan", date(2024, 1, 5), Direction.NEUTRAL, "Hello Inès!"),
    ]
    for _, interaction in parsed.interactions:
        assert (interaction.channel, interaction.kind, interaction.source) == (
            "linkedin",
            "message",
            "linkedin",
        )
        assert interaction.contact_id == ""


def test_explicit_owner_overrides_inference() -> None:
    # From Priya's side: she is the owner, so Inès is the other person in c1.
    data = linkedin_messages_csv(_export()[:2])
    parsed = parse_linkedin_messages(data, owner_name="priya lindqvist")
    assert [(k, i.direction) for k, i in parsed.interactions] == [
        ("ines-dubois", Direction.NEUTRAL),
        ("ines-dubois", Direction.NEUTRAL),
    ]
    by_slug = parse_linkedin_messages(data, owner_slug="https://www.linkedin.com/in/ines-dubois/")
    assert [k for k, _ in by_slug.interactions] == ["priya-lindqvist", "priya-lindqvist"]


def test_unknown_explicit_owner_is_an_error() -> None:
    with pytest.raises(ImportFileError, match="appears in no message"):
        parse_linkedin_messages(linkedin_messages_csv(_export()), owner_name="Nobody Here")


def test_extra_columns_and_drafts() -> None:
    messages = _export()
    draft = Message("c2", ME, (OSKAR,), datetime(2025, 7, 2), "unsent", draft=True)
    parsed = parse_linkedin_messages(linkedin_messages_csv([*messages, draft], extra_columns=True))
    assert len(parsed.interactions) == 4
    assert [(s.row, s.reason) for s in parsed.skipped] == [(6, "draft message (never sent)")]


def test_group_message_gives_one_interaction_per_recipient() -> None:
    group = [
        Message("g", ME, (PRIYA, OSKAR), datetime(2025, 8, 1), "Happy to intro you two!"),
        *conversation("c9", ME, PRIYA, [(True, datetime(2025, 8, 2), "ok")]),
    ]
    parsed = parse_linkedin_messages(linkedin_messages_csv(group))
    assert [(k, i.direction) for k, i in parsed.interactions] == [
        ("priya-lindqvist", Direction.GAVE),
        ("oskar-østby", Direction.GAVE),
        ("priya-lindqvist", Direction.NEUTRAL),
    ]


def test_bad_date_is_skipped_with_its_line() -> None:
    text = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\n"
        "c1,,Inès Dubois,,Priya Lindqvist,,yesterday,,Hi,INBOX\n"
        "c1,,Inès Dubois,,Priya Lindqvist,,2025-06-01 10:00:00 UTC,,Hi again,INBOX\n"
    )
    parsed = parse_linkedin_messages(text.encode())
    assert [(s.row, s.reason) for s in parsed.skipped] == [(2, "unreadable date 'yesterday'")]
    assert len(parsed.interactions) == 1


def test_summary_is_flattened_and_cut_near_140_chars() -> None:
    long = "<p>Hello  there</p>\n" + "word " * 60
    summary = summarise(long)
    assert summary.startswith("Hello there word word")
    assert summary.endswith("…")
    assert len(summary) <= 141


def test_missing_header_is_a_clear_error() -> None:
    with pytest.raises(ImportFileError, match="no LinkedIn messages header row found"):
        parse_linkedin_messages(b"FROM,TO\na,b\n")
