"""Which model to use: a small registry of providers keyed by name, with ``auto`` as default."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import urlparse

import httpx

from assistant.errors import ConfigError, ModelError
from assistant.settings import Provider, Settings

log = logging.getLogger(__name__)

OPENAI_BASE_URL = "https://api.openai.com/v1"
OPENAI_DEFAULT_MODEL = "gpt-4o-mini"
PROBE_TIMEOUT_S = 0.5
# Local runtimes by their usual port, so labels say what the user actually runs.
PORT_NAMES = {11434: "ollama", 1234: "lmstudio", 8080: "llamacpp", 8000: "vllm"}
MODEL_FILE_SUFFIXES = (".gguf", ".ggml", ".bin", ".safetensors")
_FILE_PATH = re.compile(r"^(?:/|\\.{1,2}[/\\\\]|~|[A-Za-z]:[/\\\\])")


@dataclass(frozen=True)
class ModelChoice:
    """The resolved engine: where it is, what it is called, and why it was chosen."""

    provider: Provider
    base_url: str = ""
    model: str = ""
    reason: str = ""

    @property
    def is_offline(self) -> bool:
        return self.provider is Provider.OFFLINE

    @property
    def label(self) -> str:
        """e.g. ``offline``, ``openai:gpt-4o-mini``, ``ollama:llama3.2``."""
        if self.is_offline:
            return "offline"
        if self.provider is Provider.OPENAI:
            return f"openai:{self.model}"
        port = urlparse(self.base_url).port
        runtime = PORT_NAMES.get(port or 0, "openai-compatible")
        # No model name yet: the server was down at start and is asked again on first use.
        return f"{runtime}:{model_display_name(self.model)}" if self.model else runtime


def model_display_name(model: str) -> str:
    """A model id fit for a label: llama.cpp's server names a model by its GGUF file path."""
    is_file = model.lower().endswith(MODEL_FILE_SUFFIXES) or bool(_FILE_PATH.match(model))
    if not is_file:
        return model  # "llama3.2:3b", "meta-llama/Llama-3.2-3B-Instruct": ids, not files
    name = PureWindowsPath(model).name if "\\" in model else PurePosixPath(model).name
    for suffix in MODEL_FILE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return name or model


def list_models(base_url: str, api_key: str = "", timeout_s: float = PROBE_TIMEOUT_S) -> list[str]:
    """Ask an OpenAI-compatible server for its model ids; raise ModelError if it does not answer."""
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    url = base_url.rstrip("/") + "/models"
    try:
        response = httpx.get(url, headers=headers, timeout=timeout_s)
        response.raise_for_status()
        data = response.json().get("data", [])
        return [str(m["id"]) for m in data if isinstance(m, dict) and "id" in m]
    except httpx.HTTPStatusError as e:
        msg = f"the model server at {base_url} answered {e.response.status_code} to GET /models"
        raise ModelError(msg) from e
    except httpx.TimeoutException as e:
        msg = f"the model server at {base_url} timed out after {timeout_s:g} s (GET /models)"
        raise ModelError(msg) from e
    except (httpx.HTTPError, ValueError, AttributeError) as e:
        msg = f"no OpenAI-compatible server answers at {base_url} ({type(e).__name__})"
        raise ModelError(msg) from e


def first_model(base_url: str, api_key: str, timeout_s: float) -> str:
    """The first model id a server lists; ModelError if it lists none or does not answer."""
    models = list_models(base_url, api_key, timeout_s)
    if not models:
        msg = f"the server at {base_url} lists no models; set the model name"
        raise ModelError(msg)
    return models[0]


def _offline(settings: Settings) -> ModelChoice:
    return ModelChoice(Provider.OFFLINE, reason="offline engine selected in settings")


def _openai(settings: Settings) -> ModelChoice:
    if not settings.openai_key():
        msg = "provider 'openai' needs an API key: set WARMLINE_API_KEY or OPENAI_API_KEY"
        raise ConfigError(msg)
    return ModelChoice(
        Provider.OPENAI,
        base_url=settings.base_url or OPENAI_BASE_URL,
        model=settings.model or OPENAI_DEFAULT_MODEL,
        reason="OpenAI selected in settings",
    )


def _compatible(settings: Settings) -> ModelChoice:
    if not settings.base_url:
        msg = "provider 'openai-compatible' needs base_url, e.g. http://127.0.0.1:11434/v1"
        raise ConfigError(msg)
    model, reason = settings.model, "endpoint set in settings"
    if not model:
        try:
            model = first_model(settings.base_url, settings.openai_key(), settings.timeout_s)
        except ModelError as e:
            # The user chose this server: it may start after Warmline does, so it is not
            # replaced by the offline engine for good; the backend asks again on first use.
            reason = f"{e}; drafts use the offline engine until it answers"
    return ModelChoice(Provider.OPENAI_COMPATIBLE, settings.base_url, model, reason=reason)


def _auto(settings: Settings) -> ModelChoice:
    if settings.openai_key() and not settings.base_url:
        choice = _openai(settings)
        return ModelChoice(choice.provider, choice.base_url, choice.model, "an OpenAI key is set")
    if settings.base_url:
        try:
            model = settings.model or first_model(
                settings.base_url, settings.openai_key(), settings.timeout_s
            )
        except ModelError as e:
            return ModelChoice(Provider.OFFLINE, reason=f"{e}; using the offline engine")
        return ModelChoice(
            Provider.OPENAI_COMPATIBLE, settings.base_url, model, reason="endpoint set in settings"
        )
    for port in settings.detect_ports:
        base_url = f"http://127.0.0.1:{port}/v1"
        try:
            models = list_models(base_url)
        except ModelError:
            continue
        if models:
            model = settings.model if settings.model in models else models[0]
            reason = f"found a {PORT_NAMES.get(port, 'model')} server on 127.0.0.1:{port}"
            return ModelChoice(Provider.OPENAI_COMPATIBLE, base_url, model, reason)
    return ModelChoice(
        Provider.OFFLINE, reason="no API key and no local model server found; offline engine"
    )


PROVIDERS: dict[Provider, Callable[[Settings], ModelChoice]] = {
    Provider.AUTO: _auto,
    Provider.OFFLINE: _offline,
    Provider.OPENAI: _openai,
    Provider.OPENAI_COMPATIBLE: _compatible,
}


def resolve_model(settings: Settings) -> ModelChoice:
    """Pick the engine the settings ask for (``auto`` probes loopback only)."""
    choice = PROVIDERS[settings.provider](settings)
    log.info("engine: %s (%s)", choice.label, choice.reason)
    return choice
