"""Property tests: whatever bytes arrive, parse_file returns a ParsedFile or ImportFileError."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import ImportFileError
from assistant.importers import FORMATS, ParsedFile, parse_file
from tests.exports import (
    MALFORMED_VCARD,
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
    sample_people,
    vcard_file,
)
from tests.strategies import mangled_text

FMTS = ["auto", *FORMATS]
NAMES = ["Connections.csv", "messages.csv", "contacts.vcf", "notes.md", "x.txt", "b.json", "blob"]
PEOPLE = [
    *sample_people(4, seed=7),
    Person(first="Zoë", last="Ångström", company='Acme "Labs", Inc.', note="a,b\nc", slug="z"),
    hidden_profile(date(2024, 1, 1)),
]
SEEDS: list[str] = [
    linkedin_connections_csv(PEOPLE).decode("utf-8"),
    linkedin_connections_csv(PEOPLE, with_url=False, bom=False).decode("utf-8"),
    linkedin_messages_csv(
        conversation(
            "c", PEOPLE[0], PEOPLE[1], [(True, datetime(2025, 1, 1), "Could you, please?")]
        )
    ).decode("utf-8"),
    linkedin_profile_csv("Zoë", "Ångström", "Eng, Data", "Line 1\nLine 2").decode("utf-8"),
    linkedin_positions_csv([Job("Initech", "CTO", "a, b", "", "Jan 2020")]).decode("utf-8"),
    google_contacts_csv(PEOPLE).decode("utf-8"),
    google_contacts_csv(PEOPLE, legacy=True).decode("utf-8"),
    vcard_file([*PEOPLE[:3], MALFORMED_VCARD]).decode("utf-8"),
    vcard_file(PEOPLE[:3], version="4.0").decode("utf-8"),
    markdown_notes([(None, "free"), ("Zoë Ångström", "2025-06-01: met")]).decode("utf-8"),
]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(name: str, data: bytes, fmt: str) -> None:
    """The contract: a ParsedFile with sane skipped rows, or a one-line ImportFileError."""
    try:
        parsed = parse_file(name, data, fmt)
    except ImportFileError as e:
        message = str(e)
        assert "internal error" not in message, message
        assert message
        assert "\n" not in message
        return
    assert isinstance(parsed, ParsedFile)
    assert all(s.row >= 1 and s.reason for s in parsed.skipped)
    assert all(c.name.strip() for c in parsed.contacts)


@FAST
@given(data=st.binary(max_size=2000), fmt=st.sampled_from(FMTS), name=st.sampled_from(NAMES))
def test_arbitrary_bytes(data: bytes, fmt: str, name: str) -> None:
    _check(name, data, fmt)


@FAST
@given(text=mangled_text(SEEDS), fmt=st.sampled_from(FMTS), name=st.sampled_from(NAMES))
def test_mangled_exports(text: str, fmt: str, name: str) -> None:
    _check(name, text.encode("utf-8", "surrogatepass"), fmt)


@FAST
@given(text=st.text(max_size=500), fmt=st.sampled_from(FMTS), name=st.sampled_from(NAMES))
def test_arbitrary_unicode_text(text: str, fmt: str, name: str) -> None:
    _check(name, text.encode("utf-8", "surrogatepass"), fmt)


@FAST
@given(
    prefix=st.sampled_from(["", "\ufeff", "Notes:\n", '"unterminated\n', "BEGIN:VCARD\n"]),
    cells=st.lists(st.lists(st.text(max_size=12), max_size=8), max_size=8),
    fmt=st.sampled_from(FMTS),
)
def test_random_csv_under_a_real_header(prefix: str, cells: list[list[str]], fmt: str) -> None:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    body = "\n".join(",".join(row) for row in cells)
    _check("Connections.csv", f"{prefix}{header}\n{body}".encode("utf-8", "surrogatepass"), fmt)
