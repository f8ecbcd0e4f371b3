"""The in-memory lexical index over contact names and companies: exact, prefix and fuzzy."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from assistant.domain import Contact
from assistant.services.dedupe import company_key, normalize

STOPWORDS = frozenset({
    "a", "an", "the", "at", "in", "on", "of", "for", "to", "and", "or", "with", "from", "who",
    "works", "work", "working", "is", "are", "my", "me", "i", "want", "into", "someone", "people",
})
EXACT, PREFIX, FUZZY_FACTOR = 1.0, 0.8, 0.7
FUZZY_CUTOFF = 80
MAX_PREFIX_TOKENS = 100
MAX_POSTINGS = 1000  # a word shared by thousands ("group") adds little; keep queries fast
SHORT_QUERY_TOKENS = 4  # prefix and typo matching only for search-box queries, not long goals
COVERAGE_CEILING = 0.9  # every word matched somewhere; an exact full name scores 1.0
PHRASE_SCORE = {"name": 0.95, "company": 0.9}


@dataclass(frozen=True)
class ContactRow:
    """What search shows and filters on; far cheaper to load than whole contacts."""

    id: str
    name: str
    company: str = ""
    title: str = ""
    tier: str = "active"
    tags: tuple[str, ...] = ()

    @classmethod
    def of(cls, contact: Contact) -> ContactRow:
        return cls(contact.id, contact.name, contact.company, contact.title, contact.tier.value,
                   tuple(contact.tags))

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> ContactRow:
        return cls(str(row["id"]), str(row["name"]), str(row["company"] or ""),
                   str(row["title"] or ""), str(row["tier"] or "active"),
                   tuple(str(t) for t in row["tags"] or ()))


@dataclass
class LexicalMatch:
    contact_id: str
    score: float
    why: list[str] = field(default_factory=list)


@dataclass
class _Field:
    """One searchable field: word -> contact positions, its sorted vocabulary, whole phrases."""

    words: dict[str, list[int]] = field(default_factory=dict)
    phrases: dict[str, list[int]] = field(default_factory=dict)
    vocab: list[str] = field(default_factory=list)

    def add(self, pos: int, phrase: str) -> None:
        if not phrase:
            return
        self.phrases.setdefault(phrase, []).append(pos)
        for word in set(phrase.split()):
            self.words.setdefault(word, []).append(pos)

    def seal(self) -> None:
        self.vocab = sorted(self.words)

    def word_hits(self, word: str, loose: bool) -> list[tuple[str, float, str]]:
        """(vocabulary word, strength, how) for exact, prefix and typo-tolerant matches."""
        found = [(word, EXACT, "matches")] if word in self.words else []
        if not loose:
            return found
        if len(word) >= 2:
            start = bisect.bisect_left(self.vocab, word)
            for other in self.vocab[start : start + MAX_PREFIX_TOKENS]:
                if not other.startswith(word):
                    break
                if other != word:
                    found.append((other, PREFIX, "starts with"))
        if len(word) >= 4:
            for other, ratio, _ in process.extract(word, self.vocab, scorer=fuzz.ratio,
                                                   score_cutoff=FUZZY_CUTOFF, limit=5):
                if other != word and not other.startswith(word):
                    found.append((other, FUZZY_FACTOR * ratio / 100, "is like"))
        return found


class LexicalIndex:
    """Built once from the records (contacts arrive sorted by name); answers in milliseconds."""

    def __init__(self, contacts: Iterable[ContactRow | Contact]) -> None:
        self._contacts = [c if isinstance(c, ContactRow) else ContactRow.of(c) for c in contacts]
        self._pos = {c.id: i for i, c in enumerate(self._contacts)}
        self._fields = {"name": _Field(), "company": _Field()}
        self._tiers: dict[str, set[str]] = {}
        self._tags: dict[str, set[str]] = {}
        self._company_names: dict[str, set[str]] = {}
        for pos, contact in enumerate(self._contacts):
            self._fields["name"].add(pos, normalize(contact.name))
            self._fields["company"].add(pos, company_key(contact.company))
            self._tiers.setdefault(contact.tier, set()).add(contact.id)
            for tag in contact.tags:
                self._tags.setdefault(tag.strip().casefold(), set()).add(contact.id)
            self._company_names.setdefault(normalize(contact.company), set()).add(contact.id)
        for index in self._fields.values():
            index.seal()

    def __len__(self) -> int:
        return len(self._contacts)

    def __contains__(self, contact_id: object) -> bool:
        return contact_id in self._pos

    def contact(self, contact_id: str) -> ContactRow:
        return self._contacts[self._pos[contact_id]]

    def by_name(self, allowed: set[str] | None) -> list[str]:
        """Contact ids in name order, optionally only the allowed ones."""
        return [c.id for c in self._contacts if allowed is None or c.id in allowed]

    def filtered(self, tier: str = "", tag: str = "", company: str = "") -> set[str] | None:
        """Ids passing the filters (company: a case-insensitive substring), None if no filter."""
        sets: list[set[str]] = []
        if tier:
            sets.append(self._tiers.get(tier.strip().lower(), set()))
        if tag:
            sets.append(self._tags.get(tag.strip().casefold(), set()))
        if company.strip():
            wanted = normalize(company)
            sets.append(set().union(*(ids for name, ids in self._company_names.items()
                                      if wanted in name)))
        if not sets:
            return None
        return set.intersection(*sets)

    def match(
        self, query: str, fields: tuple[str, ...] = ("name", "company")
    ) -> list[LexicalMatch]:
        """Contacts whose names or companies match the query's words or phrases, best first."""
        all_words = normalize(query).split()
        words = [w for w in all_words if w not in STOPWORDS] or all_words
        if not words:
            return []
        loose = len(words) <= SHORT_QUERY_TOKENS
        best: dict[int, list[float]] = {}
        why: dict[int, dict[str, str]] = {}
        for i, word in enumerate(words):
            for name in fields:
                index = self._fields[name]
                for vocab_word, strength, how in index.word_hits(word, loose):
                    for pos in index.words[vocab_word][:MAX_POSTINGS]:
                        strengths = best.setdefault(pos, [0.0] * len(words))
                        if strength > strengths[i]:
                            strengths[i] = strength
                            why.setdefault(pos, {})[f"{name}:{i}"] = (
                                f"{name} {how} '{word}'")
        scores = {pos: COVERAGE_CEILING * sum(s) / len(words) for pos, s in best.items()}
        for name in fields:
            for phrase, positions in self._phrases(name, all_words):
                for pos in positions:
                    score = 1.0 if phrase == " ".join(all_words) and name == "name" else (
                        PHRASE_SCORE[name])
                    current = scores.get(pos, 0.0)
                    # A whole-phrase match explains better than word matches of equal score.
                    if score > current or (score == current and not any(
                            k.endswith(":phrase") for k in why.get(pos, {}))):
                        scores[pos] = score
                        why[pos] = {f"{name}:phrase": f"{name} matches '{phrase}'"}
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return [LexicalMatch(self._contacts[pos].id, score, list(why.get(pos, {}).values()))
                for pos, score in ranked]

    def _phrases(self, name: str, words: list[str]) -> list[tuple[str, list[int]]]:
        """Whole names or companies (up to 4 words) that appear verbatim in the query."""
        phrases = self._fields[name].phrases
        found = []
        whole = " ".join(words)
        for size in range(min(4, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                gram = " ".join(words[start : start + size])
                if gram in phrases and len(gram) >= 2 and (
                    size > 1 or name == "company" or gram == whole
                ):
                    found.append((gram, phrases[gram]))
        return found
