"""Full export to one JSON file, and restoring from it."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    StrictInt,
    ValidationError,
    field_validator,
)

from assistant import __version__
from assistant.domain import Contact, Interaction, Note, Profile
from assistant.errors import REBUILD_HINT, ImportFileError, InputError, StoreError
from assistant.importers.decoding import decode_text
from assistant.privacy import private_file
from assistant.services.contacts.dedupe import UNMERGE_EVENT
from assistant.services.contacts.rules import contact_problems, note_problems
from assistant.storage.chat import ChatStore
from assistant.storage.records import RecordStore
from assistant.storage.sync import IndexSync

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
MAX_ROWID = 2**63 - 1  # SQLite's largest integer key
UNREADABLE = "cannot read this Warmline export"
MAX_SHOWN = 5  # problems named in the one-line refusal


def _has_id(value: Any) -> Any:
    """Records keep their ids: a made-up one would duplicate the record on every restore."""
    if isinstance(value, dict) and "id" not in value:
        msg = "no 'id' (an export gives every record one)"
        raise ValueError(msg)
    return value


HasId = BeforeValidator(_has_id)


class ExportedEvent(BaseModel):
    """One row of the events table, as ``snapshot`` writes it."""

    id: Annotated[StrictInt, Field(ge=1, le=MAX_ROWID)] | None = None
    contact_id: str | None = None
    kind: str = Field(min_length=1)
    data: dict[str, Any]
    created: str | None = None

    @field_validator("created")
    @classmethod
    def _a_timestamp(cls, value: str | None) -> str | None:
        try:
            if value is not None:
                datetime.fromisoformat(value)
        except ValueError as e:
            msg = "not a date and time"
            raise ValueError(msg) from e
        return value


class ExportedChatMessage(BaseModel):
    """One coach message, as ``ChatStore.export`` writes it."""

    conversation: str = Field(min_length=1, max_length=200)
    role: Literal["user", "assistant"]
    content: str
    data: dict[str, Any] = Field(default_factory=dict)
    created: str | None = None

    @field_validator("created")
    @classmethod
    def _a_timestamp(cls, value: str | None) -> str | None:
        return ExportedEvent._a_timestamp(value)


class ExportFile(BaseModel):
    """The parts of an export that a restore writes back."""

    profile: Profile | None = None
    contacts: list[Annotated[Contact, HasId]] = Field(default_factory=list)
    notes: list[Annotated[Note, HasId]] = Field(default_factory=list)
    interactions: list[Annotated[Interaction, HasId]] = Field(default_factory=list)
    events: list[ExportedEvent] = Field(default_factory=list)
    chat: list[ExportedChatMessage] = Field(default_factory=list)


class BackupService:
    """Everything the user owns, as JSON, and back."""

    def __init__(self, records: RecordStore, sync: IndexSync | None,
                 chats: ChatStore | None = None) -> None:
        self.records = records
        self.sync = sync  # None: a read-only reader beside a running server (export only)
        self.chats = chats

    def snapshot(self) -> dict[str, Any]:
        """All records as one JSON-ready object."""
        return {
            "warmline_export": FORMAT_VERSION,
            "app_version": __version__,
            "exported_at": datetime.now().isoformat(timespec="seconds"),
            "profile": self.records.get_profile().model_dump(mode="json"),
            "contacts": [c.model_dump(mode="json") for c in self.records.list_contacts()],
            "notes": [n.model_dump(mode="json") for n in self.records.all_notes()],
            "interactions": [i.model_dump(mode="json") for i in self.records.all_interactions()],
            "events": self.records.events(),
            **({"chat": self.chats.export()} if self.chats is not None else {}),
        }

    def export(self, path: Path) -> dict[str, int]:
        """Write the snapshot atomically; return counts."""
        data = self.snapshot()
        if path.exists() and not path.is_file():
            # Renaming over it would replace a folder's entry, a device (/dev/full) or a pipe.
            msg = f"cannot write {path}: it is not a regular file; choose a file name"
            raise InputError(msg)
        if path.is_file() and path.stat().st_size and not _is_export(path):
            # Replacing an earlier backup is the point; replacing someone's document is not.
            msg = (f"{path} already exists and is not a Warmline export; choose another file "
                   "name (nothing was written)")
            raise InputError(msg)
        tmp = path.with_name(path.name + ".tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.touch(mode=0o600)  # the whole network in one file: the owner's eyes only
            private_file(tmp)
            tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError as e:
            tmp.unlink(missing_ok=True)  # no half-written backup left beside the old one
            msg = f"cannot write {path}: {e.strerror or e}; nothing was exported"
            raise StoreError(msg) from e
        return {k: len(data[k]) for k in ("contacts", "notes", "interactions")}

    def restore(self, data: bytes) -> dict[str, int]:
        """Load an export in one transaction: all of it, or (on any error) none of it."""
        return self.restore_export(parse_export(data))

    def restore_export(self, export: ExportFile) -> dict[str, int]:
        """Write an already validated export back (see :meth:`restore`).

        The rules are the CLI's, and nothing is dropped quietly: any record that breaks one,
        shares an id with another, or belongs to a contact neither the file nor the store
        holds refuses the whole restore, naming each record.
        """
        if self.sync is None:
            msg = "a restore needs the data dir to itself; stop 'warmline serve' first"
            raise StoreError(msg)
        sync = self.sync
        known = {c.id for c in export.contacts} | {c.id for c in self.records.list_contacts()}
        if problems := restore_problems(export, known):
            # One line, whatever a damaged name holds (a newline would split the message).
            shown = "; ".join(problems[:MAX_SHOWN]).replace("\r", "\\r").replace("\n", "\\n")
            more = f"; and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
            msg = (f"{len(problems)} record{'s' if len(problems) != 1 else ''} cannot be "
                   f"restored, so nothing was: {shown}{more}")
            raise ImportFileError(msg)
        notes, interactions = export.notes, export.interactions
        try:
            with self.records.db.transaction() as conn:
                if export.profile is not None and export.profile != Profile():
                    self.records.put_profile(export.profile, conn)
                for contact in export.contacts:
                    self.records.put_contact(contact, conn)
                for note in notes:
                    self.records.put_note(note, conn)
                for item in interactions:
                    self.records.put_interaction(item, conn)
                self._restore_events(export.events, known, conn)
                if self.chats is not None:
                    self.chats.restore([m.model_dump() for m in export.chat], conn)
        except sqlite3.Error as e:
            msg = f"could not save the export; nothing was restored ({e})"
            raise StoreError(msg) from e
        try:
            sync.reconcile()
        except Exception as e:  # the records are safe; reconciliation repairs the index later
            log.exception("indexing after a restore failed")
            msg = (f"restored, but the search index could not be updated ({_first_line(e)}); "
                   f"{REBUILD_HINT}")
            raise StoreError(msg) from e
        return {"contacts": len(export.contacts), "notes": len(notes),
                "interactions": len(interactions)}

    def _restore_events(self, events: list[ExportedEvent], known: set[str],
                        conn: sqlite3.Connection) -> None:
        """Add the events the store lacks, keeping their ids where free (merges cite them)."""
        stored = self.records.events()
        present = {_event_key(e["kind"], e["contact_id"], e["data"], e["created"]): e["id"]
                   for e in stored}
        taken = {e["id"] for e in stored}  # not present's values: twins share one key
        renumbered: dict[int, int] = {}
        for event in sorted(events, key=lambda e: (e.id is None, e.id or 0)):  # oldest first
            if event.contact_id is not None and event.contact_id not in known:
                continue
            data = event.data
            cited = data.get("merge_event")
            if event.kind == UNMERGE_EVENT and type(cited) is int and cited in renumbered:
                data = {**data, "merge_event": renumbered[cited]}
            new_id = present.get(_event_key(event.kind, event.contact_id, data, event.created))
            if new_id is None:
                wanted = event.id if event.id not in taken else None
                new_id = self.records.insert_event(event.kind, data, event.contact_id, conn,
                                                   event_id=wanted, created=event.created)
                taken.add(new_id)
            if event.id is not None:
                renumbered[event.id] = new_id


def restore_problems(export: ExportFile, known: set[str]) -> list[str]:
    """Every record a restore would have to drop or overwrite, with the rule it breaks."""
    problems: list[str] = []
    first_at: dict[str, int] = {}
    for i, contact in enumerate(export.contacts):
        where = f"contacts[{i}] ({contact.id})"
        if contact.id in first_at:
            problems.append(f"{where} has the same id as contacts[{first_at[contact.id]}]")
        first_at.setdefault(contact.id, i)
        problems += [f"{where}: {p}" for p in contact_problems(contact)]
    groups: tuple[tuple[str, Sequence[Note | Interaction]], ...] = (
        ("notes", export.notes), ("interactions", export.interactions))
    for label, rows in groups:
        seen: dict[str, int] = {}
        for i, row in enumerate(rows):
            where = f"{label}[{i}] ({row.id})"
            if row.id in seen:
                problems.append(f"{where} has the same id as {label}[{seen[row.id]}]")
            seen.setdefault(row.id, i)
            if row.contact_id is not None and row.contact_id not in known:
                problems.append(f"{where} belongs to contact {row.contact_id}, which is neither "
                                "in the file nor in Warmline")
            if isinstance(row, Note):
                problems += [f"{where}: {p}" for p in note_problems(row)]
    for i, event in enumerate(export.events):
        if event.contact_id is not None and event.contact_id not in known:
            problems.append(f"events[{i}] belongs to contact {event.contact_id}, which is "
                            "neither in the file nor in Warmline")
    return problems


def parse_export(data: bytes) -> ExportFile:
    """Validate an export's bytes, or raise one clear ImportFileError line."""
    try:
        text = decode_text(data, export_as="a Warmline export ('warmline export PATH')")
    except ImportFileError as e:
        msg = f"{UNREADABLE}: {e}"
        raise ImportFileError(msg) from e
    try:
        raw = json.loads(text)
    except RecursionError as e:
        msg = f"{UNREADABLE}: it is nested too deeply to be one"
        raise ImportFileError(msg) from e
    except ValueError as e:
        msg = f"{UNREADABLE}: it is damaged or cut short ({_first_line(e)})"
        raise ImportFileError(msg) from e
    if not isinstance(raw, dict):
        msg = f"not a Warmline export (a JSON {type(raw).__name__}, not an object)"
        raise ImportFileError(msg)
    version = raw.get("warmline_export")
    if type(version) is int and version > FORMAT_VERSION:
        msg = f"this export is format {version}; upgrade Warmline to restore it"
        raise ImportFileError(msg)
    if type(version) is not int or version != FORMAT_VERSION:
        msg = f"not a Warmline export (missing 'warmline_export': {FORMAT_VERSION})"
        raise ImportFileError(msg)
    try:
        json.dumps(raw, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError) as e:
        msg = f"{UNREADABLE}: it holds text that is not valid Unicode (a lone \\u surrogate)"
        raise ImportFileError(msg) from e
    try:
        return ExportFile.model_validate(raw)
    except ValidationError as e:
        msg = f"{UNREADABLE}: {_describe(e)}"
        raise ImportFileError(msg) from e


def _describe(error: ValidationError) -> str:
    """The first problem, as ``contacts[2].name: Field required`` (and how many more)."""
    problems = error.errors(include_url=False, include_input=False)
    first = problems[0]
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return f"{where.lstrip('.') or 'document'}: {' '.join(first['msg'].split())}{more}"


def _event_key(kind: str, contact_id: str | None, data: dict[str, Any],
               created: str | None) -> tuple[str, str | None, str, str | None]:
    return kind, contact_id, json.dumps(data, sort_keys=True, default=str), created


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _is_export(path: Path) -> bool:
    """Whether a file starts like a Warmline export (its first key names the format)."""
    try:
        with path.open("rb") as f:
            head = f.read(200)
    except OSError:
        return False
    return head.lstrip().startswith(b"{") and b'"warmline_export"' in head
