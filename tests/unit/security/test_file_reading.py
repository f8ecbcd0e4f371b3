"""Type and size are checked before a byte is read: no 3 GB read, no MemoryError, no hang."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.errors import ImportFileError
from assistant.importers.reading import read_bounded

LIMIT = 50 * 1024 * 1024


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)  # takes no disk space, but a whole read would take 3 GB of RAM
    return path


def test_a_3_gb_sparse_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = sparse(tmp_path / "Connections.csv", 3 * 1024**3)
    started = time.monotonic()
    with pytest.raises(ImportFileError) as error:
        read_bounded(path, LIMIT)
    assert time.monotonic() - started < 1.0
    assert str(error.value) == ("Connections.csv: file is 3072.0 MB, over the 50 MB import "
                                "limit; split it and import the parts")


@pytest.mark.timeout(20)
def test_a_fifo_is_refused_at_once_instead_of_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(ImportFileError) as error:
        read_bounded(fifo, LIMIT)
    assert str(error.value) == (f"{fifo} is a named pipe (FIFO), not a regular file; save the "
                                "export to a file first")


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_directly_or_through_a_symlink(target: str, tmp_path: Path) -> None:
    link = tmp_path / "contacts.vcf"
    link.symlink_to(target)
    for path in (Path(target), link):
        with pytest.raises(ImportFileError, match="is a device, not a regular file"):
            read_bounded(path, LIMIT)


def test_folders_and_missing_files_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"is a folder, not a file; choose the export"):
        read_bounded(tmp_path, LIMIT)
    with pytest.raises(ImportFileError, match=r"^cannot read .*nothing\.csv: No such file or"):
        read_bounded(tmp_path / "nothing.csv", LIMIT)


def test_an_unreadable_file_is_one_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked.csv"
    locked.write_text("First Name\n", encoding="utf-8")
    locked.chmod(0o000)
    if os.access(locked, os.R_OK):
        pytest.skip("running as root: every file is readable")
    with pytest.raises(ImportFileError) as error:
        read_bounded(locked, LIMIT)
    assert str(error.value) == f"cannot read {locked}: Permission denied"


def test_a_small_file_reads_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * (3 * 1024 * 1024 + 7))
    assert read_bounded(path, LIMIT) == b"x" * (3 * 1024 * 1024 + 7)
    with pytest.raises(ImportFileError, match="over the 3 MB"):
        read_bounded(path, 3 * 1024 * 1024)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", ["fifo", "zero", "sparse", "folder"])
def test_the_cli_refuses_in_one_line_and_frees_the_data_dir(
    kind: str, run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path,
) -> None:
    path = tmp_path / "export.csv"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "sparse":
        sparse(path, 3 * 1024**3)
    else:
        path.mkdir()
    for args in (("import", str(path)), ("review-resume", str(path.with_suffix(".txt"))),
                 ("profile", "set", "--file", str(path))):
        if args[0] == "review-resume":
            path.with_suffix(".txt").symlink_to(path)
        code, out, err = run_cli(*args)
        assert code == 1, (args, out, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert "MemoryError" not in err and "unexpected" not in err, err
    assert run_cli("contacts", "list", "--json")[0] == 0  # the lock was released
