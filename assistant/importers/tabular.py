"""Read a CSV export: find its header row by column names, then map every row by header name."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from assistant.importers.base import SkippedRow

# Exports re-saved by spreadsheet apps in some locales use ';' or tabs instead of commas.
DELIMITERS = (",", ";", "\t")
# How many physical lines may precede the header (LinkedIn's "Notes:" preamble is three).
MAX_HEADER_SCAN_LINES = 50


def normalise_header(name: str) -> str:
    """Lower-case a header cell and collapse its whitespace, dropping stray BOMs."""
    return " ".join(name.replace("\ufeff", "").split()).lower()


@dataclass(frozen=True)
class HeaderSpec:
    """Which column names identify a format's header row (all of `required`, one of `any_of`)."""

    required: frozenset[str]
    any_of: frozenset[str] = frozenset()

    @classmethod
    def of(cls, required: Iterable[str], any_of: Iterable[str] = ()) -> HeaderSpec:
        """Build a spec from plain header names, normalising them."""
        return cls(
            frozenset(normalise_header(n) for n in required),
            frozenset(normalise_header(n) for n in any_of),
        )

    def matches(self, names: Iterable[str]) -> bool:
        """True when a row of normalised cells looks like this format's header."""
        present = set(names)
        if not self.required <= present:
            return False
        return not self.any_of or bool(self.any_of & present)


@dataclass(frozen=True)
class Row:
    """One data row: the 1-based line where it starts and its cells keyed by header name."""

    line: int
    cells: dict[str, str]

    def get(self, *names: str) -> str:
        """The first non-empty cell among `names` (normalised header names), else ''."""
        for name in names:
            value = self.cells.get(name, "")
            if value:
                return value
        return ""


@dataclass
class Table:
    """A parsed CSV body: normalised header names, rows, and rows that could not be read."""

    columns: list[str]
    header_line: int
    delimiter: str
    rows: list[Row] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)


def _lines(text: str) -> list[str]:
    """Split into physical lines exactly as the csv module sees them (\\n, \\r\\n or \\r)."""
    return list(io.StringIO(text, newline=""))


def _header_cells(line: str, delimiter: str) -> list[str]:
    """Parse one physical line as a header row; unreadable lines give no cells."""
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []
    return [normalise_header(c) for c in cells]


def find_header(lines: list[str], spec: HeaderSpec) -> tuple[int, str, list[str]] | None:
    """Locate the header row: (0-based line index, delimiter, normalised columns) or None."""
    for index, line in enumerate(lines[:MAX_HEADER_SCAN_LINES]):
        for delimiter in DELIMITERS:
            if delimiter not in line and delimiter != DELIMITERS[0]:
                continue
            cells = _header_cells(line, delimiter)
            if cells and spec.matches(cells):
                return index, delimiter, cells
    return None


def has_header(text: str, spec: HeaderSpec) -> bool:
    """True when `text` has a header row matching `spec` near its top."""
    return find_header(_lines(text)[:MAX_HEADER_SCAN_LINES], spec) is not None


def read_table(text: str, spec: HeaderSpec) -> Table | None:
    """Parse `text` from the header row matching `spec` onwards; None when there is no header."""
    lines = _lines(text)
    found = find_header(lines, spec)
    if found is None:
        return None
    index, delimiter, columns = found
    table = Table(columns=columns, header_line=index + 1, delimiter=delimiter)
    for line, cells, error in _records(lines[index + 1 :], delimiter, first_line=index + 2):
        if error:
            table.skipped.append(SkippedRow(row=line, reason=error))
            continue
        row = _to_row(line, cells, columns)
        if isinstance(row, SkippedRow):
            table.skipped.append(row)
        elif row is not None:
            table.rows.append(row)
    return table


def _records(
    lines: list[str], delimiter: str, *, first_line: int
) -> Iterator[tuple[int, list[str], str]]:
    """Yield (start line, cells, error) for each CSV record, continuing past malformed ones."""
    reader = csv.reader(iter(lines), delimiter=delimiter)
    consumed = 0
    while True:
        start = first_line + consumed
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            consumed = reader.line_num
            yield start, [], f"unreadable CSV row ({e})"
            continue
        consumed = reader.line_num
        yield start, cells, ""


def _to_row(line: int, cells: list[str], columns: list[str]) -> Row | SkippedRow | None:
    """Map cells onto header names; blank rows give None, over-long rows are skipped."""
    values = [c.strip() for c in cells]
    if not any(values):
        return None
    if len(values) > len(columns):
        if any(values[len(columns) :]):
            reason = (
                f"row has {len(values)} fields but the header has {len(columns)}; "
                "a comma inside a value may be missing its quotes"
            )
            return SkippedRow(row=line, reason=reason)
        values = values[: len(columns)]
    mapped: dict[str, str] = {}
    for name, value in zip(columns, values, strict=False):
        mapped.setdefault(name, value)
    return Row(line=line, cells=mapped)
