"""The bad-input table, beyond import files: stories, unicode names, a model endpoint that is
down, slow, answers garbage or HTTP 500, and a full disk. Each gives the exact line the user
sees (or a clean result with a notice), never a traceback, and loses nothing stored before."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from assistant.app import Warmline, build_app
from assistant.errors import StoreError
from assistant.settings import load_settings
from tests.fakes import HashEmbeddings

Run = Callable[..., tuple[int, str, str]]


# -- stories and unicode through the CLI -----------------------------------------------------
@pytest.mark.parametrize(("name", "content", "error"), [
    ("empty-story.md", "",
     "the profile is empty: paste or write a few sentences about yourself"),
])
def test_a_story_file_that_cannot_be_a_story_gets_one_line(
    run_cli: Run, tmp_path: Path, name: str, content: str, error: str,
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run_cli("profile", "set", "--file", str(path))
    assert (code, out) == (1, "")
    assert err.strip().splitlines() == [f"warmline: {error}"]


@pytest.mark.parametrize(("name", "stored"), [
    ("Zoë Ångström-Łukasiewicz", "Zoë Ångström-Łukasiewicz"),
    ("李小龍", "李小龍"),
    ("محمد عبد الله", "محمد عبد الله"),
    ("Ana 👩🏽‍💻 Lee", "Ana 👩🏽‍💻 Lee"),  # the emoji's joiner stays
    ("Ana\u202eeL", "AnaeL"),  # a bidi override is stripped
    ("Bo\u200b\u200bChen", "BoChen"),  # zero-width spaces too
    ("e\u0301lodie", "e\u0301lodie"),  # combining accents are text
])
def test_unicode_names_are_kept_or_cleaned_never_refused(
    run_cli: Run, name: str, stored: str,
) -> None:
    code, out, err = run_cli("contacts", "add", "--name", name, "--json")
    assert code == 0, err
    assert json.loads(out)["contact"]["name"] == stored


@pytest.mark.parametrize(("name", "error"), [
    ("", "a contact needs a name"),
    ("\u200b\u202e", "a contact needs a name"),  # nothing left once cleaned
    ("A" * 100_000, "a name is at most 200 characters (this one has 100000)"),
])
def test_names_that_cannot_be_stored_get_one_line(run_cli: Run, name: str, error: str) -> None:
    code, out, err = run_cli("contacts", "add", "--name", name)
    assert (code, out) == (1, "")
    assert err.strip().splitlines() == [f"warmline: {error}"]


# -- a model endpoint that misbehaves --------------------------------------------------------
class _Model(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        return None

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        mode = self.server.mode  # type: ignore[attr-defined]
        if mode == "slow":
            time.sleep(3)
        try:
            if mode == "500":
                self.send_response(500)
                self.end_headers()
                self.wfile.write(b"boom")
                return
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(b"<html>not json at all")
        except OSError:  # the client gave up (the slow case): that is the point
            return


@pytest.fixture
def model_endpoint() -> Iterator[Callable[[str], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(mode: str) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Model)
        server.mode = mode  # type: ignore[attr-defined]
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        if mode == "down":
            server.shutdown()
            server.server_close()
            servers.remove(server)
        return f"http://127.0.0.1:{port}/v1"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


OFFLINE = "This draft was written by the offline engine instead."


@pytest.mark.parametrize(("mode", "notice"), [
    ("down", "the model openai-compatible:m is not reachable at {url}. " + OFFLINE),
    ("slow", "the model openai-compatible:m timed out. " + OFFLINE),
    ("500", "the model openai-compatible:m answered HTTP 500: Error code: 500. " + OFFLINE),
    ("garbage", "the model openai-compatible:m sent an empty reply; check the model server's "
                "log (a prompt longer than its context size, e.g. llama.cpp's --n_ctx, ends "
                "this way) or choose another model in Settings. " + OFFLINE),
])
def test_a_misbehaving_model_gives_an_offline_draft_with_one_notice(
    model_endpoint: Callable[[str], str], mode: str, notice: str,
) -> None:
    url = model_endpoint(mode)
    # The real model path (no fake backend): ChatOpenAI against the misbehaving server.
    app = build_app(load_settings(provider="openai-compatible", base_url=url, model="m",
                                  timeout_s=1, max_retries=0), embeddings=HashEmbeddings())
    try:
        contact = app.contacts.add("Ana Lee", company="Acme")
        started = time.monotonic()
        draft = app.outreach.draft("checkin", contact.id)
        assert time.monotonic() - started < 10
        assert draft.engine == "offline" and draft.text
        assert draft.notice == notice.format(url=url)
        assert app.contacts.get(contact.id).name == "Ana Lee"
    finally:
        app.close()


# -- a full disk -----------------------------------------------------------------------------
def test_a_full_disk_while_importing_writes_nothing_and_keeps_what_was_there(
    app_factory: Callable[..., Warmline], tmp_path: Path,
) -> None:
    app = app_factory()
    kept = app.contacts.add("Kept Person", company="Stays")
    db = app.stores.records.db
    with db.transaction() as conn:  # SQLite answers SQLITE_FULL exactly as on a full disk
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    rows = "".join(f"Person,Number{i},Company {i},Title {i} {'x' * 200},01 Jan 2020\n"
                   for i in range(2000))
    path = tmp_path / "Connections.csv"
    path.write_text("First Name,Last Name,Company,Position,Connected On\n" + rows,
                    encoding="utf-8")
    with pytest.raises(StoreError) as error:
        app.importer.import_path(path)
    assert str(error.value) == ("could not save Connections.csv; nothing was imported "
                                "(database or disk is full)")
    assert [c.name for c in app.contacts.list_contacts()] == ["Kept Person"]
    assert app.contacts.get(kept.id).company == "Stays"


def test_a_full_disk_while_exporting_gives_one_line_and_leaves_no_half_file(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run_cli("contacts", "add", "--name", "Kept Person")[0] == 0
    target = tmp_path / "backup.json"
    real_write = Path.write_text

    def full_disk(self: Path, text: str, *args: Any, **kwargs: Any) -> int:
        if self.name == "backup.json.tmp":  # writing half of it, then the disk is full
            real_write(self, text[: len(text) // 2], *args, **kwargs)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_disk)
    code, out, err = run_cli("export", str(target))
    assert (code, out) == (1, "")
    assert err.strip().splitlines() == [
        f"warmline: cannot write {target}: No space left on device; nothing was exported"]
    assert list(tmp_path.glob("backup.json*")) == []
    assert "Kept Person" in run_cli("contacts", "list")[1]


def test_an_export_never_replaces_a_device_a_pipe_or_a_folder(
    run_cli: Run, tmp_path: Path,
) -> None:
    """Run as root, renaming the finished export over /dev/full replaced the device."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for path in (pipe, tmp_path):
        code, out, err = run_cli("export", str(path))
        assert (code, out) == (1, "")
        assert err.strip().splitlines() == [
            f"warmline: cannot write {path}: it is not a regular file; choose a file name"]
    assert pipe.exists() and not pipe.is_file()


def test_sqlite_full_is_what_a_full_disk_looks_like() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA max_page_count = 2")
    conn.execute("CREATE TABLE t (x TEXT)")
    with pytest.raises(sqlite3.OperationalError, match="database or disk is full"):
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 10)
