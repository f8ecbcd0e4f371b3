"""Recognise an export by its content (and name), and dispatch it to the right parser."""

from __future__ import annotations

import codecs
import logging
import os
import re
from collections.abc import Callable
from pathlib import PurePath

from assistant.errors import ImportFileError
from assistant.importers import google_contacts, linkedin_connections, linkedin_messages
from assistant.importers import linkedin_profile as profile
from assistant.importers.base import ParsedFile
from assistant.importers.decoding import decode_text
from assistant.importers.markdown_notes import parse_markdown_notes
from assistant.importers.tabular import HeaderSpec, has_header
from assistant.importers.vcard import parse_vcard

logger = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = (
    "linkedin",
    "linkedin-messages",
    "linkedin-profile",
    "linkedin-positions",
    "google",
    "vcard",
    "notes",
    "warmline-export",  # detected only: a backup is restored, never parsed here
)
MAX_FILE_BYTES = 50 * 1024 * 1024
EXPORT_KEY = "warmline_export"

# Most specific first: a messages header also has names, a Connections header has First/Last Name.
_CSV_SIGNATURES: tuple[tuple[str, HeaderSpec], ...] = (
    ("linkedin-messages", linkedin_messages.HEADER),
    ("linkedin", linkedin_connections.HEADER),
    ("linkedin-positions", profile.POSITIONS_HEADER),
    ("linkedin-profile", profile.PROFILE_HEADER),
    *(("google", spec) for spec in google_contacts.HEADERS),
)
_HEAD_CHARS = 256 * 1024  # the header row sits near the top; don't re-split a 50 MB file
_EXPORT_HEAD_BYTES = 4096  # an export names its format first
_TABULAR_SUFFIXES = {".csv", ".tsv"}
_NOTES_SUFFIXES = {".md", ".markdown"}
_VCARD_SUFFIXES = {".vcf", ".vcard"}
_VCARD_START = re.compile(r"^\s*BEGIN:VCARD\s*$", re.IGNORECASE | re.MULTILINE)
UNKNOWN_CSV = (
    "no LinkedIn/Google header row found; expected a header like "
    f"'{linkedin_connections.EXAMPLE_HEADER}' or '{google_contacts.EXAMPLE_HEADER}'"
)


def detect_format(filename: str | os.PathLike[str], data: bytes) -> str:
    """Return one of FORMATS for this file, or raise ImportFileError saying why none fits."""
    suffix = PurePath(os.fspath(filename)).suffix.lower()
    if not data.strip():
        msg = "file is empty"
        raise ImportFileError(msg)
    if _is_warmline_export(data):
        return "warmline-export"
    if suffix in _NOTES_SUFFIXES:
        return "notes"
    text = decode_text(data, export_as="UTF-8 text (CSV, vCard or Markdown)")
    head = text[:_HEAD_CHARS]
    if suffix in _VCARD_SUFFIXES or head.lstrip().upper().startswith("BEGIN:VCARD"):
        return "vcard"
    for fmt, spec in _CSV_SIGNATURES:
        if has_header(head, spec):
            return fmt
    # Checked after the CSV headers: a contact's Notes cell may quote a vCard.
    if _VCARD_START.search(head):
        return "vcard"
    if suffix in _TABULAR_SUFFIXES or _looks_tabular(head):
        raise ImportFileError(UNKNOWN_CSV)
    if suffix == ".json":
        msg = f"JSON file is not a Warmline export (no top-level '{EXPORT_KEY}' key)"
        raise ImportFileError(msg)
    return "notes"


def _is_warmline_export(data: bytes) -> bool:
    """True for JSON that names 'warmline_export' near its top, even damaged or UTF-16.

    A truncated, deeply nested or re-encoded backup is still a backup: the restore says what
    is wrong with it, instead of "not a Warmline export".
    """
    head = data[:_EXPORT_HEAD_BYTES]
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):]
            text = head[: len(head) // 2 * 2].decode(encoding, errors="ignore")
            break
    else:
        text = head.replace(b"\x00", b"").decode("utf-8", errors="ignore")
    text = text.lstrip("\ufeff \t\r\n")
    return text.startswith("{") and f'"{EXPORT_KEY}"' in text


def _looks_tabular(text: str) -> bool:
    """True when the first lines all carry the same number (3+) of commas, like a CSV."""
    lines = [line for line in text.splitlines()[:6] if line.strip()]
    counts = {line.count(",") for line in lines}
    return len(lines) >= 2 and len(counts) == 1 and min(counts) >= 3


def _parsers(owner_slug: str, owner_name: str) -> dict[str, Callable[[bytes], ParsedFile]]:
    """The parser for each parseable format."""

    def messages(data: bytes) -> ParsedFile:
        return linkedin_messages.parse_linkedin_messages(
            data, owner_slug=owner_slug, owner_name=owner_name
        )

    return {
        "linkedin": linkedin_connections.parse_linkedin_connections,
        "linkedin-messages": messages,
        "linkedin-profile": profile.parse_linkedin_profile,
        "linkedin-positions": profile.parse_linkedin_positions,
        "google": google_contacts.parse_google_contacts,
        "vcard": parse_vcard,
        "notes": parse_markdown_notes,
    }


def parse_file(
    path_or_name: str | os.PathLike[str],
    data: bytes,
    fmt: str = "auto",
    *,
    max_bytes: int = MAX_FILE_BYTES,
    owner_slug: str = "",
    owner_name: str = "",
) -> ParsedFile:
    """Parse one export into domain objects; any failure is a one-line ImportFileError."""
    try:
        return _parse(path_or_name, data, fmt, max_bytes, owner_slug, owner_name)
    except ImportFileError as e:
        one_line = " ".join(str(e).split())
        if one_line == str(e):
            raise
        raise ImportFileError(one_line) from e


def _parse(
    path_or_name: str | os.PathLike[str],
    data: bytes,
    fmt: str,
    max_bytes: int,
    owner_slug: str,
    owner_name: str,
) -> ParsedFile:
    """parse_file without the one-line guarantee."""
    name = PurePath(os.fspath(path_or_name)).name or "file"
    data = bytes(data)
    if len(data) > max_bytes:
        msg = (
            f"{name}: file is {len(data) / 1_048_576:.1f} MB, over the "
            f"{max_bytes / 1_048_576:.0f} MB import limit; split it and import the parts"
        )
        raise ImportFileError(msg)
    label = f"as {fmt}"
    if fmt == "auto":
        try:
            fmt = detect_format(name, data)
        except ImportFileError as e:
            msg = f"{name}: {e}"
            raise ImportFileError(msg) from e
        label = f"detected as {fmt}"
    if fmt == "warmline-export":
        msg = f"{name}: this is a Warmline export (a backup); restore it instead of importing it"
        raise ImportFileError(msg)
    parser = _parsers(owner_slug, owner_name).get(fmt)
    if parser is None:
        msg = f"unknown import format {fmt!r}; choose one of: auto, {', '.join(FORMATS)}"
        raise ImportFileError(msg)
    try:
        return parser(data)
    except ImportFileError as e:
        msg = f"{name} ({label}): {e}{_hint(name, data, fmt)}"
        raise ImportFileError(msg) from e
    # Parsers wrap every failure they expect; anything else is a bug, but still one clean line.
    except Exception as e:  # noqa: BLE001
        logger.exception("importer crashed on %s (%s)", name, label)
        kind = type(e).__name__
        msg = f"{name} ({label}): internal error ({kind}) in the importer; please report it"
        raise ImportFileError(msg) from e


def _hint(name: str, data: bytes, fmt: str) -> str:
    """Say which format the file looks like when the chosen one did not fit."""
    try:
        detected = detect_format(name, data)
    except ImportFileError:
        return ""
    return f" (the file looks like {detected})" if detected != fmt else ""
