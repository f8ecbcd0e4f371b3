"""Prompt files: ``prompts/<task>.yaml`` validated against a strict schema, built as f-strings."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from pydantic import BaseModel, Field, ValidationError

from assistant.errors import PromptError

if TYPE_CHECKING:  # LangChain's templates cost ~0.5 s to import: loaded on the first render
    from langchain_core.prompts import ChatPromptTemplate


class PromptMessage(BaseModel):
    role: Literal["system", "human", "ai"]
    content: str = Field(min_length=1)


class PromptSpec(BaseModel):
    """One prompt file."""

    name: str
    version: int = Field(ge=1)
    description: str
    input_variables: list[str]
    messages: list[PromptMessage] = Field(min_length=1)

    def template(self) -> ChatPromptTemplate:
        """A LangChain chat template in f-string format (never Jinja: user data is data)."""
        from langchain_core.prompts import ChatPromptTemplate

        return ChatPromptTemplate.from_messages(
            [(m.role, m.content) for m in self.messages], template_format="f-string"
        )

    def render(self, variables: dict[str, str]) -> list[BaseMessage]:
        """The chat messages with ``variables`` filled in."""
        return self.template().format_messages(**variables)


def reply_turn(text: str) -> BaseMessage:
    """A model's earlier reply, to send back with a correction."""
    return AIMessage(content=text)


def user_turn(text: str) -> BaseMessage:
    """One more message from the user's side of the conversation."""
    return HumanMessage(content=text)


def load_prompt_file(path: Path) -> PromptSpec:
    """Read and validate one prompt file; any mismatch is a PromptError naming the file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        msg = f"cannot read prompt file {path}: {e}"
        raise PromptError(msg) from e
    try:
        spec = PromptSpec.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        msg = f"prompt file {path} is invalid at {'.'.join(map(str, first['loc']))}: {first['msg']}"
        raise PromptError(msg) from e
    if spec.name != path.stem:
        msg = f"prompt file {path} declares name '{spec.name}'; it must match the file name"
        raise PromptError(msg)
    try:
        used = set(spec.template().input_variables)
    except (ValueError, KeyError) as e:
        msg = f"prompt file {path} has a malformed placeholder: {e}"
        raise PromptError(msg) from e
    declared = set(spec.input_variables)
    if used != declared:
        missing = sorted(used - declared)
        unused = sorted(declared - used)
        msg = (
            f"prompt file {path}: declared input_variables do not match the template "
            f"(used but not declared: {missing or 'none'}; declared but unused: {unused or 'none'})"
        )
        raise PromptError(msg)
    return spec


class PromptLibrary:
    """Loads prompts from a folder on first use and caches them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cache: dict[str, PromptSpec] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> PromptSpec:
        """The validated prompt ``name``."""
        with self._lock:
            if name not in self._cache:
                path = self.folder / f"{name}.yaml"
                if not path.is_file():
                    msg = f"no prompt file {path}"
                    raise PromptError(msg)
                self._cache[name] = load_prompt_file(path)
            return self._cache[name]

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.yaml"))

    def versions(self) -> dict[str, int]:
        """Every prompt's version, for eval reports."""
        return {name: self.get(name).version for name in self.names()}

    def validate_all(self) -> list[str]:
        """Load every prompt; return the names (raises on the first invalid one)."""
        return [self.get(name).name for name in self.names()]
