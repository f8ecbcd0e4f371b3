"""Settings: env over config file over defaults; saving is validated and atomic."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.settings import Provider, load_settings, save_settings


def test_defaults_are_private_and_offline_friendly(home: Path) -> None:
    settings = load_settings()
    assert settings.home == home
    assert settings.host == "127.0.0.1"
    assert settings.provider is Provider.AUTO
    assert settings.timeout_s <= 60 and settings.max_retries <= 2


def test_env_overrides_config_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (home / "config.toml").write_text('model = "from-file"\ntimeout_s = 12\n', encoding="utf-8")
    assert load_settings().model == "from-file"
    monkeypatch.setenv("WARMLINE_MODEL", "from-env")
    settings = load_settings()
    assert (settings.model, settings.timeout_s) == ("from-env", 12)


def test_invalid_value_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARMLINE_TIMEOUT_S", "soon")
    with pytest.raises(ConfigError, match="invalid setting timeout_s"):
        load_settings()


def test_broken_config_file_is_reported(home: Path) -> None:
    (home / "config.toml").write_text("provider = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings()


def test_save_round_trip_keeps_key_private(home: Path) -> None:
    settings = load_settings()
    saved = save_settings(
        settings,
        {
            "provider": "openai-compatible",
            "base_url": "http://127.0.0.1:1234/v1",
            "api_key": "sk-x",
        },
    )
    assert saved.provider is Provider.OPENAI_COMPATIBLE
    reloaded = load_settings()
    assert reloaded.base_url == "http://127.0.0.1:1234/v1"
    assert reloaded.api_key.get_secret_value() == "sk-x"
    assert (home / "config.toml").stat().st_mode & 0o077 == 0


def test_save_rejects_invalid_values_and_keeps_file(home: Path) -> None:
    settings = load_settings()
    save_settings(settings, {"model": "good"})
    before = (home / "config.toml").read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match="provider"):
        save_settings(settings, {"provider": "telepathy"})
    assert (home / "config.toml").read_text(encoding="utf-8") == before
