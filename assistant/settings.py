"""Settings: environment (``WARMLINE_*``) over ``$WARMLINE_HOME/config.toml`` over defaults."""

from __future__ import annotations

import os
import tomllib
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from assistant.errors import ConfigError

CONFIG_FILE = "config.toml"
# Shipped with the package (links to the top-level prompts/ and knowledge/ in a checkout).
PROMPTS_DIR = Path(str(resources.files("assistant") / "prompts"))
KNOWLEDGE_DIR = Path(str(resources.files("assistant") / "knowledge"))


class Provider(StrEnum):
    AUTO = "auto"
    OFFLINE = "offline"
    OPENAI = "openai"
    OPENAI_COMPATIBLE = "openai-compatible"


class EmbeddingProvider(StrEnum):
    ONNX = "onnx"  # all-MiniLM-L6-v2 int8, shipped in a pip package
    OPENAI_COMPATIBLE = "openai-compatible"  # any /embeddings endpoint


def default_home() -> Path:
    """The user's data dir: ``$WARMLINE_HOME`` or ``$XDG_DATA_HOME/warmline``."""
    if env := os.environ.get("WARMLINE_HOME"):
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "warmline"


class Settings(BaseSettings):
    """Everything a user can configure. Every field is editable in the Settings tab."""

    model_config = SettingsConfigDict(env_prefix="WARMLINE_", extra="ignore")

    home: Path = Field(default_factory=default_home, description="Where all data lives.")
    provider: Provider = Field(
        default=Provider.AUTO,
        description="auto: an OpenAI key, else a local OpenAI-compatible server, else offline.",
    )
    base_url: str = Field(default="", description="OpenAI-compatible endpoint, e.g. Ollama's.")
    model: str = Field(default="", description="Model name; empty picks the server's first.")
    api_key: SecretStr = Field(
        default=SecretStr(""), description="API key, if the server needs one."
    )
    timeout_s: float = Field(default=30.0, gt=0, le=600, description="Per-request model timeout.")
    max_retries: int = Field(default=1, ge=0, le=5, description="Retries after a failed call.")
    detect_ports: list[int] = Field(
        default=[11434, 1234, 8080],
        description="Loopback ports probed by auto: Ollama, LM Studio, llama.cpp server.",
    )
    embedding_provider: EmbeddingProvider = Field(
        default=EmbeddingProvider.ONNX, description="Which embedding model indexes your notes."
    )
    embedding_base_url: str = Field(
        default="", description="Endpoint for openai-compatible embeddings."
    )
    embedding_model: str = Field(
        default="", description="Model name for openai-compatible embeddings."
    )
    host: str = Field(default="127.0.0.1", description="Web UI bind address.")
    port: int = Field(default=7860, ge=1, le=65535, description="Web UI port.")
    auth_user: str = Field(
        default="warmline", min_length=1, description="Web UI login name (with auth_password)."
    )
    auth_password: SecretStr = Field(
        default=SecretStr(""),
        description="Web UI password; required to serve on any address but loopback.",
    )
    prompts_dir: Path = Field(default=PROMPTS_DIR, description="Prompt files.")
    knowledge_dir: Path = Field(default=KNOWLEDGE_DIR, description="Seed knowledge.")

    @field_validator("base_url", "embedding_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        """An endpoint is an http(s) address with a host, or empty (none set)."""
        value = value.strip()
        if not value:
            return value
        parsed = urlparse(value)
        if parsed.scheme not in {"http", "https"} or not parsed.hostname or " " in value:
            shown = value if len(value) <= 60 else value[:59] + "…"
            msg = (f"'{shown}' is not a model server address; use an http:// or https:// URL "
                   "such as http://127.0.0.1:11434/v1")
            raise ValueError(msg)
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=default_home() / CONFIG_FILE)
        return (init_settings, env_settings, toml)

    @property
    def config_path(self) -> Path:
        return self.home / CONFIG_FILE

    def openai_key(self) -> str:
        """The API key from settings, falling back to the standard ``OPENAI_API_KEY``."""
        return self.api_key.get_secret_value() or os.environ.get("OPENAI_API_KEY", "")


def load_settings(**overrides: Any) -> Settings:
    """Load settings, turning validation and TOML errors into one clear line."""
    try:
        return Settings(**overrides)
    except ValidationError as e:
        msg = f"{setting_error(e)} (check {default_home() / CONFIG_FILE})"
        raise ConfigError(msg) from e
    except tomllib.TOMLDecodeError as e:
        msg = f"cannot read {default_home() / CONFIG_FILE}: {e}"
        raise ConfigError(msg) from e


def setting_error(error: ValidationError) -> str:
    """The first problem as one line: 'invalid setting base_url: ...'."""
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"invalid setting {where}: {str(first['msg']).removeprefix('Value error, ')}"


EDITABLE_FIELDS = ("provider", "base_url", "model", "api_key", "timeout_s", "max_retries")


def save_settings(settings: Settings, changes: dict[str, Any]) -> Settings:
    """Validate ``changes``, write them to the config file atomically, return new settings."""
    current: dict[str, Any] = {}
    if settings.config_path.exists():
        current = tomllib.loads(settings.config_path.read_text(encoding="utf-8"))
    current.update({k: v for k, v in changes.items() if v is not None})
    try:
        validated = Settings.model_validate({**settings.model_dump(), **current})
    except ValidationError as e:
        raise ConfigError(setting_error(e)) from e
    settings.home.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = settings.config_path.with_suffix(".tmp")
    tmp.write_text(_to_toml(current), encoding="utf-8")
    tmp.chmod(0o600)  # it may hold an API key
    tmp.replace(settings.config_path)
    return validated


def _to_toml(values: dict[str, Any]) -> str:
    lines = []
    for key, value in sorted(values.items()):
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int | float):
            lines.append(f"{key} = {value}")
        elif isinstance(value, list):
            lines.append(f"{key} = [{', '.join(str(v) for v in value)}]")
        else:
            escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{key} = "{escaped}"')
    return "\n".join(lines) + "\n"
