"""Pure parsers that turn export files into domain objects plus a report of skipped rows."""

from __future__ import annotations

from assistant.importers.base import ParsedFile, SkippedRow
from assistant.importers.detect import FORMATS, MAX_FILE_BYTES, detect_format, parse_file
from assistant.importers.direction import classify_direction

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "ParsedFile",
    "SkippedRow",
    "classify_direction",
    "detect_format",
    "parse_file",
]
