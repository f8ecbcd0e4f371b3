"""The data dir is the user's whole network: readable by its owner only (700 and 600)."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it owner-only."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    _chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make an existing file owner-only (a missing one is left alone)."""
    _chmod(path, FILE_MODE)
    return path


def make_private(home: Path) -> None:
    """Tighten the data dir: every folder 700, every file 600, however it was created."""
    for root, dirs, files in os.walk(home):
        _chmod(Path(root), DIR_MODE)
        for name in files:
            _chmod(Path(root) / name, FILE_MODE)
        dirs[:] = [d for d in dirs if not (Path(root) / d).is_symlink()]


def _chmod(path: Path, mode: int) -> None:
    try:
        current = path.lstat()
    except OSError:
        return
    if stat.S_ISLNK(current.st_mode) or stat.S_IMODE(current.st_mode) == mode:
        return
    try:
        path.chmod(mode)
    except OSError as e:  # not ours (a shared mount): the data stays usable, say it in the log
        log.warning("could not make %s private: %s", path, e)
