"""Shared fakes: a queued, recording chat model and embeddings with predictable geometry."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator
from typing import Any

import httpx
import openai
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field

from assistant.llm.chat import ChatBackend


class FakeChatModel(BaseChatModel):
    """Replies from a queue (strings, or exceptions to raise) and records every prompt."""

    replies: list[Any] = Field(default_factory=list)
    received: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "fake-queued"

    def enqueue(self, *replies: Any) -> FakeChatModel:
        self.replies.extend(replies)
        return self

    def _next(self, messages: list[BaseMessage]) -> str:
        self.received.append(list(messages))
        if not self.replies:
            msg = "FakeChatModel has no reply queued"
            raise AssertionError(msg)
        reply = self.replies.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        return str(reply)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(self._next(messages)))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        text = self._next(messages)
        for piece in re.findall(r"\S+\s*|\s+", text):
            yield ChatGenerationChunk(message=AIMessageChunk(content=piece))

    def prompt_text(self, call: int = -1) -> str:
        """Everything sent in one call, joined, for exact assertions."""
        return "\n".join(str(m.content) for m in self.received[call])


def fake_backend(model: FakeChatModel, label: str = "fake:model") -> ChatBackend:
    return ChatBackend(model, label, base_url="http://127.0.0.1:9/v1")


def connection_error() -> openai.APIConnectionError:
    return openai.APIConnectionError(request=httpx.Request("POST", "http://127.0.0.1:9/v1"))


def timeout_error() -> openai.APITimeoutError:
    return openai.APITimeoutError(request=httpx.Request("POST", "http://127.0.0.1:9/v1"))


class HashEmbeddings(Embeddings):
    """Bag-of-words hashed into 256 dims: texts that share words are close, others are not."""

    dimension = 256

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dimension
        for word in re.findall(r"[a-z0-9]+", text.lower()):
            digest = hashlib.md5(word.encode(), usedforsecurity=False).digest()
            vec[int.from_bytes(digest[:4], "little") % self.dimension] += 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return (
            [v / norm for v in vec]
            if any(vec)
            else [1.0 / math.sqrt(self.dimension)] * self.dimension
        )

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)
