"""Property tests through the import service: a clear error or a report, never a partial write."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assistant.app import Warmline
from assistant.errors import WarmlineError
from tests.exports import (
    Person,
    google_contacts_csv,
    linkedin_connections_csv,
    linkedin_messages_csv,
    markdown_notes,
    sample_people,
    vcard_file,
)
from tests.strategies import json_values
from tests.unit.contacts.helpers import store_counts

NAMES = st.sampled_from(["Connections.csv", "messages.csv", "contacts.csv", "cards.vcf",
                         "notes.md", "backup.json", "export.txt", "file", "Positions.csv"])
FORMATS = st.sampled_from(["auto", "auto", "linkedin", "linkedin-messages", "google", "vcard",
                           "notes", "profile", "warmline-export"])
PEOPLE = sample_people(6, seed=7)
VALID = [
    linkedin_connections_csv(PEOPLE),
    google_contacts_csv(PEOPLE[:3]),
    vcard_file(PEOPLE[:3]),
    markdown_notes([(PEOPLE[0].name, "likes chess"), (None, "a free thought")]),
    linkedin_messages_csv([]),
]
PROPERTIES = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture,
                                             HealthCheck.too_slow])


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    """A real export, then cut, spliced with junk, or with lines dropped."""
    data = bytearray(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["cut", "insert", "drop-line", "flip"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from([b'"', b",", b"\n", b"\x00", b"\xff", b";",
                                                b"BEGIN:VCARD\n", b"# ", b"\r"]))
        elif action == "drop-line":
            lines = bytes(data).split(b"\n")
            if len(lines) > 1:
                del lines[at % len(lines)]
            data = bytearray(b"\n".join(lines))
        elif data:
            data[at] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def exports(draw: st.DrawFn) -> bytes:
    """Warmline-export-shaped JSON with arbitrary values where records should be."""
    document = {"warmline_export": draw(st.sampled_from([1, 1, 2, "1"]))}
    for key in ("profile", "contacts", "notes", "interactions"):
        if draw(st.booleans()):
            document[key] = draw(json_values())
    if draw(st.booleans()):
        document["contacts"] = [{"name": draw(st.text(max_size=10)),
                                 "id": draw(st.text(min_size=1, max_size=6)),
                                 "tier": draw(st.sampled_from(["inner", "vip", 3]))}]
    return json.dumps(document).encode()


def check_import(app: Warmline, name: str, data: bytes, fmt: str) -> None:
    before = store_counts(app)
    try:
        report = app.importer.import_bytes(name, data, fmt)
    except WarmlineError as e:
        event(f"error: {type(e).__name__}")
        message = str(e)
        assert message and "\n" not in message and "Traceback" not in message
        assert store_counts(app) == before, "a failed import wrote something"
        return
    event(f"report: {report.format}")
    after = store_counts(app)
    assert len(after["contacts"]) == len(before["contacts"]) + report.added
    assert len(after["interactions"]) == len(before["interactions"]) + report.interactions
    if report.format != "warmline-export":
        assert len(after["notes"]) == len(before["notes"]) + report.notes
    assert after["queue"] == []  # the index caught up
    assert all(isinstance(s.row, int) and s.reason for s in report.skipped_rows)


@PROPERTIES
@given(name=NAMES, data=st.binary(max_size=400), fmt=FORMATS)
def test_arbitrary_bytes_give_an_error_or_a_report(
    app: Warmline, name: str, data: bytes, fmt: str
) -> None:
    check_import(app, name, data, fmt)


@PROPERTIES
@given(name=NAMES, data=mangled(), fmt=st.sampled_from(["auto", "auto", "auto", "linkedin",
                                                       "google", "vcard", "notes"]))
def test_mangled_exports_give_an_error_or_a_report(
    app: Warmline, name: str, data: bytes, fmt: str
) -> None:
    check_import(app, name, data, fmt)


@PROPERTIES
@given(data=exports())
def test_mangled_warmline_exports_restore_fully_or_not_at_all(app: Warmline, data: bytes) -> None:
    check_import(app, "backup.json", data, "auto")


def test_importing_the_same_valid_files_twice_changes_nothing(app: Warmline) -> None:
    # The non-hypothesis anchor for the properties above: a known-good sequence is idempotent.
    people = [*PEOPLE, Person("Zoë", "Okafor", company="Initech", connected_on=date(2020, 1, 1))]
    files = [("Connections.csv", linkedin_connections_csv(people)),
             ("contacts.csv", google_contacts_csv(people[:3])),
             ("cards.vcf", vcard_file(people[3:5]))]
    for name, data in files:
        app.importer.import_bytes(name, data)
    before = store_counts(app)
    for name, data in files:
        report = app.importer.import_bytes(name, data)
        assert (report.added, report.updated, report.merged, report.notes) == (0, 0, 0, 0)
    assert store_counts(app) == before
