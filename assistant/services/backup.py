"""Full export to one JSON file, and restoring from it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant import __version__
from assistant.domain import Contact, Interaction, Note, Profile
from assistant.errors import ImportFileError
from assistant.storage.records import RecordStore
from assistant.storage.sync import IndexSync

FORMAT_VERSION = 1


class BackupService:
    """Everything the user owns, as JSON, and back."""

    def __init__(self, records: RecordStore, sync: IndexSync) -> None:
        self.records = records
        self.sync = sync

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
        }

    def export(self, path: Path) -> dict[str, int]:
        """Write the snapshot atomically; return counts."""
        data = self.snapshot()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        return {k: len(data[k]) for k in ("contacts", "notes", "interactions")}

    def restore(self, data: bytes) -> dict[str, int]:
        """Load an export in one transaction: all of it, or (on any error) none of it."""
        try:
            raw = json.loads(data.decode("utf-8"))
            if raw.get("warmline_export") != FORMAT_VERSION:
                msg = "not a Warmline export (missing 'warmline_export': 1)"
                raise ImportFileError(msg)
            profile = Profile.model_validate(raw.get("profile") or {})
            contacts = [Contact.model_validate(c) for c in raw.get("contacts", [])]
            notes = [Note.model_validate(n) for n in raw.get("notes", [])]
            interactions = [Interaction.model_validate(i) for i in raw.get("interactions", [])]
        except (UnicodeDecodeError, json.JSONDecodeError, AttributeError, ValidationError) as e:
            msg = f"cannot read this Warmline export: {str(e).splitlines()[0]}"
            raise ImportFileError(msg) from e
        known = {c.id for c in contacts}
        with self.records.db.transaction() as conn:
            if profile != Profile():
                self.records.put_profile(profile, conn)
            for contact in contacts:
                self.records.put_contact(contact, conn)
            for note in notes:
                if note.contact_id is None or note.contact_id in known:
                    self.records.put_note(note, conn)
            for item in interactions:
                if item.contact_id in known:
                    self.records.put_interaction(item, conn)
        self.sync.reconcile()
        return {"contacts": len(contacts), "notes": len(notes), "interactions": len(interactions)}
