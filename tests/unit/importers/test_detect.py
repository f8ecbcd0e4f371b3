"""Format detection and the parse_file entry point."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from assistant.errors import ImportFileError
from assistant.importers import FORMATS, ParsedFile, detect_format, parse_file
from tests.exports import (
    Job,
    Person,
    conversation,
    google_contacts_csv,
    linkedin_connections_csv,
    linkedin_messages_csv,
    linkedin_positions_csv,
    linkedin_profile_csv,
    markdown_notes,
    vcard_file,
    warmline_export_json,
)

ZOE = Person(
    first="Zoë", last="Ångström", company="Initech", slug="zoe-a", emails=("z@example.com",)
)
KENJI = Person(first="Kenji", last="Nakamura", slug="kenji-n", connected_on=date(2024, 5, 6))
MESSAGES = conversation("c1", ZOE, KENJI, [(True, datetime(2025, 6, 1, 14, 3, 22), "Hi Kenji")])

SAMPLES: list[tuple[str, str, bytes]] = [
    ("linkedin", "Connections.csv", linkedin_connections_csv([KENJI])),
    ("linkedin", "connections (1).csv", linkedin_connections_csv([KENJI], with_url=False)),
    ("linkedin", "export", linkedin_connections_csv([KENJI], bom=False, preamble=False)),
    ("linkedin-messages", "messages.csv", linkedin_messages_csv(MESSAGES)),
    ("linkedin-messages", "messages.csv", linkedin_messages_csv(MESSAGES, extra_columns=True)),
    ("linkedin-profile", "Profile.csv", linkedin_profile_csv("Zoë", "Ångström", "Eng", "Hi")),
    ("linkedin-positions", "Positions.csv", linkedin_positions_csv([Job("Initech", "CTO")])),
    ("google", "contacts.csv", google_contacts_csv([ZOE])),
    ("google", "google.csv", google_contacts_csv([ZOE], legacy=True, bom=True)),
    ("vcard", "contacts.vcf", vcard_file([ZOE])),
    ("vcard", "contacts.txt", vcard_file([ZOE], version="4.0")),
    ("vcard", "export", b"PRODID:x\r\n" + vcard_file([ZOE])),
    ("google", "g.csv", google_contacts_csv([Person("A", "B", note="BEGIN:VCARD\nFN:x")])),
    ("notes", "people.md", markdown_notes([("Zoë Ångström", "Met at PyCon")])),
    ("notes", "notes.txt", b"Just some thoughts, nothing tabular.\n"),
    ("notes", "notes", b"# Kenji Nakamura\nHiring SREs.\n"),
    ("warmline-export", "backup.json", warmline_export_json(2)),
    ("warmline-export", "backup", warmline_export_json()),
]


@pytest.mark.parametrize(("fmt", "name", "data"), SAMPLES, ids=[f"{s[0]}:{s[1]}" for s in SAMPLES])
def test_detects_every_format(fmt: str, name: str, data: bytes) -> None:
    assert detect_format(name, data) == fmt


def test_formats_list_is_complete() -> None:
    assert set(FORMATS) == {s[0] for s in SAMPLES}


@pytest.mark.parametrize(("fmt", "name", "data"), [s for s in SAMPLES if s[0] != "warmline-export"])
def test_parse_file_auto_and_explicit_agree(fmt: str, name: str, data: bytes) -> None:
    auto = parse_file(name, data)
    explicit = parse_file(Path("/some/dir") / name, data, fmt=fmt)
    assert isinstance(auto, ParsedFile)
    assert auto.format == explicit.format == fmt
    assert len(auto.contacts) == len(explicit.contacts)


def test_unknown_csv_header_is_one_clear_line() -> None:
    with pytest.raises(ImportFileError) as err:
        parse_file("people.csv", b"Who,When,Where\nA,B,C\n")
    message = str(err.value)
    assert message.startswith("people.csv: no LinkedIn/Google header row found; expected a header")
    assert "'First Name,Last Name,URL," in message
    assert "\n" not in message


def test_tabular_text_without_suffix_is_not_taken_for_notes() -> None:
    with pytest.raises(ImportFileError, match="no LinkedIn/Google header row found"):
        detect_format("download", b"a,b,c,d\n1,2,3,4\n5,6,7,8\n")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.csv", b"", "file is empty"),
        ("blank.md", b"  \n\n", "file is empty"),
        ("sheet.csv", b"PK\x03\x04\x14\x00\x06\x00", "file is binary, not text"),
        ("broken.csv", "Name,Zoë ".encode() + b"\xff", "file is not UTF-8 text (byte 0xff"),
        ("data.json", b'{"contacts": []}', "JSON file is not a Warmline export"),
    ],
)
def test_unusable_files(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=f"^{name}: ") as err:
        parse_file(name, data)
    assert message in str(err.value)


def test_size_limit() -> None:
    data = linkedin_connections_csv([KENJI])
    with pytest.raises(ImportFileError, match=r"over the 0 MB import limit"):
        parse_file("Connections.csv", data, max_bytes=100)
    assert parse_file("Connections.csv", data, max_bytes=len(data)).contacts


def test_default_limit_is_50_mb() -> None:
    with pytest.raises(ImportFileError, match=r"file is 50\.0 MB, over the 50 MB import limit"):
        parse_file("big.csv", b"x" * (50 * 1024 * 1024 + 1))


def test_warmline_export_is_detected_but_not_parsed() -> None:
    with pytest.raises(ImportFileError, match="this is a Warmline export"):
        parse_file("backup.json", warmline_export_json())


def test_unknown_format_value() -> None:
    with pytest.raises(ImportFileError, match="unknown import format 'excel'"):
        parse_file("x.csv", b"a", fmt="excel")


def test_wrong_explicit_format_says_what_the_file_looks_like() -> None:
    with pytest.raises(ImportFileError) as err:
        parse_file("contacts.csv", google_contacts_csv([ZOE]), fmt="linkedin")
    assert str(err.value).startswith("contacts.csv (as linkedin): no LinkedIn Connections header")
    assert str(err.value).endswith("(the file looks like google)")
