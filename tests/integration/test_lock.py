"""One process per data dir: a second Warmline fails fast with one clear line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.integration.conftest import CliRun, Served

FAIL_FAST_S = 2.0  # the README's promise: a refused command answers within two seconds


def test_a_second_process_is_refused_while_serve_holds_the_data_dir(
    serve: Callable[..., Served], cli: Callable[..., CliRun], home: Path,
) -> None:
    served = serve()
    pid = (home / ".warmline.pid").read_text(encoding="utf-8").strip()
    assert pid == str(served.process.pid)

    run = cli("contacts", "add", "--name", "Lee Park")  # a write: it needs the data dir
    print(f"\nsecond process refused after {run.seconds:.2f} s")  # noqa: T201

    assert run.returncode == 1, run
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert lines == [
        f"warmline: another Warmline (pid {pid}) is already using {home}; close it first, "
        "or set WARMLINE_HOME to a different folder"
    ], run
    assert run.seconds < FAIL_FAST_S, run
    assert served.process.poll() is None, "the first process must keep running"


def test_the_data_dir_is_free_again_after_serve_stops(
    serve: Callable[..., Served], cli: Callable[..., CliRun],
) -> None:
    from tests.integration.conftest import stop_process

    served = serve()
    stop_process(served.process)
    assert served.process.returncode == 0, "Ctrl+C is the normal way to stop: exit 0"
    run = cli("doctor", "--json")
    assert run.returncode == 0, run
    assert run.json()["engine"] == "offline"
