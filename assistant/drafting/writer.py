"""One interface for all writing: the model when it is there and behaves, else offline."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assistant.drafting.guard import Guard, Limits
from assistant.errors import ModelError
from assistant.llm.chat import ChatBackend
from assistant.llm.prompts import BaseMessage, PromptLibrary, reply_turn, user_turn

log = logging.getLogger(__name__)

OFFLINE = "offline"
RETRY_PROMPT = "guard_retry"
CAP_SLACK_TOKENS = 64
BLOCK_LABEL = r"[A-Z][A-Z0-9 _-]*[A-Z0-9]"  # NOTES, PROOF POINTS: what opens a <<<block
_BLOCK_OPEN = re.compile(rf"<<<({BLOCK_LABEL})[ \t]*$", re.MULTILINE)


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
    # A message to a person: the guard also checks it speaks to them and copies no note.
    recipient: str = ""
    notes: Sequence[str] = ()


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

    def render(self, request: WriteRequest) -> list[BaseMessage]:
        """The messages a model gets for ``request`` (first try), for "what leaves" previews."""
        return self.prompts.get(request.task).render(request.variables)

    def write(self, request: WriteRequest) -> WriteResult:
        """Write ``request`` with the best engine available; never raises for model trouble."""
        started = time.perf_counter()
        if self.backend is None:
            return WriteResult(request.offline(), OFFLINE, seconds=time.perf_counter() - started)
        spec = self.prompts.get(request.task)
        messages = spec.render(request.variables)
        labels = block_labels(messages)
        # The prompt's own block labels (NOTES, PROFILE...) are words the model was shown, not
        # claims about anyone: as sources, an echo that survives stripping is no invention.
        sources = [*request.sources, *labels]
        prompt = [str(m.content) for m in messages]  # what an answer must not merely repeat
        result = WriteResult(text="", engine=self.backend.label, prompt_version=spec.version)
        try:
            for attempt in range(2):
                raw = self.backend.complete(messages, request.on_token, token_cap(request.limits))
                text = strip_block_labels(clean_output(raw), labels)
                problems = [
                    *self.guard.problems(text, sources, request.limits),
                    *self.guard.echoes(text, prompt),
                    *self.guard.voice(text, request.recipient, request.notes),
                ]
                result.raw_outputs.append(raw)
                result.raw_problems.append(problems)
                if not problems:
                    result.text = text
                    result.engine = self.backend.label  # the model's name may be known only now
                    break
                if attempt == 0:
                    retry = self._retry_message(problems)
                    messages = [*messages, reply_turn(raw), retry]
                    prompt.append(str(retry.content))
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

    def _retry_message(self, problems: list[str]) -> BaseMessage:
        rendered = self.prompts.get(RETRY_PROMPT).render(
            {"problems": "\n".join(f"- {p}" for p in problems)})
        return user_turn(str(rendered[-1].content))


def token_cap(limits: Limits) -> int | None:
    """Output tokens a reply within ``limits`` never needs: a rambling model stops sooner.

    Twice the words (or half the characters) plus slack: a reply cut at the cap is still over
    the limit, so the guard turns it down as before, only without waiting for the rest.
    """
    caps = []
    if limits.max_words is not None:
        caps.append(limits.max_words * 2 + CAP_SLACK_TOKENS)
    if limits.max_chars is not None:
        caps.append(limits.max_chars // 2 + CAP_SLACK_TOKENS)
    return min(caps) if caps else None


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


def block_labels(messages: Sequence[BaseMessage]) -> list[str]:
    """The labels of the ``<<<LABEL ... LABEL>>>`` data blocks in a rendered prompt."""
    found: dict[str, None] = {}
    for message in messages:
        content = message.content if isinstance(message.content, str) else str(message.content)
        found.update(dict.fromkeys(m.group(1).strip() for m in _BLOCK_OPEN.finditer(content)))
    return list(found)


def strip_block_labels(text: str, labels: Sequence[str]) -> str:
    """Drop the prompt's block markers a small model echoes (``<<<NOTES``, ``NOTES:`` lines)."""
    if not labels:
        return text
    names = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    marker = re.compile(rf"<<<\s*(?:{names})\b|\b(?:{names})\s*>>>|<<<|>>>")
    bare = re.compile(rf"^[\s\-*#•]*(?:{names})[\s:*#]*$", re.IGNORECASE)
    opening = re.compile(rf"^([\s\-*#•]*)(?:{names})\s*:\s*")  # capitals only: "NOTES: ..."
    lines = []
    for line in text.split("\n"):
        kept = opening.sub(r"\1", marker.sub("", line))
        if bare.match(kept) or (line.strip() and not kept.strip()):
            continue  # a label line, or a line that was nothing but a marker
        lines.append(kept.rstrip() if kept != line else line)
    return "\n".join(lines).strip()
