"""Helpers shared by the contacts tests."""

from __future__ import annotations

from typing import Any

from assistant.app import Warmline


def store_counts(app: Warmline) -> dict[str, Any]:
    """Everything an import could write, to compare before and after a failure."""
    return {
        "contacts": sorted(c.model_dump_json() for c in app.stores.records.list_contacts()),
        "notes": sorted(n.model_dump_json() for n in app.stores.records.all_notes()),
        "interactions": sorted(i.model_dump_json() for i in app.stores.records.all_interactions()),
        "events": len(app.stores.records.events()),
        "profile": app.stores.records.get_profile().model_dump_json(),
        "queue": sorted(app.stores.records.pending_index_ops()),
        "indexed": (app.stores.index.count("contact"), app.stores.index.count("note")),
    }
