"""One interface for all writing: the model when it is there and behaves, else offline."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage

from assistant.errors import ModelError
from assistant.llm.chat import ChatBackend
from assistant.llm.guard import Guard, Limits
from assistant.llm.prompts import PromptLibrary

log = logging.getLogger(__name__)

OFFLINE = "offline"
RETRY_PROMPT = "guard_retry"


@dataclass
class WriteRequest:
    """What a service wants written.

    ``variables`` fill ``prompts/<task>.yaml``; ``offline`` is the deterministic writer used
    when no model is configured or the model fails; ``sources`` are the texts every name and
    number in the output must come from.
    """

    task: str
    variables: dict[str, str]
    offline: Callable[[], str]
    sources: Sequence[str] = ()
    limits: Limits = field(default_factory=Limits)
    on_token: Callable[[str], None] | None = None


@dataclass
class WriteResult:
    text: str
    engine: str
    notice: str = ""
    # What the model said before the guard, for evals: raw outputs and their problems.
    raw_outputs: list[str] = field(default_factory=list)
    raw_problems: list[list[str]] = field(default_factory=list)
    seconds: float = 0.0
    prompt_version: int | None = None


class Writer:
    """Renders the task's prompt, calls the model, guards the output, falls back offline."""

    def __init__(self, prompts: PromptLibrary, backend: ChatBackend | None, guard: Guard) -> None:
        self.prompts = prompts
        self.backend = backend
        self.guard = guard

    @property
    def engine(self) -> str:
        return self.backend.label if self.backend else OFFLINE

    def write(self, request: WriteRequest) -> WriteResult:
        """Write ``request`` with the best engine available; never raises for model trouble."""
        started = time.perf_counter()
        if self.backend is None:
            return WriteResult(request.offline(), OFFLINE, seconds=time.perf_counter() - started)
        spec = self.prompts.get(request.task)
        messages: list[BaseMessage] = spec.template().format_messages(**request.variables)
        result = WriteResult(text="", engine=self.backend.label, prompt_version=spec.version)
        try:
            for attempt in range(2):
                raw = self.backend.complete(messages, request.on_token)
                text = clean_output(raw)
                problems = self.guard.problems(text, request.sources, request.limits)
                result.raw_outputs.append(raw)
                result.raw_problems.append(problems)
                if not problems:
                    result.text = text
                    result.engine = self.backend.label  # the model's name may be known only now
                    break
                if attempt == 0:
                    messages = [*messages, AIMessage(content=raw), self._retry_message(problems)]
            else:
                result.text = request.offline()
                result.engine = OFFLINE
                result.notice = (
                    f"{self.backend.label}'s draft was set aside ({'; '.join(problems)}); "
                    "this is the offline engine's version"
                )
        except ModelError as e:
            log.warning("model failed, using the offline engine: %s", e)
            result.text = request.offline()
            result.engine = OFFLINE
            result.notice = f"{e}. This draft was written by the offline engine instead."
        result.seconds = time.perf_counter() - started
        return result

    def _retry_message(self, problems: list[str]) -> HumanMessage:
        template = self.prompts.get(RETRY_PROMPT).template()
        rendered = template.format_messages(problems="\n".join(f"- {p}" for p in problems))
        return HumanMessage(content=str(rendered[-1].content))


def clean_output(raw: str) -> str:
    """Strip what small models wrap drafts in: think blocks, code fences, quotes."""
    text = raw
    if "</think>" in text:
        text = text.split("</think>", 1)[1]
    text = text.strip()
    if text.startswith("```") and text.endswith("```"):
        text = text.strip("`").split("\n", 1)[-1]
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    return text.strip()
