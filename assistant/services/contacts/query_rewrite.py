"""Other ways of saying a search, from the configured model (opt-in: it costs a model call).

The embedding model knows little of the world: "who trims trees" does not find "arborist".
When the user asks for it and a model is configured, the model lists other terms a note or a
profile might use; search then accepts them with less credit than the user's own words.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant.drafting.writer import OFFLINE, clean_output, strip_block_labels
from assistant.errors import ModelError
from assistant.llm.chat import ChatBackend
from assistant.llm.prompts import PromptLibrary
from assistant.services.contacts.thesaurus import stems
from assistant.text import normalize

log = logging.getLogger(__name__)

PROMPT = "contacts_search_rewrite"
LABEL = "SEARCH"  # the block the query travels in
MAX_TERMS = 6
MAX_TERM_WORDS = 4
MAX_TERM_CHARS = 40
MAX_QUERY_CHARS = 300  # a search box query; longer text is cut before it reaches the model
REPLY_TOKENS = 80  # six short lines
CACHE_SIZE = 128
NO_MODEL = "no model is configured, so only your words (and the team's thesaurus) were searched"
_BULLET = re.compile(r"^\s*(?:[-*•·>]+|\(?\d+[.)]|[a-z][.)])\s+", re.IGNORECASE)
_STRIP = " \t\"'`“”‘’.,;:!?()[]{}"


@dataclass(frozen=True)
class Rewrite:
    """The other terms a model offered for one query, and which engine offered them."""

    query: str
    terms: tuple[str, ...] = ()
    engine: str = OFFLINE
    notice: str = ""  # why there are none (no model, the model failed), for the user

    def to_json(self) -> dict[str, Any]:
        return {"terms": list(self.terms), "engine": self.engine, "notice": self.notice}


def parse_terms(reply: str, query: str) -> tuple[str, ...]:
    """Short, distinct terms from a model's reply: one a line (or comma-separated), without
    numbering or quotes; the query itself, headings, long sentences and terms of function
    words only ("who") are dropped."""
    seen = {normalize(query), LABEL.lower()}
    terms: list[str] = []
    text = strip_block_labels(clean_output(reply), [LABEL])
    for line in text.replace("\r", "\n").split("\n"):
        if line.rstrip().endswith(":") or "<" in line or ">" in line:
            continue  # "Here are some terms:" or the rest of an echoed block marker
        for part in _BULLET.sub("", line).split(","):
            term = " ".join(part.strip(_STRIP).split()).lower()
            key = normalize(term)
            if (not stems(key) or key in seen or len(term) > MAX_TERM_CHARS
                    or len(key.split()) > MAX_TERM_WORDS):
                continue
            seen.add(key)
            terms.append(term)
            if len(terms) == MAX_TERMS:
                return tuple(terms)
    return tuple(terms)


class QueryRewriter:
    """Asks the current model for other ways of saying a search; remembers recent answers."""

    def __init__(self, prompts: PromptLibrary,
                 backend: Callable[[], ChatBackend | None]) -> None:
        self.prompts = prompts
        self.backend = backend  # read on every call: the Settings tab can switch models
        self._cache: OrderedDict[tuple[str, str], Rewrite] = OrderedDict()
        self._lock = threading.Lock()

    def rewrite(self, query: str) -> Rewrite:
        """Other terms for ``query``; never raises for model trouble (the notice says why)."""
        backend = self.backend()
        if not query.strip():
            return Rewrite(query)
        if backend is None:
            return Rewrite(query, notice=NO_MODEL)
        key = (backend.label, normalize(query))
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        spec = self.prompts.get(PROMPT)
        block = f"<<<{LABEL}\n{' '.join(query.split())[:MAX_QUERY_CHARS]}\n{LABEL}>>>"
        messages = spec.template().format_messages(query=block)
        try:
            reply = backend.complete(messages, None, REPLY_TOKENS)
        except ModelError as e:
            log.warning("search rewrite failed: %s", e)
            return Rewrite(query, engine=backend.label,
                           notice=f"{e}; only your words were searched")
        result = Rewrite(query, parse_terms(reply, query), backend.label)
        if not result.terms:
            result = Rewrite(query, engine=backend.label,
                             notice=f"{backend.label} offered no other terms")
        with self._lock:
            self._cache[key] = result
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return result
