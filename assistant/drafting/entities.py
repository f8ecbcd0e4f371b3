"""Find names, organisations, numbers and credentials in text; flag those no source supports.

Stdlib-only; the grounding guard and the eval metrics share it (it needs
``entity_lexicon.py`` beside it). Matching is case-insensitive and tolerant of possessives
("Maya's"), accents, company suffixes ("Stripe Inc."), middle initials and number formats
("1,200" = "1200", "40 percent" = "40%", "$2M" = "$2 million" = "$2,000,000").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from assistant.drafting.entity_lexicon import (
    ABBREVIATIONS,
    CONNECTORS,
    CREDENTIALS,
    ORG_SUFFIXES,
    START_STOP_WORDS,
    STOP_PHRASES,
    STOP_WORDS,
    TITLE_MARKERS,
)

EntityKind = Literal["name", "number", "credential", "address"]

_NUMBER = re.compile(
    r"(?<![\w.,])(?:(?P<cur>[$€£])\s?)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?:\s?(?P<pct>%|percent\b|per\s+cent\b|pct\b)|(?P<suffix>[kKmMbB]|bn|mm|MM)(?![A-Za-z])"
    r"|\s(?P<word>thousand|million|billion|trillion)\b)?"
)
_SCALES = {
    "k": 3,
    "m": 6,
    "mm": 6,
    "b": 9,
    "bn": 9,
    "thousand": 3,
    "million": 6,
    "billion": 9,
    "trillion": 12,
}
# URLs and e-mail addresses carry digits and capitals that are not claims.
_ADDRESSES = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+")
_TRAILING = ".,;:!?)]}>\"'’”"  # sentence punctuation after a link is not part of it
_TOKEN = re.compile(r"[^\s/—–]+|[/—–]")
_EDGE_PUNCT = "\"'`“”‘’()[]{}<>*_,;:.!?…«»~|-•#"
_CAMEL = re.compile(r"^[a-z]{1,3}[A-Z]|^[A-Z][a-z]+[A-Z]")
_PREFIXED = re.compile(r"^(?:ex|non|pre|post|anti|pro|mid|co|former)-(?=[A-Z])")


@dataclass(frozen=True)
class Entity:
    """One mention: surface text, kind, comparison key and character offset in the text."""

    text: str
    kind: EntityKind
    key: str
    start: int


@dataclass
class _Token:
    core: str
    start: int
    ends_sentence: bool = False
    ends_run: bool = True
    comma: bool = False
    possessive: bool = False
    initial: bool = False
    prefixed: bool = False  # "ex-Google": a name starts here, whatever came before

    @property
    def is_word(self) -> bool:
        return any(c.isalnum() for c in self.core)


def normalise(text: str) -> str:
    """Lower-case, accent-free, punctuation-free words joined by single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'").lower()
    text = re.sub(r"(?<=\w)'s\b", "", text)
    text = re.sub(r"(?<=[^\W\d])\.(?=[^\W\d])", "", text)  # Ph.D -> phd, U.S -> us
    text = text.replace("&", " and ")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _name_key(surface: str) -> str:
    words = normalise(surface).split()
    while words and words[-1] in ORG_SUFFIXES and len(words) > 1:
        words.pop()
    return " ".join(words)


def _number_key(match: re.Match[str]) -> str:
    value = Decimal(match["int"].replace(",", "") + ("." + match["frac"] if match["frac"] else ""))
    scale = (match["suffix"] or match["word"] or "").lower()
    value = value.scaleb(_SCALES.get(scale, 0))
    digits = format(value.normalize(), "f")
    return digits + "%" if match["pct"] else digits


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: "_" * len(m.group()), text)


def find_numbers(text: str) -> list[Entity]:
    """Numbers written with digits: counts, years, percentages and money."""
    text = _mask(text, _ADDRESSES)
    return [
        Entity(m.group().strip(), "number", _number_key(m), m.start())
        for m in _NUMBER.finditer(text)
    ]


def find_addresses(text: str) -> list[Entity]:
    """Email addresses and web links: a draft may only repeat ones its sources give."""
    found = []
    for m in _ADDRESSES.finditer(text):
        address = m.group().rstrip(_TRAILING)
        found.append(Entity(address, "address", address.casefold(), m.start()))
    return found


def find_credentials(text: str) -> list[Entity]:
    """Degrees, licences and certifications such as PhD, PharmD, RN, PMP or AWS Certified."""
    text = _mask(text, _ADDRESSES)
    return [
        Entity(m.group(), "credential", normalise(m.group()), m.start())
        for m in CREDENTIALS.finditer(text)
    ]


def _tokens(line: str, offset: int) -> Iterator[_Token]:
    for m in _TOKEN.finditer(line):
        raw = m.group().replace("’", "'")
        if raw in "/—–":
            yield _Token("", offset + m.start())  # a separator: "Stripe/Plaid" is two names
            continue
        core = raw.strip(_EDGE_PUNCT)
        possessive = core.lower().endswith("'s")
        core = core[:-2] if possessive else core
        prefixed = bool(_PREFIXED.match(core))
        core = _PREFIXED.sub("", core)
        tail = raw.rstrip("\"'`“”‘’)]}*>")
        initial = len(core) == 1 and core.isupper() and tail.endswith(".")
        abbreviation = initial or core.lower() in ABBREVIATIONS
        ends_sentence = tail.endswith((".", "!", "?", ":", "…")) and not (
            abbreviation and tail.endswith(".")
        )
        comma = tail.endswith((",", ";"))
        ends_run = ends_sentence or comma or possessive or raw.endswith((")", '"', "”"))
        ends_run = ends_run or raw.startswith("(")
        start = offset + m.start() + max(raw.find(core), 0)
        yield _Token(core, start, ends_sentence, ends_run, comma, possessive, initial, prefixed)


def _is_capitalised(core: str) -> bool:
    return bool(core) and (core[0].isupper() or bool(_CAMEL.match(core)))


def _is_distinctive(core: str) -> bool:
    """Acronyms and camel-case words are names even where capitals are expected."""
    letters = [c for c in core if c.isalpha()]
    acronym = len(letters) >= 2 and all(c.isupper() for c in letters)
    return acronym or bool(_CAMEL.match(core))


def _is_title_line(tokens: list[_Token]) -> bool:
    """A heading or subject line in Title Case: capitals there carry no signal."""
    return any(t.core in {w.capitalize() for w in TITLE_MARKERS} for t in tokens[1:]) and (
        sum(_is_capitalised(t.core) for t in tokens) >= 3
    )


def _sentences(text: str) -> Iterator[list[_Token]]:
    for line in re.finditer(r"[^\n]+", text):
        sentence: list[_Token] = []
        for token in _tokens(line.group(), line.start()):
            sentence.append(token)
            if token.ends_sentence:
                yield sentence
                sentence = []
        if sentence:
            yield sentence


def _runs(sentence: list[_Token]) -> Iterator[tuple[list[_Token], bool]]:
    """Runs of capitalised tokens, each with whether it opens the sentence."""
    run: list[_Token] = []
    opens = False
    position = 0
    for token in sentence:
        at_start = position == 0
        position += token.is_word
        if token.initial and run:
            continue  # a middle initial: "Priya J. Raman"
        word = token.core.lower()
        stop = word in STOP_WORDS or (at_start and word in START_STOP_WORDS)
        if token.is_word and _is_capitalised(token.core) and not stop:
            if run and token.prefixed:
                yield run, opens
                run = []
            if not run:
                opens = at_start
            run.append(token)
            if not token.ends_run:
                continue
        elif run and token.core in CONNECTORS and not token.ends_run:
            run.append(token)
            continue
        if run:
            yield run, opens
        run = []
    if run:
        yield run, opens


def find_names(text: str) -> list[Entity]:
    """People, companies, schools and places: capitalised words that are not common words."""
    text = _mask(_mask(_mask(text, _ADDRESSES), CREDENTIALS), STOP_PHRASES)
    found: list[Entity] = []
    doubtful: list[Entity] = []  # one capitalised word opening a sentence
    for sentence in _sentences(text):
        title = _is_title_line(sentence)
        for run, opens in _runs(sentence):
            while run and run[-1].core in CONNECTORS:
                run.pop()
            if not run or (title and not all(_is_distinctive(t.core) for t in run)):
                continue
            head = run[0]
            surface = " ".join(t.core for t in run)
            entity = Entity(surface, "name", _name_key(surface), head.start)
            if not entity.key:
                continue
            if (
                len(run) == 1
                and opens
                and not (
                    _is_distinctive(head.core)
                    or head.possessive
                    or (head.comma and not head.core.endswith("ly"))
                )
            ):
                doubtful.append(entity)  # "Loved the race." - a capital there says nothing
            else:
                found.append(entity)
    # ...unless the same word is a name elsewhere in the text: "Stripe is hiring. I love Stripe."
    known = {e.key for e in found}
    return sorted([*found, *(e for e in doubtful if e.key in known)], key=lambda e: e.start)


def find_entities(text: str) -> list[Entity]:
    """All entity mentions in order of appearance: names, numbers, credentials, addresses."""
    found = [*find_names(text), *find_numbers(text), *find_credentials(text),
             *find_addresses(text)]
    return sorted(found, key=lambda e: e.start)


def extract_entities(text: str) -> set[str]:
    """The surface forms of every name, number, credential and address in the text."""
    return {e.text for e in find_entities(text)}


class SourceIndex:
    """Sources prepared once, so many outputs can be checked against them cheaply."""

    def __init__(self, sources: Iterable[str]) -> None:
        """Normalise each source and collect the numbers it states."""
        texts = list(sources)
        self._words = [normalise(t).split() for t in texts]
        self._padded = [f" {' '.join(w)} " for w in self._words]
        # Names are matched without their middle initials ("Maya J. J. Maya" states "Maya Maya").
        self._named = [_without_initials(words) for words in self._words]
        self._numbers = {e.key for t in texts for e in find_numbers(t)}
        self._addresses = {e.key for t in texts for e in find_addresses(t)}

    def supports(self, entity: Entity) -> bool:
        """Whether some source states this entity."""
        if entity.kind == "address":  # exactly: one changed letter reaches someone else
            return entity.key in self._addresses
        if entity.kind == "number":
            if entity.key in self._numbers:
                return True
            # A plain figure is backed by the same figure stated as a percentage, not vice versa.
            return not entity.key.endswith("%") and f"{entity.key}%" in self._numbers
        if any(f" {entity.key} " in padded for padded in self._padded):
            return True
        wanted = _without_initials(entity.key.split())  # both sides alike: "AT&T" has a "t"
        return len(wanted) > 1 and any(_in_order(wanted, words) for words in self._named)

    def unsupported(self, output: str) -> list[str]:
        """Entities in ``output`` that no source states, in order of appearance, deduplicated."""
        seen: set[tuple[str, str]] = set()
        missing: list[str] = []
        for entity in find_entities(output):
            kind = "number" if entity.kind == "number" else "text"
            if (kind, entity.key) in seen:
                continue
            seen.add((kind, entity.key))
            if not self.supports(entity):
                missing.append(entity.text)
        return missing


def _without_initials(words: Sequence[str]) -> list[str]:
    """Words without single letters ("J" of "Maya J. Maya", "t" of "AT&T")."""
    return [w for w in words if len(w) > 1 or not w.isalpha()]


def _in_order(wanted: Sequence[str], words: Sequence[str], max_gap: int = 1) -> bool:
    """``wanted`` appears in ``words`` in order, skipping at most ``max_gap`` words between."""
    for i, word in enumerate(words):
        if word != wanted[0]:
            continue
        pos, ok = i, True
        for target in wanted[1:]:
            window = words[pos + 1 : pos + 2 + max_gap]
            if target not in window:
                ok = False
                break
            pos += 1 + window.index(target)
        if ok:
            return True
    return False


def unsupported_entities(
    output: str, sources: Sequence[str], *, allowed: Iterable[str] = ()
) -> list[str]:
    """Names, companies, numbers, credentials, emails and links in ``output`` that appear in
    no source."""
    return SourceIndex([*sources, *allowed]).unsupported(output)
