""""Delete all my data": every record, index file, log, outbound log and setting, gone."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from assistant.errors import StoreError
from assistant.storage.lock import LOCK_FILE, PID_FILE, DataDirLock


def erase_data_dir(home: Path) -> int:
    """Delete everything in ``home`` while holding its lock; how many files went.

    It takes the data dir's lock first, so it never pulls files from under a running Warmline
    (that one refuses with the usual line). The lock file, which holds no data, stays.
    """
    if not home.exists():
        return 0
    with DataDirLock(home):
        return delete_contents(home)


def delete_contents(home: Path) -> int:
    """Delete every file in ``home`` but the lock, for a caller that holds the lock (the
    running app's "Delete all my data"); how many files went. Log handlers writing into
    ``home`` are closed first, so the log is deleted, not written on afterwards."""
    _close_logs_in(home)
    removed = 0
    for path in sorted(home.iterdir()):
        if path.name in (LOCK_FILE, PID_FILE):
            continue
        try:
            if path.is_dir() and not path.is_symlink():
                removed += sum(1 for p in path.rglob("*") if not p.is_dir())
                shutil.rmtree(path)
            else:
                path.unlink()
                removed += 1
        except OSError as e:
            msg = f"could not delete {path}: {e.strerror or e}; nothing else was kept back"
            raise StoreError(msg) from e
    return removed


def _close_logs_in(home: Path) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        name = getattr(handler, "baseFilename", "")
        if name and Path(name).resolve().is_relative_to(home.resolve()):
            root.removeHandler(handler)
            handler.close()
