"""Read a user's file safely: type and size are checked before a byte is read, then streamed.

A 3 GB sparse file, ``/dev/zero`` or a FIFO must be refused at once, not read into memory or
waited on (while holding the data-dir lock).
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from assistant.errors import ImportFileError

CHUNK_BYTES = 1024 * 1024
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def over_limit(name: str, size: int, max_bytes: int) -> str:
    """The one line for an export over the import limit."""
    return (f"{name}: file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB "
            "import limit; split it and import the parts")


def read_bounded(
    path: Path, max_bytes: int, too_big: Callable[[str, int, int], str] = over_limit,
) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; ImportFileError (one line) if not."""
    try:
        info = path.stat()
    except OSError as e:
        msg = f"cannot read {path}: {e.strerror or e}"
        raise ImportFileError(msg) from e
    if stat.S_ISDIR(info.st_mode):
        msg = f"{path} is a folder, not a file; choose the export file inside it"
        raise ImportFileError(msg)
    for test, kind in _KINDS:
        if test(info.st_mode):
            msg = f"{path} is {kind}, not a regular file; save the export to a file first"
            raise ImportFileError(msg)
    if info.st_size > max_bytes:
        raise ImportFileError(too_big(path.name, info.st_size, max_bytes))
    chunks: list[bytes] = []
    size = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(min(CHUNK_BYTES, max_bytes + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:  # it grew after the check
                    raise ImportFileError(too_big(path.name, size, max_bytes))
    except OSError as e:
        msg = f"cannot read {path}: {e.strerror or e}"
        raise ImportFileError(msg) from e
    return b"".join(chunks)
