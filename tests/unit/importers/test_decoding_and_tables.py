"""Byte decoding and header-row discovery shared by the CSV importers."""

from __future__ import annotations

import codecs

import pytest

from assistant.errors import ImportFileError
from assistant.importers.dates import parse_date
from assistant.importers.decoding import decode_text
from assistant.importers.tabular import HeaderSpec, read_table

SPEC = HeaderSpec.of(["First Name", "Connected On"])


def test_utf8_with_and_without_bom() -> None:
    assert decode_text("Zoë".encode()) == "Zoë"
    assert decode_text(codecs.BOM_UTF8 + "Zoë".encode()) == "Zoë"


def test_utf16_with_bom_is_accepted() -> None:
    assert decode_text("Zoë,Ångström".encode("utf-16")) == "Zoë,Ångström"


def test_damaged_utf8_is_refused_with_byte_and_offset() -> None:
    with pytest.raises(ImportFileError) as err:
        decode_text("First,Zoë,Ørsted ".encode() + b"\xff")
    assert str(err.value) == (
        "file is not UTF-8 text (byte 0xff at offset 19); export it again as UTF-8 CSV"
    )


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16-le", "utf-16-be"])
def test_legacy_and_bomless_utf16_exports_are_decoded(encoding: str) -> None:
    text = "First Name,Last Name\nZoë,Ångström\nFrançois,Müller\n"
    assert decode_text(text.encode(encoding)) == text


def test_windows_quotes_and_euro_come_through() -> None:
    assert decode_text("Café “Zoë” 5€".encode("cp1252")) == "Café “Zoë” 5€"


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, bytes(range(128, 256)) * 40,
                                  b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_binary_is_not_mistaken_for_a_legacy_encoding(data: bytes) -> None:
    with pytest.raises(ImportFileError, match="file is (binary|not UTF-8 text)"):
        decode_text(data)


def test_binary_is_refused() -> None:
    with pytest.raises(ImportFileError, match=r"file is binary, not text \(NUL byte at offset 2\)"):
        decode_text(b"PK\x00\x03zipdata")


def test_header_found_by_name_after_arbitrary_preamble() -> None:
    text = (
        "Exported by a tool\nsecond line, with commas\n\n"
        "first name , CONNECTED ON,Extra\nA,1 Jan 2020,x\n"
    )
    table = read_table(text, SPEC)
    assert table is not None
    assert table.header_line == 4
    assert table.columns == ["first name", "connected on", "extra"]
    (row,) = table.rows
    assert row.line == 5
    assert row.cells == {"first name": "A", "connected on": "1 Jan 2020", "extra": "x"}


def test_no_header_gives_none() -> None:
    assert read_table("a,b,c\n1,2,3\n", SPEC) is None


def test_short_rows_are_padded_and_blank_rows_ignored() -> None:
    table = read_table("First Name,Connected On,Company\n\nA\n,,\n", SPEC)
    assert table is not None
    assert [(r.line, r.get("company"), r.get("first name")) for r in table.rows] == [(3, "", "A")]
    assert table.skipped == []


def test_trailing_empty_cells_are_tolerated() -> None:
    table = read_table("First Name,Connected On\nA,1 Jan 2020,,\n", SPEC)
    assert table is not None
    assert table.skipped == []
    assert table.rows[0].get("connected on") == "1 Jan 2020"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08 Feb 2026", (2026, 2, 8)),
        ("8 February 2026", (2026, 2, 8)),
        ("2025-06-01 14:03:22 UTC", (2025, 6, 1)),
        ("2025-06-01T14:03:22Z", (2025, 6, 1)),
        ("2/8/2026", (2026, 2, 8)),
        ("Feb 08, 2026", (2026, 2, 8)),
        ("2025-13-01", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: tuple[int, int, int] | None) -> None:
    parsed = parse_date(text)
    assert (parsed and (parsed.year, parsed.month, parsed.day)) == expected
