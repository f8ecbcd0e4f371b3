"""The data dir holds the user's whole network: owner-only, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.settings import load_settings, save_settings


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def default_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the default that made the files 644
    yield
    os.umask(old)


def every_path(home: Path) -> list[Path]:
    return [home, *home.rglob("*")]


def test_a_new_data_dir_is_700_and_its_files_600(
    app_factory: Callable[..., Any], home: Path,
) -> None:
    home.rmdir()
    app = app_factory(provider="offline")
    app.contacts.add("Priya Nair", company="Northwind")
    app.close()
    assert mode(home) == 0o700
    assert mode(home / "warmline.sqlite3") == 0o600
    loose = {str(p.relative_to(home)): oct(mode(p)) for p in every_path(home)
             if not p.is_symlink() and mode(p) not in (0o700, 0o600)}
    assert loose == {}
    assert (home / "index").is_dir() and mode(home / "index") == 0o700


def test_an_old_world_readable_data_dir_is_tightened(
    app_factory: Callable[..., Any], home: Path,
) -> None:
    app_factory(provider="offline").close()
    home.chmod(0o755)
    for path in home.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    app_factory(provider="offline").close()
    assert mode(home) == 0o700
    assert {mode(p) for p in home.rglob("*") if p.is_file()} == {0o600}


def test_the_log_and_the_config_file_are_600(home: Path) -> None:
    from assistant.cli.common import configure_logging

    logfile = configure_logging()
    try:
        assert logfile == home / "warmline.log" and mode(logfile) == 0o600
    finally:
        import logging
        for handler in logging.getLogger().handlers:
            handler.close()
        logging.getLogger().handlers[:] = []
    save_settings(load_settings(), {"model": "llama3.2"})
    assert mode(home / "config.toml") == 0o600


def test_a_data_dir_that_cannot_be_written_is_one_clear_line(
    run_cli: Callable[..., tuple[int, str, str]], home: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from filelock import FileLock

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(FileLock, "acquire", refuse)  # what a read-only folder does (not root)
    code, out, err = run_cli("contacts", "list")
    assert (code, out) == (1, "")
    assert err.strip() == (f"warmline: cannot use the data dir {home}: Permission denied; check "
                           "its permissions, or set WARMLINE_HOME to a folder you can write")
