"""The one real model path: ``ChatOpenAI`` for OpenAI and every OpenAI-compatible server."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import openai
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant.errors import ModelError
from assistant.llm.providers import ModelChoice, list_models
from assistant.settings import Settings

log = logging.getLogger(__name__)


class ChatBackend:
    """A chat model plus the label that drafts carry (``ollama:llama3.2``)."""

    def __init__(self, model: BaseChatModel, label: str, base_url: str = "") -> None:
        self.model = model
        self.label = label
        self.base_url = base_url

    def complete(
        self, messages: Sequence[BaseMessage], on_token: Callable[[str], None] | None = None
    ) -> str:
        """Stream a reply, calling ``on_token`` per chunk; return the whole text."""
        parts: list[str] = []
        try:
            for chunk in self.model.stream(list(messages)):
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
        return "".join(parts)

    def check(self) -> str:
        """Test the connection with a tiny request; return a one-line success message."""
        from langchain_core.messages import HumanMessage

        reply = self.complete([HumanMessage(content="Reply with the single word: ready")])
        return f"{self.label} answered ({len(reply)} characters)"


def build_chat_backend(choice: ModelChoice, settings: Settings) -> ChatBackend | None:
    """A ChatOpenAI for the chosen endpoint, or None for the offline engine."""
    if choice.is_offline:
        return None
    from langchain_openai import ChatOpenAI

    # The openai SDK defaults are 600 s and 2 retries: a hung server would freeze the UI.
    model = ChatOpenAI(
        base_url=choice.base_url,
        api_key=settings.openai_key() or "not-needed",  # type: ignore[arg-type]
        model=choice.model,
        timeout=settings.timeout_s,
        max_retries=settings.max_retries,
        temperature=0.4,
        streaming=True,
    )
    return ChatBackend(model, choice.label, choice.base_url)


def probe(choice: ModelChoice, settings: Settings) -> str:
    """Cheap reachability check for ``doctor``: list the server's models."""
    if choice.is_offline:
        return "offline engine (no model server needed)"
    models = list_models(choice.base_url, settings.openai_key(), min(settings.timeout_s, 5.0))
    return f"{choice.base_url} answers; {len(models)} model(s), using {choice.model}"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
