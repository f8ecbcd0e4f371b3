"""Tool calling through LangChain: the model picks functions (OpenAI function calling).

Function calling works on the llama.cpp server; ``json_schema`` response formats do not, so
tools are sent as plain OpenAI function definitions and the model's ``tool_calls`` are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import BaseMessage

from assistant.errors import ModelError
from assistant.llm.chat import ChatBackend


@dataclass(frozen=True)
class ToolSpec:
    """A function the model may call: its name, what it does, its JSON-schema parameters."""

    name: str
    description: str
    properties: dict[str, Any] = field(default_factory=dict)
    required: tuple[str, ...] = ()

    def to_openai(self) -> dict[str, Any]:
        """The OpenAI ``tools`` entry."""
        return {"type": "function", "function": {
            "name": self.name, "description": self.description,
            "parameters": {"type": "object", "properties": self.properties,
                           "required": list(self.required)}}}


def pick_tools(backend: ChatBackend, messages: Sequence[BaseMessage],
               tools: Sequence[ToolSpec]) -> list[tuple[str, dict[str, Any]]]:
    """The (name, arguments) of each tool the model chose; empty when it chose none."""
    try:
        backend.record(messages, "tool choice")
        bound = backend.model.bind_tools([t.to_openai() for t in tools])
        reply = bound.invoke(list(messages))
    except ModelError:
        raise
    except Exception as e:  # openai and langchain errors alike: the coach falls back offline
        msg = f"the model {backend.label} could not choose a tool: {type(e).__name__}: {e}"
        raise ModelError(msg) from e
    calls = getattr(reply, "tool_calls", None) or []
    return [(str(c["name"]), dict(c.get("args") or {})) for c in calls]
