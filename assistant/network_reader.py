"""The network commands' composition: the records opened read-only and the network service.

``map`` and ``path`` only read records, so they need no lock, no search index and no model.
Built here rather than in ``app.py`` so that those commands import only what they use and start
in a fraction of the time the whole app takes; they also run beside ``warmline serve``.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.errors import StoreError
from assistant.services.network.service import NetworkService
from assistant.services.story.profile import ProfileService
from assistant.settings import Settings, load_settings
from assistant.storage.db import DB_FILE, Database
from assistant.storage.records import RecordStore


@dataclass
class NetworkReader:
    """The network service over a read-only connection to the records."""

    settings: Settings
    db: Database
    network: NetworkService

    def close(self) -> None:
        """Close the read-only connection."""
        self.db.close()


def build_network_reader(settings: Settings | None = None) -> NetworkReader:
    """Open the records read-only for the network service; StoreError when there are none yet
    or the store needs upgrading (the whole app creates or upgrades it)."""
    settings = settings or load_settings()
    path = settings.home / DB_FILE
    if not path.exists():
        msg = f"no Warmline data in {settings.home} yet"
        raise StoreError(msg)
    db = Database(path, read_only=True)
    records = RecordStore(db)
    return NetworkReader(settings, db, NetworkService(records, ProfileService(records)))
