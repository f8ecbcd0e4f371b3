"""Synthetic LinkedIn connections for the benchmark: deterministic, unique, importable."""

from __future__ import annotations

import random
from collections import Counter

from assistant.importers import parse_file
from evals.bench.synthetic import (
    ascii_fold,
    bench_queries,
    connections_csv,
    misspell,
    people,
)


def test_same_seed_same_people_other_seed_differs() -> None:
    assert people(300, seed=3) == people(300, seed=3)
    assert people(300, seed=3) != people(300, seed=4)


def test_slugs_are_unique_even_when_names_repeat() -> None:
    rows = people(5000, seed=1)
    assert len({p.slug for p in rows}) == 5000
    assert len({p.name for p in rows}) < 5000  # realistic: common names recur at scale
    assert all(p.slug.isascii() for p in rows)


def test_companies_are_skewed_like_a_real_network() -> None:
    counts = Counter(p.company.split(",")[0] for p in people(5000, seed=1))
    biggest = counts.most_common(1)[0][1]
    assert 100 < biggest < 1500  # one former employer dominates, but not everyone
    assert sum(1 for n in counts.values() if n <= 3) > 50  # and a long tail of small ones


def test_the_real_importer_reads_every_row() -> None:
    rows = people(250, seed=2)
    data = connections_csv(rows)
    assert data.startswith("\ufeffNotes:".encode())
    parsed = parse_file("Connections.csv", data)
    assert parsed.format == "linkedin"
    assert not parsed.skipped
    assert [c.name for c in parsed.contacts] == [p.name for p in rows]
    assert {c.linkedin_slug for c in parsed.contacts} == {p.slug for p in rows}


def test_ascii_fold_handles_letters_nfkd_does_not_split() -> None:
    assert ascii_fold("Łukasz Østby Yılmaz Dvořák") == "Lukasz Ostby Yilmaz Dvorak"


def test_misspell_makes_one_small_change() -> None:
    rng = random.Random(0)
    for name in ("Astrid Lindqvist", "Oluwaseun Adeyemi", "Zoë Kowalczyk"):
        typo = misspell(name, rng)
        assert typo != name
        assert abs(len(typo) - len(name)) <= 1


def test_query_plan_mixes_kinds_deterministically() -> None:
    rows = people(400, seed=5)
    plan = bench_queries(rows, 200, seed=5)
    assert plan == bench_queries(rows, 200, seed=5)
    kinds = Counter(q.kind for q in plan)
    assert set(kinds) == {"name", "misspelled", "company", "meaning"}
    assert all(n >= 15 for n in kinds.values())
    names = {p.name for p in rows}
    assert all(q.text in names for q in plan if q.kind == "name")
