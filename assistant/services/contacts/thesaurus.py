"""Query expansion from the team's thesaurus (``knowledge/thesaurus.yaml``).

A query term that belongs to a group of words meaning the same thing ("lost their job") lets
keyword search also accept the group's other terms ("laid off", "made redundant"), with a
little less credit than the user's own words.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import snowballstemmer
import yaml

from assistant.errors import InputError
from assistant.text import normalize

log = logging.getLogger(__name__)

THESAURUS_FILE = "thesaurus.yaml"  # in the knowledge folder
# libyaml's safe loader when PyYAML was built with it: ten times the pure-Python one
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SYNONYM_CREDIT = 0.9  # a word the user did not type is good, not equal, evidence
_LOCAL = threading.local()  # a stemmer keeps state while it works: one per thread
# Words that never tell two terms apart. Fewer than search's stopwords on purpose: "had an
# operation" and "people operations" must not both shrink to "operation".
FUNCTION_WORDS = frozenset("""
    a an the at in on of for to and or with from by as is are was were be been am i me my we
    our you your they them their he she his her it its this that these those who whom whose
    what which where when how do did does just recently someone somebody anyone anybody
""".split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter stem of one normalised word ("nurses" and "nursing" give "nurs"); the
    keyword index stems with Porter too, so the two agree."""
    stemmer = getattr(_LOCAL, "stemmer", None)
    if stemmer is None:
        stemmer = _LOCAL.stemmer = snowballstemmer.stemmer("porter")
    return str(stemmer.stemWord(word))


def stems(text: str) -> tuple[str, ...]:
    """The stems of a text's words, function words ("who", "a", "their") left out."""
    return tuple(stem(w) for w in normalize(text).split() if w not in FUNCTION_WORDS)


@dataclass(frozen=True)
class Slot:
    """Some of the query's words, and other ways of saying them."""

    covers: frozenset[str]  # the stems of the query words it stands for
    term: str  # the query's own words for it ("long distance running" for "long runs")
    terms: tuple[tuple[str, ...], ...]  # each other term, as stems
    phrases: tuple[str, ...]  # each other term as the keyword index should look for it
    credit: float = SYNONYM_CREDIT  # what a word said another way counts
    # Strict: the words of a term of several words count only together. A model's rewrite of
    # the whole query is not strict: a text holding some of the query's own words keeps them.
    strict: bool = True


class Coverage(NamedTuple):
    share: float  # of the query's words, from 0 to 1
    said: tuple[str, ...]  # how the text said words another way: "'laid off' for 'lost job'"


class Thesaurus:
    """Groups of terms that mean the same; finds them in a query."""

    def __init__(self, groups: Iterable[Sequence[str]], problem: str = "") -> None:
        self.problem = problem  # why the file could not be used, for ``warmline doctor``
        self._groups: list[tuple[str, ...]] = []
        self._terms: dict[frozenset[str], int] = {}  # a term's stems -> its group
        self._by_stem: dict[str, list[frozenset[str]]] = {}
        for group in groups:
            number = len(self._groups)
            self._groups.append(tuple(normalize(t) for t in group))
            for term in group:
                key = frozenset(stems(term))
                if not key:
                    continue
                if self._terms.get(key, number) != number:
                    shown = " ".join(self._groups[self._terms[key]][:3])
                    msg = f"thesaurus term '{term}' is already in the group '{shown}…'"
                    raise InputError(msg)
                if key not in self._terms:
                    for word in key:
                        self._by_stem.setdefault(word, []).append(key)
                self._terms[key] = number

    @classmethod
    def load(cls, path: Path) -> Thesaurus:
        """Read a YAML list of term lists; a missing file is an empty thesaurus."""
        if not path.exists():
            return cls([])
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            msg = f"cannot read the thesaurus {path}: {e}"
            raise InputError(msg) from e
        data = data or []
        if not isinstance(data, list) or not all(
            isinstance(g, list) and all(isinstance(t, str) for t in g) for g in data
        ):
            msg = f"the thesaurus {path} must be a YAML list of lists of terms"
            raise InputError(msg)
        return cls(data)

    @classmethod
    def load_or_empty(cls, path: Path) -> Thesaurus:
        """``load``, but a broken file leaves search without synonyms instead of stopping the
        app; ``problem`` says what is wrong."""
        try:
            return cls.load(path)
        except InputError as e:
            log.warning("%s; contact search runs without synonyms", e)
            return cls([], problem=str(e))

    def __len__(self) -> int:
        return len(self._groups)

    def slots(self, query: str) -> list[Slot]:
        """The thesaurus terms whose every word the query uses, in any order ("models
        insurance risk" holds "risk modelling" and "insurance risk"), longest first; a term
        inside one already found ("book" in "writing a book") adds nothing."""
        typed = normalize(query).split()
        keys = [stem(w) for w in typed]
        words = {k for w, k in zip(typed, keys, strict=True) if w not in FUNCTION_WORDS}
        found = {key for word in words for key in self._by_stem.get(word, ()) if key <= words}
        slots: list[Slot] = []
        for key in sorted(found, key=lambda k: (-len(k), sorted(k))):
            if any(key <= slot.covers for slot in slots):
                continue
            # "podcaster" stems to "podcast": no other way of saying "hosts a podcast".
            others = [t for t in self._groups[self._terms[key]]
                      if stems(t) and not set(stems(t)) <= key]
            at = [i for i, k in enumerate(keys) if k in key]
            slots.append(Slot(key, " ".join(typed[min(at):max(at) + 1]),
                              tuple(stems(t) for t in others), tuple(others)))
        return slots


def rewrite_slot(query: str, terms: Sequence[str], credit: float) -> Slot | None:
    """A model's other ways of saying the whole query, as one slot over its words: a text
    holding one of them holds every word of the query, at ``credit``."""
    typed = normalize(query).split()
    at = [i for i, w in enumerate(typed) if w not in FUNCTION_WORDS]
    others = [t for t in dict.fromkeys(normalize(t) for t in terms) if stems(t)]
    if not at or not others:
        return None
    return Slot(frozenset(stem(typed[i]) for i in at), " ".join(typed[at[0]:at[-1] + 1]),
                tuple(stems(t) for t in others), tuple(others), credit, strict=False)


def coverage(words: Sequence[str], slots: Sequence[Slot], marked: Iterable[str]) -> Coverage:
    """The share of the query's words a text holds, given the words it matched (``marked``).

    A word it holds counts 1; a word it says another way counts its slot's credit. The words
    of a term of several words count only together: a text about "operations" does not hold
    "had an operation", one about "surgery" does.
    """
    if not words:
        return Coverage(0.0, ())
    held = {stem(w) for m in marked for w in normalize(m).split()}  # a phrase is one mark
    credit = {w: 1.0 if stem(w) in held else 0.0 for w in words}
    said: list[str] = []
    for slot in slots:
        other = next((phrase for term, phrase in zip(slot.terms, slot.phrases, strict=True)
                      if all(s in held for s in term)), None)
        whole = slot.strict and len(slot.covers) > 1
        before = dict(credit)
        for w in credit:
            if stem(w) not in slot.covers:
                continue
            if whole and not slot.covers <= held:
                credit[w] = slot.credit if other else 0.0
            elif other:
                credit[w] = max(credit[w], slot.credit)
        if other and any(credit[w] > before[w] for w in credit):
            said.append(f"'{other}' for '{slot.term}'")
    return Coverage(sum(credit[w] for w in words) / len(words), tuple(said))
