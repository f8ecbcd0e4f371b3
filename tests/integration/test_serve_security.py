"""The real server: no unauthenticated network exposure, no file reads outside the app."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.app import Warmline, build_app
from assistant.settings import load_settings
from assistant.ui.server import start_server
from tests.integration.conftest import CliRun
from tests.integration.llm_server import free_port


@pytest.fixture
def server(home: Path) -> Iterator[Callable[..., tuple[Warmline, str]]]:
    started: list[tuple[Warmline, object]] = []

    def start(host: str = "127.0.0.1", **settings: str) -> tuple[Warmline, str]:
        app = build_app(load_settings(provider="offline", **settings))
        port = free_port()
        blocks = start_server(app, host, port)
        started.append((app, blocks))
        return app, f"http://127.0.0.1:{port}"

    yield start
    for app, blocks in started:
        blocks.close()  # type: ignore[attr-defined]
        app.close()


@pytest.mark.parametrize("how", ["flag", "env", "config"])
def test_serving_off_loopback_without_a_password_refuses_to_start(
    how: str, cli: Callable[..., CliRun], home: Path,
) -> None:
    args = ["serve", "--port", str(free_port())]
    env: dict[str, str] = {}
    if how == "flag":
        args += ["--host", "0.0.0.0"]  # noqa: S104
    elif how == "env":
        env["WARMLINE_HOST"] = "0.0.0.0"  # noqa: S104
    else:
        (home / "config.toml").write_text('host = "0.0.0.0"\n', encoding="utf-8")
    run = cli(*args, timeout=120, **env)
    assert run.returncode == 1, run
    assert run.stderr.strip().splitlines() == [
        "warmline: refusing to serve on 0.0.0.0 without a password: anyone on the network "
        f"could read your contacts; set WARMLINE_AUTH_PASSWORD (or auth_password in "
        f"{home / 'config.toml'}), or serve on 127.0.0.1"]
    assert "Running on" not in run.stdout


def test_only_named_endpoints_are_listed_or_callable(
    server: Callable[..., tuple[Warmline, str]],
) -> None:
    _, url = server()
    info = httpx.get(f"{url}/gradio_api/info", timeout=30).json()
    names = set(info["named_endpoints"])
    assert {"/draft", "/search_contacts", "/pitch", "/import_file"} <= names
    assert not [n for n in names if n.startswith(("/initial", "/lambda", "/on_", "/run"))]
    assert not info.get("unnamed_endpoints")
    for hidden in ("initial", "initial_9", "lambda_7", "on_save", "on_delete"):
        answer = httpx.post(f"{url}/gradio_api/call/{hidden}", json={"data": []}, timeout=30)
        assert answer.status_code == 404, hidden
    assert httpx.post(f"{url}/gradio_api/call/search_contacts",
                      json={"data": ["x", 5, "", "", "", ""]}, timeout=30).status_code == 200


def test_files_outside_the_app_and_the_data_dir_are_forbidden(
    server: Callable[..., tuple[Warmline, str]], home: Path,
) -> None:
    _, url = server()
    secrets = [Path("/etc/passwd"), home / "warmline.sqlite3", home / "config.toml"]
    (home / "config.toml").write_text('api_key = "sk-test"\n', encoding="utf-8")
    for path in secrets:
        answer = httpx.get(f"{url}/gradio_api/file={path}", timeout=30)
        assert answer.status_code == 403, path
        assert b"root:" not in answer.content and b"sk-test" not in answer.content


def test_a_password_protects_every_route_even_on_all_interfaces(
    server: Callable[..., tuple[Warmline, str]],
) -> None:
    from gradio_client import Client

    _, url = server("0.0.0.0", auth_password="correct horse", auth_user="maya")  # noqa: S104
    assert httpx.get(f"{url}/gradio_api/info", timeout=30).status_code == 401
    answer = httpx.post(f"{url}/gradio_api/call/search_contacts",
                        json={"data": ["x", 5, "", "", "", ""]}, timeout=30)
    assert answer.status_code == 401
    wrong = httpx.post(f"{url}/login", data={"username": "maya", "password": "nope"}, timeout=30)
    assert wrong.status_code == 400
    client = Client(url, auth=("maya", "correct horse"), verbose=False, download_files=False)
    assert "/search_contacts" in client.view_api(print_info=False,
                                                 return_format="dict")["named_endpoints"]


def test_uploads_have_a_size_limit(server: Callable[..., tuple[Warmline, str]]) -> None:
    _, url = server()
    config = httpx.get(f"{url}/config", timeout=30).json()
    assert config["max_file_size"] == 50 * 1024 * 1024


@pytest.fixture
def client(server: Callable[..., tuple[Warmline, str]]) -> Any:
    from gradio_client import Client

    _, url = server()
    return Client(url, verbose=False, download_files=False)


def app_error(client: Any, *args: Any, api_name: str) -> str:
    """The one message the client gets for a refused call."""
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as error:
        client.predict(*args, api_name=api_name)
    return str(error.value)


@pytest.mark.parametrize(("args", "api_name", "expected"), [
    (("x" * 10_000, "", "", "", 20, False), "/search_contacts",
     "a search is at most 500 characters (this one has 10000); use a few words"),
    (("x" * 1_000_000, "", "", "", 20, False), "/search_contacts",
     "search_contacts: an argument is over 200,000 characters"),
    (("Priya", "", "", "", -5, False), "/search_contacts",
     "the number of results must be between 1 and 500, not -5"),
    (("Priya", "", "", "", "many", False), "/search_contacts",
     "search_contacts: invalid arguments; expected (query: str, tier: str, tag: str, "
     "company: str, limit: int, expand: bool)"),
    (("30s", "", "second"), "/pitch",
     "pitch: invalid arguments; expected (kind: str, audience: str, variant: int)"),
    (("nope", "Priya", "linkedin-dm"), "/draft",
     "no contact named or with id 'Priya'"),
])
def test_bad_api_arguments_get_one_clear_line(
    client: Any, args: tuple[Any, ...], api_name: str, expected: str,
) -> None:
    started = time.monotonic()
    assert app_error(client, *args, api_name=api_name) == expected
    assert time.monotonic() - started < 30


def test_a_malformed_raw_call_leaks_no_internals(
    server: Callable[..., tuple[Warmline, str]],
) -> None:
    _, url = server()
    for body in ({"data": ["only one"]}, {"data": "not a list"}, {"nothing": 1}):
        answer = httpx.post(f"{url}/gradio_api/call/search_contacts", json=body, timeout=30)
        text = answer.text
        if answer.status_code == 200:
            event = answer.json()["event_id"]
            text = httpx.get(f"{url}/gradio_api/call/search_contacts/{event}", timeout=30).text
        for internal in ("object at 0x", "Traceback", "invalid literal", "pydantic.dev",
                         "api_component"):
            assert internal not in text, (body, text)
