"""Serving: loopback without a login, anything else only with a password; a minimal API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import SecretStr

from assistant.errors import ConfigError
from assistant.settings import load_settings
from assistant.ui.server import PublicCallsOnly, is_loopback, login_for, restrict_api
from assistant.ui.shell import build_ui


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_hosts_need_no_login(host: str) -> None:
    assert is_loopback(host)
    assert login_for(load_settings(), host) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "my-laptop.local", ""])  # noqa: S104
def test_any_other_address_without_a_password_is_refused(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(ConfigError) as error:
        login_for(load_settings(), host)
    assert str(error.value).startswith(f"refusing to serve on {host} without a password")
    assert "WARMLINE_AUTH_PASSWORD" in str(error.value)


def test_a_password_from_the_environment_turns_the_login_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WARMLINE_AUTH_PASSWORD", "correct horse")
    monkeypatch.setenv("WARMLINE_AUTH_USER", "maya")
    settings = load_settings()
    assert login_for(settings, "0.0.0.0") == [("maya", "correct horse")]  # noqa: S104
    assert login_for(settings, "127.0.0.1") == [("maya", "correct horse")]
    assert "correct horse" not in repr(settings)


def test_the_password_from_config_toml_is_used(home: Any) -> None:
    (home / "config.toml").write_text('host = "0.0.0.0"\nauth_password = "s3cret"\n',
                                      encoding="utf-8")
    settings = load_settings()
    assert login_for(settings, settings.host) == [("warmline", "s3cret")]
    assert settings.auth_password == SecretStr("s3cret")


def test_only_the_scripted_endpoints_stay_public(app_factory: Callable[..., Any]) -> None:
    blocks = build_ui(app_factory(provider="offline"))
    before = {fn.api_name for fn in blocks.fns.values() if fn.api_visibility == "public"}
    public = restrict_api(blocks)
    after = {fn.api_name for fn in blocks.fns.values() if fn.api_visibility == "public"}
    assert any(str(name).startswith("initial") for name in before)  # what the fix removes
    assert public == after
    assert {"pitch", "draft", "search_contacts", "import_file"} <= public
    assert not any(name.startswith(("initial", "lambda", "on_", "run")) for name in public)
    assert set(blocks.get_api_info()["named_endpoints"]) == {f"/{name}" for name in public}


@pytest.mark.parametrize(("path", "refused"), [
    ("/gradio_api/call/draft", False),
    ("/gradio_api/call/draft/abc123", False),
    ("/gradio_api/call/v2/draft", False),
    ("/gradio_api/call/initial_3", True),
    ("/gradio_api/call/on_save", True),
    ("/gradio_api/call/v2/lambda_7", True),
    ("/gradio_api/call/", True),
    ("/gradio_api/info", False),
    ("/gradio_api/queue/join", False),
])
def test_calls_by_name_reach_only_public_endpoints(path: str, refused: bool) -> None:
    guard = PublicCallsOnly(app=None, public=frozenset({"draft"}))  # type: ignore[arg-type]
    assert guard._refused(path) is refused
