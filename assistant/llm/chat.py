"""The one real model path: ``ChatOpenAI`` for OpenAI and every OpenAI-compatible server."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from assistant.errors import ModelError
from assistant.llm.providers import ModelChoice, first_model, list_models
from assistant.settings import Provider, Settings

if TYPE_CHECKING:  # langchain's model classes cost ~1 s to import: only a real model needs them
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

log = logging.getLogger(__name__)
# Told (endpoint, model label, messages, purpose) before each request: the outbound log.
Recorder = Callable[[str, str, list[dict[str, str]], str], object]

MAX_OUTPUT_TOKENS = 1024  # ~750 words: more than any text Warmline writes


class ChatBackend:
    """A chat model plus the label that drafts carry (``ollama:llama3.2``)."""

    def __init__(
        self,
        model: BaseChatModel,
        label: str,
        base_url: str = "",
        lookup: Callable[[], ModelChoice] | None = None,
        cap: Callable[[int], dict[str, Any]] | None = None,
    ) -> None:
        self.model = model
        self.label = label
        self.base_url = base_url
        # How this endpoint takes a per-call output cap (its request fields for n tokens).
        self._cap = cap or (lambda n: {"max_tokens": n})
        # Set when the server was down at start: names the model on the first call instead.
        self._lookup = lookup
        self.recorder: Recorder | None = None

    def record(self, messages: Sequence[BaseMessage], purpose: str) -> None:
        """Write what is about to be sent to the outbound log (when there is one)."""
        if self.recorder is not None:
            self.recorder(self.base_url, self.label, as_dicts(messages), purpose)

    def _ensure_model(self) -> None:
        if self._lookup is None:
            return
        resolved = self._lookup()  # raises ModelError while the server is still away
        self.model.model_name = resolved.model  # type: ignore[attr-defined]
        self.label = resolved.label
        self._lookup = None
        log.info("model server answered; using %s", self.label)

    def complete(
        self,
        messages: Sequence[BaseMessage],
        on_token: Callable[[str], None] | None = None,
        max_tokens: int | None = None,
    ) -> str:
        """Stream a reply, calling ``on_token`` per chunk; return the whole text.

        ``max_tokens`` caps this reply below the backend's ``MAX_OUTPUT_TOKENS``.
        """
        import openai  # here, not at the top: 0.4 s of every CLI command that never calls it

        self._ensure_model()
        self.record(messages, "completion")
        parts: list[str] = []
        extra = self._cap(min(max_tokens, MAX_OUTPUT_TOKENS)) if max_tokens else {}
        try:
            for chunk in self.model.stream(list(messages), **extra):
                text = chunk.content if isinstance(chunk.content, str) else str(chunk.content)
                if text:
                    parts.append(text)
                    if on_token:
                        on_token(text)
        except openai.APITimeoutError as e:
            msg = f"the model {self.label} timed out"
            raise ModelError(msg) from e
        except openai.APIConnectionError as e:
            msg = f"the model {self.label} is not reachable at {self.base_url or 'its endpoint'}"
            raise ModelError(msg) from e
        except openai.AuthenticationError as e:
            msg = f"the model {self.label} rejected the API key; check it in Settings"
            raise ModelError(msg) from e
        except openai.APIStatusError as e:
            msg = f"the model {self.label} answered HTTP {e.status_code}: {_short(e.message)}"
            raise ModelError(msg) from e
        except openai.OpenAIError as e:
            msg = f"the model {self.label} failed: {_short(str(e))}"
            raise ModelError(msg) from e
        except ValueError as e:
            # langchain raises ValueError when a stream ends without a single chunk.
            if parts:
                raise
            raise ModelError(self._empty_reply()) from e
        text = "".join(parts)
        if not text.strip():
            raise ModelError(self._empty_reply())
        return text

    def _empty_reply(self) -> str:
        return (
            f"the model {self.label} sent an empty reply; check the model server's log "
            "(a prompt longer than its context size, e.g. llama.cpp's --n_ctx, ends this way) "
            "or choose another model in Settings"
        )

    def check(self) -> str:
        """Test the connection with a tiny request; return a one-line success message."""
        from langchain_core.messages import HumanMessage

        reply = self.complete([HumanMessage(content="Reply with the single word: ready")])
        return f"{self.label} answered ({len(reply)} characters)"


def as_dicts(messages: Sequence[BaseMessage]) -> list[dict[str, str]]:
    """Messages as the endpoint receives them: role and text."""
    roles = {"human": "user", "ai": "assistant"}
    return [{"role": roles.get(m.type, m.type),
             "content": m.content if isinstance(m.content, str) else str(m.content)}
            for m in messages]


def build_chat_backend(choice: ModelChoice, settings: Settings,
                       recorder: Recorder | None = None) -> ChatBackend | None:
    """A ChatOpenAI for the chosen endpoint, or None for the offline engine."""
    if choice.is_offline:
        return None
    from langchain_openai import ChatOpenAI

    # Streaming reads never time out while tokens flow: without a cap a rambling local model
    # holds the UI until its context is full. langchain sends ``max_completion_tokens``, which
    # OpenAI wants but llama.cpp's server ignores; local runtimes all read ``max_tokens``.
    cap = _openai_cap if choice.provider is Provider.OPENAI else _local_cap
    # The openai SDK defaults are 600 s and 2 retries: a hung server would freeze the UI.
    model = ChatOpenAI(
        base_url=choice.base_url,
        api_key=settings.openai_key() or "not-needed",  # type: ignore[arg-type]
        model=choice.model,
        timeout=settings.timeout_s,
        max_retries=settings.max_retries,
        temperature=0.4,
        streaming=True,
        **cap(MAX_OUTPUT_TOKENS),
    )
    lookup = None if choice.model else partial(_name_model, choice, settings)
    backend = ChatBackend(model, choice.label, choice.base_url, lookup, cap)
    backend.recorder = recorder
    return backend


def _openai_cap(tokens: int) -> dict[str, Any]:
    return {"max_completion_tokens": tokens}


def _local_cap(tokens: int) -> dict[str, Any]:
    return {"extra_body": {"max_tokens": tokens}}


def _name_model(choice: ModelChoice, settings: Settings) -> ModelChoice:
    name = first_model(choice.base_url, settings.openai_key(), settings.timeout_s)
    return replace(choice, model=name)


def probe(choice: ModelChoice, settings: Settings) -> str:
    """Cheap reachability check for ``doctor``: list the server's models."""
    if choice.is_offline:
        return "offline engine (no model server needed)"
    models = list_models(choice.base_url, settings.openai_key(), min(settings.timeout_s, 5.0))
    using = choice.model or (models[0] if models else "none listed")
    return f"{choice.base_url} answers; {len(models)} model(s), using {using}"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
