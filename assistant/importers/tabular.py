"""Read a CSV export: find its header row by column names, then map every row by header name."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from assistant.errors import ImportFileError
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
    body = lines[index + 1 :]
    first_line = index + 2
    for line, spanned, cells, error in _records(body, delimiter, first_line=first_line):
        if spanned > 1:  # only a multi-line record can have swallowed rows
            at = line - first_line
            inner = body[at + 1 : at + spanned]
            if swallowed := _swallowed_rows(inner, line + 1, delimiter, len(columns)):
                raise ImportFileError(_unbalanced_quote(line, swallowed))
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
) -> Iterator[tuple[int, int, list[str], str]]:
    """Yield (start line, lines spanned, cells, error) per CSV record, past malformed ones."""
    reader = csv.reader(iter(lines), delimiter=delimiter)
    consumed = 0
    while True:
        start = first_line + consumed
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            before, consumed = consumed, reader.line_num
            yield start, consumed - before, [], f"unreadable CSV row ({e})"
            continue
        before, consumed = consumed, reader.line_num
        yield start, consumed - before, cells, ""


def _swallowed_rows(inner: list[str], first_line: int, delimiter: str, width: int) -> list[int]:
    """The file lines of complete rows that ended up inside one quoted cell.

    A quote opened by mistake (``Ana,"Ruiz,...``) runs on to the next quote in the file, so the
    rows between merge into one cell. A real multi-line cell (a message, a note) seldom holds a
    line that is itself a full row of exactly ``width`` fields and no quotes.
    """
    return [first_line + i for i, line in enumerate(inner) if _is_full_row(line, delimiter, width)]


def _is_full_row(line: str, delimiter: str, width: int) -> bool:
    if '"' in line:
        return False  # a quote on the line makes it part of the runaway cell's own text
    cells = line.rstrip("\r\n").split(delimiter)
    return len(cells) == width and sum(bool(c.strip()) for c in cells) >= 2


def _unbalanced_quote(line: int, swallowed: list[int]) -> str:
    """One line naming the opening quote's line and the rows it would merge."""
    shown = ", ".join(str(r) for r in swallowed[:5])
    if len(swallowed) > 5:
        shown += f" and {len(swallowed) - 5} more"
    return (f"line {line} opens a quote (\") that is not closed before the next row, so "
            f"{len(swallowed)} rows after it (lines {shown}) would merge into one; close or "
            "remove the quote and import again (nothing was imported)")


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
