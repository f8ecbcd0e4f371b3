"""Parse Markdown notes: `# Name` sections become named notes, the rest free notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.domain import Note
from assistant.importers.base import ParsedFile
from assistant.importers.dates import parse_date
from assistant.importers.decoding import decode_text

FORMAT = "notes"
SOURCE = "notes"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# "2025-06-01: met at ..." or "- 2025-06-01 — met at ..." starts a dated entry.
_DATED_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(\d{4}-\d{2}-\d{2})\s*[:\u2013\u2014-]\s*(.*)$")


@dataclass
class _Entry:
    """Lines of one note being collected, and the date it is about (if any)."""

    when: date | None = None
    lines: list[str] = field(default_factory=list)


@dataclass
class _Section:
    """Text under one `# Heading` (heading '' for text before any heading)."""

    heading: str
    entries: list[_Entry] = field(default_factory=lambda: [_Entry()])

    def start_entry(self, when: date | None) -> _Entry:
        """Begin a new dated note within this section."""
        self.entries.append(_Entry(when=when))
        return self.entries[-1]


def parse_markdown_notes(data: bytes) -> ParsedFile:
    """Parse notes; every `# Heading` section is a named note keyed by the heading text."""
    text = decode_text(data, export_as="UTF-8 text (.md or .txt)")
    parsed = ParsedFile(format=FORMAT)
    for section in _sections(_strip_front_matter(_LINE_BREAK.split(text))):
        for entry in section.entries:
            body = "\n".join(entry.lines).strip()
            if not body or all(_HEADING.match(line) or not line.strip() for line in entry.lines):
                continue  # "## Two" under "# One" says nothing about anyone
            note = Note(text=body, source=SOURCE)
            if entry.when is not None:
                note.created = entry.when
            if section.heading:
                parsed.named_notes.append((section.heading, note))
            else:
                parsed.notes.append(note)
    return parsed


def _strip_front_matter(lines: list[str]) -> list[str]:
    """Drop a leading YAML front-matter block (--- ... ---) written by note apps."""
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in {"---", "..."}:
                return lines[index + 1 :]
    return lines


def _sections(lines: list[str]) -> list[_Section]:
    """Group lines under level-1 headings; date subheadings and dated lines start new notes."""
    sections = [_Section(heading="")]
    entry = sections[-1].entries[-1]
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        when = parse_date(heading.group(2)) if heading else None
        if heading and len(heading.group(1)) == 1:
            # A journal-style "# 2025-06-01" is a dated free note, not a person.
            sections.append(_Section(heading="" if when else heading.group(2).strip()))
            entry = sections[-1].entries[-1]
            entry.when = when
            continue
        if heading and when is not None:
            entry = sections[-1].start_entry(when)
            continue
        dated = None if in_fence else _DATED_LINE.match(line)
        if dated and (when := parse_date(dated.group(1))) is not None:
            entry = sections[-1].start_entry(when)
            entry.lines.append(dated.group(2))
            continue
        entry.lines.append(line)
    return sections
