"""Import an export file: one transaction per file, duplicates merged, then the index catches up."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from assistant.domain import Contact
from assistant.errors import REBUILD_HINT, ImportFileError, InputError, StoreError
from assistant.importers import MAX_FILE_BYTES, detect_format, parse_file
from assistant.importers.reading import read_bounded
from assistant.services.contacts.backup import BackupService, parse_export
from assistant.services.contacts.import_apply import ImportReport, ImportRun, Progress
from assistant.services.contacts.untrusted import set_aside_instructions
from assistant.storage.records import RecordStore
from assistant.storage.sync import IndexSync
from assistant.text import normalize

log = logging.getLogger(__name__)

PROFILE_FORMATS = ("linkedin-profile", "linkedin-positions")
FORMATS = ("auto", "linkedin", "linkedin-messages", "google", "vcard", "notes", "profile",
           *PROFILE_FORMATS, "warmline-export")
EXPORT_FORMAT = "warmline-export"
__all__ = ["FORMATS", "ImportReport", "ImportService", "Progress", "resolve_format"]


class ImportService:
    """Turns parsed exports into records: add, update, merge, attach notes and messages."""

    def __init__(self, records: RecordStore, sync: IndexSync, backup: BackupService) -> None:
        self.records = records
        self.sync = sync
        self.backup = backup

    def import_path(self, path: Path, fmt: str = "auto", progress: Progress | None = None,
                    *, create_contacts: bool = False) -> ImportReport:
        """Import a file from disk: its type and size are checked before it is read."""
        data = read_bounded(path, MAX_FILE_BYTES)
        return self.import_bytes(path.name, data, fmt, progress, create_contacts=create_contacts)

    def import_bytes(self, name: str, data: bytes, fmt: str = "auto",
                     progress: Progress | None = None, *,
                     create_contacts: bool = False) -> ImportReport:
        """Parse, then write it all in one transaction; a file that can't be read writes nothing.

        ``create_contacts``: a notes file's `# Name` with no contact becomes a new contact.
        """
        step = progress or _no_progress
        step("reading", 0, 1)
        fmt = resolve_format(name, data, fmt)
        if fmt == EXPORT_FORMAT:
            return self._restore(name, data, step)
        parsed = parse_file(name, data, fmt)
        step("reading", 1, 1)
        report = ImportReport(file=name, format=parsed.format, skipped_rows=list(parsed.skipped),
                              warnings=list(parsed.warnings),
                              set_aside=set_aside_instructions(parsed))
        try:
            with self.records.db.transaction() as conn:
                ImportRun(self.records, parsed, report, step, create_contacts).apply(conn)
        except sqlite3.Error as e:
            msg = f"could not save {name}; nothing was imported ({e})"
            raise StoreError(msg) from e
        self._reindex(report, step)
        return report

    def create_contacts_for(self, names: list[str]) -> list[Contact]:
        """New contacts for people the notes named but nobody was; their notes move to them.

        An earlier import kept such a note as a free note starting with the heading line; it
        moves to the new contact without that line, so it reads as a note about them.
        """
        wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        if not wanted:
            msg = "name at least one person to add"
            raise InputError(msg)
        known = {normalize(c.name) for c in self.records.list_contacts()}
        free = self.records.notes_for(None)
        created = []
        with self.records.db.transaction() as conn:
            for name in wanted:
                if normalize(name) in known:
                    continue
                contact = Contact(name=name, sources=["notes"])
                self.records.put_contact(contact, conn)
                known.add(normalize(name))
                created.append(contact)
                for note in free:
                    head, _, body = note.text.partition("\n")
                    if head.strip() == name and body.strip():
                        self.records.put_note(note.model_copy(update={
                            "contact_id": contact.id, "text": body.strip()}), conn)
        self.sync.reconcile()
        return created

    def _restore(self, name: str, data: bytes, step: Progress) -> ImportReport:
        try:
            export = parse_export(data)
            ids = {c.id for c in export.contacts}
            existing = {c.id for c in self.records.list_contacts()}
            counts = self.backup.restore_export(export)
        except ImportFileError as e:
            msg = f"{name}: {e}"
            raise ImportFileError(msg) from e
        step("indexing", 1, 1)
        return ImportReport(file=name, format=EXPORT_FORMAT, added=len(ids - existing),
                            updated=len(ids & existing), notes=counts["notes"],
                            interactions=counts["interactions"])

    def _reindex(self, report: ImportReport, step: Progress) -> None:
        try:
            self.sync.reconcile(lambda done, total: step("indexing", done, total))
        except Exception as e:  # the records are safe; reconciliation repairs the index later
            log.exception("indexing after import failed")
            report.notice = (f"saved, but the search index could not be updated ({e}); "
                             f"{REBUILD_HINT}")


def resolve_format(name: str, data: bytes, fmt: str) -> str:
    """The concrete format to parse: detected for 'auto', Profile or Positions for 'profile'."""
    wanted = (fmt or "auto").strip().lower()
    if wanted not in FORMATS:
        msg = f"unknown import format {fmt!r}; choose one of: {', '.join(FORMATS)}"
        raise ImportFileError(msg)
    if wanted not in {"auto", "profile"}:
        return wanted
    if len(data) > MAX_FILE_BYTES:
        parse_file(name, data)  # raises the one-line "over the import limit" error
    try:
        detected = detect_format(name, data)
    except ImportFileError as e:
        msg = f"{name}: {e}"
        raise ImportFileError(msg) from e
    if wanted == "profile" and detected not in PROFILE_FORMATS:
        msg = f"{name}: not a LinkedIn Profile.csv or Positions.csv (it looks like {detected})"
        raise ImportFileError(msg)
    return detected


def _no_progress(stage: str, done: int, total: int) -> None:
    return None
