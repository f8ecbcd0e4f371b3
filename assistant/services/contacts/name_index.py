"""The in-memory lexical index over contact names and companies: exact, prefix and fuzzy."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from assistant.domain import Contact
from assistant.services.contacts.dedupe import company_key
from assistant.storage.phrases import Phrase, phrases_of, row_phrases
from assistant.text import normalize

# Words of a question, not of what it asks about ("who do I know at Basalt Freight?").
STOPWORDS = frozenset("""
    a an the at in on of for to and or with from by about into through as is are was were be
    been am
    who whom whose what which where when how do did does i me my we our you your they them
    their he she his her it its this that these those someone somebody anyone anybody people
    person persons contact contacts know knows knew met meet want wants works work working
    worked used ex former formerly before previously just recently has have had
""".split())
# These ask about where people were, not where they are.
PAST_CUES = frozenset({"used", "ex", "former", "formerly", "before", "previously", "was",
                       "were", "alumni", "alum"})
PAST_FACTOR = 0.85  # a past employer counts a little less, unless the query asks for the past
EXACT, PREFIX, FUZZY_FACTOR = 1.0, 0.8, 0.7
FUZZY_CUTOFF = 80
MAX_PREFIX_TOKENS = 100
MAX_POSTINGS = 1000  # a word shared by thousands ("group") adds little; keep queries fast
SHORT_QUERY_TOKENS = 4
SHORT_QUESTION_TOKENS = 2  # prefix and typo matching only for search-box queries, not long goals
COVERAGE_CEILING = 0.9  # every word matched somewhere; an exact full name scores 1.0
FIELDS = ("name", "company", "past_company")


def query_words(query: str) -> list[str]:
    """The words of a query that say what it is about (at least one, if it has any)."""
    words = normalize(query).split()
    return [w for w in words if w not in STOPWORDS] or words


@dataclass(frozen=True)
class ContactRow:
    """What search shows and filters on; far cheaper to load than whole contacts."""

    id: str
    name: str
    company: str = ""
    title: str = ""
    tier: str = "active"
    tags: tuple[str, ...] = ()
    past_companies: tuple[str, ...] = ()
    phrases: tuple[Phrase, ...] = ()

    @classmethod
    def of(cls, contact: Contact) -> ContactRow:
        return cls(contact.id, contact.name, contact.company, contact.title, contact.tier.value,
                   tuple(contact.tags), tuple(contact.past_companies),
                   tuple(phrases_of(contact)))

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> ContactRow:
        def strings(key: str) -> tuple[str, ...]:
            return tuple(str(v) for v in row.get(key) or ())

        return cls(str(row["id"]), str(row["name"]), str(row["company"] or ""),
                   str(row["title"] or ""), str(row["tier"] or "active"), strings("tags"),
                   strings("past_companies"), tuple(row_phrases(row)))


@dataclass
class LexicalMatch:
    contact_id: str
    score: float
    why: list[str] = field(default_factory=list)
    company_only: bool = False  # every query word matched the contact's (past) employer


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

    def remove(self, pos: int, phrase: str) -> None:
        if not phrase:
            return
        _discard(self.phrases, phrase, pos)
        for word in set(phrase.split()):
            _discard(self.words, word, pos)

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


def _discard(postings: dict[str, list[int]], key: str, pos: int) -> None:
    """Take one position out of a postings list, and the key with its last position."""
    held = postings.get(key)
    if held is not None and pos in held:
        held.remove(pos)
        if not held:
            del postings[key]


class LexicalIndex:
    """Built once from the records; then kept current contact by contact (``update``)."""

    def __init__(self, contacts: Iterable[ContactRow | Contact]) -> None:
        self._contacts: list[ContactRow] = []  # by position; a changed contact gets a new one
        self._pos: dict[str, int] = {}
        self._fields = {name: _Field() for name in FIELDS}
        self._tiers: dict[str, set[str]] = {}
        self._tags: dict[str, set[str]] = {}
        self._company_names: dict[str, set[str]] = {}
        self._phrases: dict[str, list[int]] = {}
        self._order: list[str] | None = None  # ids by name, worked out when first asked
        for contact in contacts:
            self._insert(contact if isinstance(contact, ContactRow) else ContactRow.of(contact))
        for index in self._fields.values():
            index.seal()

    def update(self, changed: Iterable[str], rows: Iterable[ContactRow]) -> None:
        """Forget the ``changed`` contacts, then add ``rows``: their current state (a deleted
        contact has none). Costs what changed, not the whole index."""
        for contact_id in changed:
            if contact_id in self._pos:
                self._remove(contact_id)
        for row in rows:
            if row.id in self._pos:
                self._remove(row.id)
            self._insert(row)
        for index in self._fields.values():
            index.seal()
        self._order = None

    def _keys(self, contact: ContactRow) -> list[tuple[str, str]]:
        keys = [("name", normalize(contact.name)), ("company", company_key(contact.company))]
        keys += [("past_company", past)
                 for past in dict.fromkeys(company_key(p) for p in contact.past_companies)]
        return keys

    def _insert(self, contact: ContactRow) -> None:
        pos = len(self._contacts)
        self._contacts.append(contact)
        self._pos[contact.id] = pos
        for name, key in self._keys(contact):
            self._fields[name].add(pos, key)
        self._tiers.setdefault(contact.tier, set()).add(contact.id)
        for tag in contact.tags:
            self._tags.setdefault(tag.strip().casefold(), set()).add(contact.id)
        self._company_names.setdefault(normalize(contact.company), set()).add(contact.id)
        for phrase in contact.phrases:
            self._phrases.setdefault(phrase.id, []).append(pos)

    def _remove(self, contact_id: str) -> None:
        pos = self._pos.pop(contact_id)
        contact = self._contacts[pos]
        for name, key in self._keys(contact):
            self._fields[name].remove(pos, key)
        for groups, key in [(self._tiers, contact.tier),
                            (self._company_names, normalize(contact.company)),
                            *((self._tags, t.strip().casefold()) for t in contact.tags)]:
            groups.get(key, set()).discard(contact_id)
        for phrase in contact.phrases:
            _discard(self._phrases, phrase.id, pos)

    def __len__(self) -> int:
        return len(self._pos)

    def __contains__(self, contact_id: object) -> bool:
        return contact_id in self._pos

    def contact(self, contact_id: str) -> ContactRow:
        return self._contacts[self._pos[contact_id]]

    def with_phrase(self, phrase_id: str) -> list[str]:
        """Ids of the contacts a phrase vector describes."""
        return [self._contacts[pos].id for pos in self._phrases.get(phrase_id, ())]

    def phrases(self) -> dict[str, Phrase]:
        """Every distinct phrase of every contact, by vector id."""
        return {p.id: p for pos in self._pos.values() for p in self._contacts[pos].phrases}

    def by_name(self, allowed: set[str] | None) -> list[str]:
        """Contact ids in name order, optionally only the allowed ones."""
        if self._order is None:
            self._order = sorted(self._pos, key=lambda cid: (
                self._contacts[self._pos[cid]].name.casefold(), cid))
        return [cid for cid in self._order if allowed is None or cid in allowed]

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

    def match(self, query: str, fields: tuple[str, ...] = FIELDS,
              limit: int | None = None) -> list[LexicalMatch]:
        """Contacts whose names or (past) companies match the query, best first.

        Each query word scores its best match (exact, prefix, typo, or part of a whole name or
        company the query spells out); a contact's score is the share of the query's words
        it covers, so "Callum at Verdigris Textiles" puts Callum above his
        colleagues. An exact full name scores 1.0.
        """
        all_words = normalize(query).split()
        words = query_words(query)
        if not words:
            return []
        # Prefixes and typos are for names typed into a search box, not for the words of a
        # question ("who offered to make an intro" must not find Ms Mäkelä).
        question = len(words) < len(all_words)
        loose = len(words) <= (SHORT_QUESTION_TOKENS if question else SHORT_QUERY_TOKENS)
        weight = _field_weights(all_words)
        best: dict[int, list[float]] = {}
        why: dict[int, dict[int, str]] = {}
        source: dict[int, dict[int, str]] = {}  # which field gave each word its credit

        def credit(pos: int, i: int, strength: float, reason: str, name: str) -> None:
            strengths = best.setdefault(pos, [0.0] * len(words))
            if strength > strengths[i]:
                strengths[i] = strength
                why.setdefault(pos, {})[i] = reason
                source.setdefault(pos, {})[i] = name

        for name in fields:
            index = self._fields[name]
            label = name.replace("_", " ")
            for i, word in enumerate(words):
                for vocab_word, strength, how in index.word_hits(word, loose):
                    for pos in index.words[vocab_word][:MAX_POSTINGS]:
                        credit(pos, i, strength * weight[name], f"{label} {how} '{word}'",
                               name)
            for start, size, phrase in _grams(words, index.phrases):
                for pos in index.phrases[phrase]:
                    for i in range(start, start + size):
                        credit(pos, i, EXACT * weight[name] + 1e-6 * size,
                               f"{label} matches '{phrase}'", name)
        scores = {pos: COVERAGE_CEILING * sum(s) / len(words) for pos, s in best.items()}
        whole = " ".join(all_words)
        for pos in self._fields["name"].phrases.get(whole, ()) if "name" in fields else ():
            scores[pos] = 1.0
            why[pos] = {0: f"name matches '{whole}'"}
            source[pos] = {0: "name"}
        # Ties by name, then id: the same order however the index was built or updated.
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self._contacts[kv[0]].name,
                                                        self._contacts[kv[0]].id))
        employer = {"company", "past_company"}
        return [LexicalMatch(self._contacts[pos].id, min(score, 1.0),
                             list(dict.fromkeys(why.get(pos, {}).values())),
                             len(source[pos]) == len(words)
                             and set(source[pos].values()) <= employer)
                for pos, score in ranked[:limit]]


def _field_weights(words: list[str]) -> dict[str, float]:
    past = any(w in PAST_CUES for w in words)
    return {"name": 1.0, "company": PAST_FACTOR if past else 1.0,
            "past_company": 1.0 if past else PAST_FACTOR}


def _grams(words: list[str], phrases: dict[str, list[int]]) -> list[tuple[int, int, str]]:
    """(start, size, phrase) for whole names or companies (2-4 words) spelled out in the query."""
    found = []
    for size in range(min(4, len(words)), 1, -1):
        for start in range(len(words) - size + 1):
            gram = " ".join(words[start : start + size])
            if gram in phrases:
                found.append((start, size, gram))
    return found
