"""An exclusive lock on the data dir: Chroma's embedded client is not process-safe."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from assistant.errors import StoreError, StoreLockedError
from assistant.privacy import private_dir

LOCK_FILE = ".warmline.lock"
PID_FILE = ".warmline.pid"


class DataDirLock:
    """Hold ``home/.warmline.lock`` for the life of the process; fail fast if it is taken."""

    def __init__(self, home: Path, timeout_s: float = 2.0) -> None:
        self.home = home
        self.timeout_s = timeout_s
        self._lock = FileLock(str(home / LOCK_FILE), timeout=timeout_s)

    def acquire(self) -> DataDirLock:
        """Take the lock or raise StoreLockedError within ``timeout_s``."""
        try:
            private_dir(self.home)
            self._lock.acquire()
        except Timeout as e:
            raise StoreLockedError(busy_message(self.home)) from e
        except OSError as e:  # a read-only or foreign data dir
            msg = (f"cannot use the data dir {self.home}: {e.strerror or e}; check its "
                   "permissions, or set WARMLINE_HOME to a folder you can write")
            raise StoreError(msg) from e
        try:
            (self.home / PID_FILE).write_text(str(os.getpid()), encoding="utf-8")
        except OSError as e:
            self._lock.release(force=True)
            msg = (f"cannot use the data dir {self.home}: {e.strerror or e}; check its "
                   "permissions, or set WARMLINE_HOME to a folder you can write")
            raise StoreError(msg) from e
        return self

    def release(self) -> None:
        """Let another process use the data dir."""
        if self._lock.is_locked:
            (self.home / PID_FILE).unlink(missing_ok=True)
            self._lock.release(force=True)

    def __enter__(self) -> DataDirLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def held_elsewhere(home: Path) -> bool:
    """True when another process holds ``home``'s lock right now (asks without waiting)."""
    if not (home / LOCK_FILE).exists():
        return False
    probe = FileLock(str(home / LOCK_FILE), timeout=0)
    try:
        probe.acquire()
    except (Timeout, OSError):
        return True
    probe.release(force=True)
    return False


def holder_pid(home: Path) -> str:
    """The pid written by the process holding ``home``, or "" when unknown."""
    try:
        return (home / PID_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def busy_message(home: Path) -> str:
    """What a user reads when another Warmline holds ``home``."""
    pid = holder_pid(home)
    return (f"another Warmline{f' (pid {pid})' if pid else ''} is already using {home}; "
            "close it first, or set WARMLINE_HOME to a different folder")
