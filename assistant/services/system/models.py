"""Model settings as a service: test a connection, save and switch engines at run time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from assistant.errors import ConfigError, WarmlineError
from assistant.llm.chat import ChatBackend, build_chat_backend
from assistant.llm.providers import ModelChoice, resolve_model
from assistant.settings import EDITABLE_FIELDS, Provider, Settings, save_settings, setting_error

# The Settings tab has a key field; the CLI's message (environment variables) does not fit.
MISSING_KEY = ("the openai provider needs an API key: paste it into the 'API key' field above "
               "and press Save (or choose another provider)")
Switch = Callable[[ModelChoice, ChatBackend | None], None]


class ModelSettingsService:
    """What the Settings tab does, without the tab knowing about models."""

    def __init__(
        self, settings: Settings, current: Callable[[], ModelChoice], switch: Switch
    ) -> None:
        self.settings = settings
        self.current = current
        self.switch = switch

    def status(self) -> dict[str, str]:
        """The engine in use and why."""
        choice = self.current()
        return {"engine": choice.label, "reason": choice.reason}

    def fields(self) -> dict[str, Any]:
        """The editable model fields (the API key is never echoed back)."""
        values = {name: getattr(self.settings, name) for name in EDITABLE_FIELDS}
        values["provider"] = self.settings.provider.value
        values["api_key"] = ""
        return values

    def test_connection(self, changes: dict[str, Any]) -> tuple[bool, str]:
        """Try the model these fields describe with a tiny request; never raises."""
        try:
            candidate = self._candidate(changes)
            choice = resolve_model(candidate)
            backend = build_chat_backend(choice, candidate)
            if backend is None:
                return True, f"offline engine ({choice.reason})"
            return True, backend.check()
        except WarmlineError as e:
            return False, str(e)
        except ValueError as e:
            return False, f"invalid settings: {str(e).splitlines()[0]}"

    def _candidate(self, changes: dict[str, Any]) -> Settings:
        """The settings these fields describe, validated; refuses what the tab can fix."""
        try:
            # Validate the merged fields (not model_copy, which skips validation and leaves
            # e.g. the provider a plain string that pydantic then warns about when dumping).
            candidate = type(self.settings).model_validate(
                {**self.settings.model_dump(),
                 **{k: v for k, v in _clean(changes).items() if v is not None}})
        except ValidationError as e:
            raise ConfigError(setting_error(e)) from e
        if candidate.provider is Provider.OPENAI and not candidate.openai_key():
            raise ConfigError(MISSING_KEY)
        return candidate

    def save(self, changes: dict[str, Any]) -> str:
        """Write the fields to the config file and switch to the engine they describe;
        fields that cannot work are refused before anything is written."""
        self._candidate(changes)
        updated = save_settings(self.settings, _clean(changes))
        self.settings = updated
        choice = resolve_model(updated)
        self.switch(choice, build_chat_backend(choice, updated))
        return f"saved; engine in use: {choice.label} ({choice.reason})"


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    # An empty API key field means "keep the stored one", not "erase it".
    return {
        k: v for k, v in changes.items() if k in EDITABLE_FIELDS and not (k == "api_key" and not v)
    }
