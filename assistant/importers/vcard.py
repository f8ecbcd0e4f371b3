"""Parse vCard 3.0/4.0 files card by card, so one malformed card never sinks the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import vobject

from assistant.domain import Contact, Note
from assistant.errors import ImportFileError
from assistant.importers.base import ParsedFile, SkippedRow
from assistant.importers.decoding import decode_text
from assistant.importers.linkedin_url import linkedin_slug

FORMAT = "vcard"
SOURCE = "vcard"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_URL_PROPERTIES = ("URL", "X-SOCIALPROFILE")
_VOBJECT_LINE = re.compile(r"^At line \d+:\s*")


@dataclass(frozen=True)
class CardBlock:
    """The raw text of one BEGIN:VCARD..END:VCARD block, or why it has none."""

    number: int  # 1-based card number in the file
    line: int  # 1-based line of its BEGIN:VCARD
    text: str
    problem: str = ""


def parse_vcard(data: bytes) -> ParsedFile:
    """Parse every card; malformed cards are reported by card number and skipped."""
    blocks = split_cards(decode_text(data, export_as="UTF-8 vCard (.vcf)"))
    if not blocks:
        msg = "no vCard found; expected BEGIN:VCARD ... END:VCARD blocks"
        raise ImportFileError(msg)
    parsed = ParsedFile(format=FORMAT)
    readable = 0
    for block in blocks:
        component, problem = _read(block)
        if component is None:
            reason = f"card {block.number} (line {block.line}): {problem}"
            parsed.skipped.append(SkippedRow(row=block.number, reason=reason))
            continue
        readable += 1
        contact, note = _contact(component)
        if contact is None:
            reason = f"card {block.number} (line {block.line}): no FN, N, ORG or EMAIL to name it"
            parsed.skipped.append(SkippedRow(row=block.number, reason=reason))
            continue
        if (vetted := parsed.vet(contact, block.number)) is None:
            continue
        parsed.contacts.append(vetted)
        if note:
            parsed.named_notes.append((contact.name, Note(text=note, source=SOURCE)))
    if readable == 0:
        first = parsed.skipped[0].reason
        msg = f"no readable vCard among {len(blocks)} card(s); first problem: {first}"
        raise ImportFileError(msg)
    return parsed


def split_cards(text: str) -> list[CardBlock]:
    """Cut the file into blocks at BEGIN/END lines; an unterminated card carries a problem."""
    blocks: list[CardBlock] = []
    start = 0
    current: list[str] | None = None
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            if current is not None:
                problem = "no END:VCARD before the next BEGIN:VCARD"
                blocks.append(CardBlock(len(blocks) + 1, start, "", problem))
            current, start = [line], number
        elif current is not None:
            current.append(line)
            if marker == "END:VCARD":
                blocks.append(CardBlock(len(blocks) + 1, start, "\r\n".join(current) + "\r\n"))
                current = None
    if current is not None:
        problem = "no END:VCARD (the file may be truncated)"
        blocks.append(CardBlock(len(blocks) + 1, start, "", problem))
    return blocks


def _read(block: CardBlock) -> tuple[Any, str]:
    """Parse one block with vobject: (component, '') or (None, problem)."""
    if block.problem:
        return None, block.problem
    try:
        return vobject.readOne(block.text), ""
    # vobject raises ParseError, ValueError, LookupError, binascii.Error, ... on odd input.
    except Exception as e:  # noqa: BLE001
        # vobject's own "At line N:" counts lines oddly; the card number and line are ours.
        detail = _VOBJECT_LINE.sub("", " ".join(str(e).split()))[:120] or type(e).__name__
        return None, f"malformed vCard ({detail})"


def _text(value: Any) -> str:
    """Flatten a vobject value (str, list of str, or None) to one clean string."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if _text(v))
    return " ".join(str(value).split())


def _contact(component: Any) -> tuple[Contact | None, str]:
    """Map a vobject vCard to a Contact and its NOTE text; None when nothing names it."""
    fields: dict[str, list[Any]] = {}
    for child in component.getChildren():
        fields.setdefault(str(child.name).upper(), []).append(child.value)
    emails = _strip_scheme(fields.get("EMAIL", []), "mailto:")
    name = _first(fields, "FN") or _name_parts(fields) or _org(fields) or next(iter(emails), "")
    if not name:
        return None, ""
    urls = [_text(u).replace("\\:", ":") for k in _URL_PROPERTIES for u in fields.get(k, [])]
    urls = list(dict.fromkeys(u for u in urls if u))
    tags: list[str] = []
    for value in fields.get("CATEGORIES", []):
        items = value if isinstance(value, list) else str(value).split(",")
        tags.extend(t for t in (_text(i) for i in items) if t and t not in tags)
    notes = [str(v).strip() for v in fields.get("NOTE", []) if str(v).strip()]
    contact = Contact(
        name=name,
        company=_org(fields),
        title=_first(fields, "TITLE"),
        emails=emails,
        phones=_strip_scheme(fields.get("TEL", []), "tel:"),
        urls=urls,
        linkedin_slug=next((s for s in map(linkedin_slug, urls) if s), ""),
        location=_location(fields),
        tags=tags,
        sources=[SOURCE],
    )
    return contact, "\n\n".join(notes)


def _first(fields: dict[str, list[Any]], key: str) -> str:
    """The first non-empty value of a property."""
    return next((t for t in (_text(v) for v in fields.get(key, [])) if t), "")


def _name_parts(fields: dict[str, list[Any]]) -> str:
    """Given, additional and family names from the structured N property."""
    for value in fields.get("N", []):
        parts = [_text(getattr(value, a, "")) for a in ("given", "additional", "family")]
        joined = " ".join(p for p in parts if p)
        if joined:
            return joined
    return ""


def _org(fields: dict[str, list[Any]]) -> str:
    """The organisation name: the first component of ORG."""
    for value in fields.get("ORG", []):
        first = _text(value[0] if isinstance(value, list) and value else value)
        if first:
            return first
    return ""


def _location(fields: dict[str, list[Any]]) -> str:
    """City, region and country of the first address."""
    for value in fields.get("ADR", []):
        parts = [_text(getattr(value, a, "")) for a in ("city", "region", "country")]
        joined = ", ".join(p for p in parts if p)
        if joined:
            return joined
    return ""


def _strip_scheme(values: list[Any], scheme: str) -> list[str]:
    """Clean e-mail or phone values, dropping a vCard 4 URI scheme such as 'tel:'."""
    cleaned: list[str] = []
    for value in values:
        text = _text(value)
        if text.lower().startswith(scheme):
            text = text[len(scheme) :]
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned
