"""Deterministic synthetic connections at any size: a LinkedIn ``Connections.csv`` and queries."""

from __future__ import annotations

import csv
import io
import itertools
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from evals.bench.vocabulary import (
    COMPANY_SECTORS,
    COMPANY_STEMS,
    CULTURES,
    LEGAL_SUFFIXES,
    MEANING_QUERIES,
    SECTOR_SHARE,
    SECTOR_TITLES,
    TITLES,
)

CONNECTIONS_HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                      "Connected On")
PREAMBLE = ('Notes:\n"When exporting your connection data, you may notice that some of the email '
            'addresses are missing."\n\n')
MIXED_CULTURE_SHARE = 0.15  # people whose given name and surname come from different cultures
LEGAL_SUFFIX_SHARE = 0.05
PEOPLE_PER_COMPANY = 8
FIRST_DAY = date(2012, 1, 1)
# Letters NFKD does not split into a base letter and an accent.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d",
                               "Đ": "D", "ß": "ss", "æ": "ae"})
QUERY_MIX = (("name", 0.35), ("misspelled", 0.15), ("company", 0.25), ("meaning", 0.25))


@dataclass(frozen=True)
class SyntheticPerson:
    """An invented connection: a random name, an invented company and a common role."""

    first: str
    last: str
    company: str
    title: str
    slug: str
    connected_on: date

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class BenchQuery:
    kind: str  # name | misspelled | company | meaning
    text: str


def ascii_fold(text: str) -> str:
    """'Łukasz Dvořák' -> 'Lukasz Dvorak': how people type names without accents."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def pick_name(rng: random.Random) -> tuple[str, str]:
    """A (given name, surname) pair, usually from one culture, sometimes from two."""
    cultures = list(CULTURES)
    given_from = rng.choice(cultures)
    surname_from = rng.choice(cultures) if rng.random() < MIXED_CULTURE_SHARE else given_from
    return rng.choice(CULTURES[given_from][0]), rng.choice(CULTURES[surname_from][1])


def company_pool(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct invented company names (at most stems x sectors)."""
    combos = [f"{stem} {sector}" for stem, sector in
              itertools.product(COMPANY_STEMS, COMPANY_SECTORS)]
    rng.shuffle(combos)
    return combos[: max(1, min(count, len(combos)))]


def zipf_weights(count: int, exponent: float = 0.8) -> list[float]:
    """Cumulative weights so a few companies are large and most are small, as in real networks."""
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, count + 1)))


def title_for(company: str, rng: random.Random) -> str:
    """A role that fits the company's sector more often than not."""
    sector = company.split(",")[0].split()[-1] if company else ""
    if sector in SECTOR_TITLES and rng.random() < SECTOR_SHARE:
        return rng.choice(SECTOR_TITLES[sector])
    return rng.choice(TITLES)


def people(n: int, seed: int = 0) -> list[SyntheticPerson]:
    """``n`` deterministic connections with unique LinkedIn slugs."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    companies = company_pool(n // PEOPLE_PER_COMPANY + 1, rng)
    weights = zipf_weights(len(companies))
    out = []
    for i in range(n):
        first, last = pick_name(rng)
        company = rng.choices(companies, cum_weights=weights)[0]
        if rng.random() < LEGAL_SUFFIX_SHARE:
            company += rng.choice(LEGAL_SUFFIXES)
        slug = f"{ascii_fold(first)}-{ascii_fold(last)}-{seed:x}{i:06x}".lower().replace(" ", "-")
        out.append(SyntheticPerson(first, last, company, title_for(company, rng),
                                   slug.replace("'", ""),
                                   FIRST_DAY + timedelta(days=rng.randrange(5000))))
    return out


def connections_csv(rows: list[SyntheticPerson]) -> bytes:
    """A LinkedIn ``Connections.csv`` as exported: BOM, the 'Notes:' preamble, then the table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CONNECTIONS_HEADER)
    for p in rows:
        writer.writerow([p.first, p.last, f"https://www.linkedin.com/in/{p.slug}", "", p.company,
                         p.title, p.connected_on.strftime("%d %b %Y")])
    return ("\ufeff" + PREAMBLE + buffer.getvalue()).encode("utf-8")


def misspell(text: str, rng: random.Random) -> str:
    """One typo in the longest word: a swap, a drop, a double, or accents left off."""
    words = text.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    folded = ascii_fold(word)
    if folded != word and rng.random() < 0.5:
        words[longest] = folded
        return " ".join(words)
    i = rng.randrange(1, max(2, len(word) - 1))
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap" and i + 1 < len(word):
        word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif kind == "drop" and len(word) > 3:
        word = word[:i] + word[i + 1 :]
    else:
        word = word[:i] + word[i] + word[i:]
    words[longest] = word
    return " ".join(words)


def bench_queries(rows: list[SyntheticPerson], n: int, seed: int = 0) -> list[BenchQuery]:
    """``n`` search-box queries: names (some misspelled), companies and remembered meanings."""
    rng = random.Random(seed + 1)  # noqa: S311 - reproducible test data, not secrets
    kinds = [kind for kind, _ in QUERY_MIX]
    cum = list(itertools.accumulate(share for _, share in QUERY_MIX))
    out = []
    for _ in range(n):
        kind = rng.choices(kinds, cum_weights=cum)[0]
        person = rng.choice(rows)
        if kind == "name":
            text = person.name
        elif kind == "misspelled":
            text = misspell(person.name, rng)
        elif kind == "company":
            text = person.company.split(",")[0] if rng.random() < 0.7 else person.company.lower()
        else:
            text = rng.choice(MEANING_QUERIES)
        out.append(BenchQuery(kind, text))
    return out
