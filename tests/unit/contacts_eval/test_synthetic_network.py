"""The retrieval network generator: deterministic, big enough, unique ids, exact concepts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assistant.text import normalize
from evals.synthetic_network import (
    CONCEPTS,
    DATASET,
    NETWORK_SIZE,
    generate,
    load_network,
    to_jsonl,
)


@pytest.fixture(scope="module")
def network() -> list[dict]:
    return generate()


def test_same_seed_same_network_and_another_seed_differs(network: list[dict]) -> None:
    assert to_jsonl(generate()) == to_jsonl(network)
    assert to_jsonl(generate(seed=7)) != to_jsonl(network)


def test_committed_dataset_is_the_generated_one(network: list[dict]) -> None:
    # Editing the generator without regenerating would silently break every query's truth.
    assert DATASET.read_text(encoding="utf-8") == to_jsonl(network)
    assert load_network() == json.loads(json.dumps(network))


def test_size_and_notes_per_contact(network: list[dict]) -> None:
    assert len(network) == NETWORK_SIZE >= 500
    assert all(1 <= len(c["notes"]) <= 4 for c in network)
    days = [date.fromisoformat(n["created"]) for c in network for n in c["notes"]]
    assert min(days) >= date(2022, 1, 1) and max(days) <= date(2026, 12, 31)
    for contact in network:  # notes are listed oldest first
        created = [n["created"] for n in contact["notes"]]
        assert created == sorted(created)


def test_no_duplicate_ids_names_or_slugs(network: list[dict]) -> None:
    ids = [c["id"] for c in network]
    note_ids = [n["id"] for c in network for n in c["notes"]]
    assert len(set(ids)) == len(ids)
    assert len(set(note_ids)) == len(note_ids)
    names = [normalize(c["name"]) for c in network]
    assert len(set(names)) == len(names)  # an exact-name query has exactly one answer
    slugs = [c["linkedin_slug"] for c in network]
    assert len(set(slugs)) == len(slugs)
    assert all(s.isascii() and " " not in s for s in slugs)


def test_every_concept_lands_on_exactly_its_carriers(network: list[dict]) -> None:
    for concept, specs in CONCEPTS.items():
        carriers = [c for c in network if concept in c["concepts"]]
        assert len(carriers) == len(specs), concept
        for spec in specs:
            assert any(_carries(c, spec) for c in carriers), (concept, spec)


def _carries(contact: dict, spec: dict) -> bool:
    texts = [n["text"] for n in contact["notes"]]
    return (spec.get("title", contact["title"]) == contact["title"]
            and spec.get("company", contact["company"]) == contact["company"]
            and spec.get("how_we_met", contact["how_we_met"]) == contact["how_we_met"]
            and ("interest" not in spec or spec["interest"] in contact["interests"])
            and ("note" not in spec or spec["note"] in texts))


def test_planted_phrases_appear_nowhere_else(network: list[dict]) -> None:
    # The ground truth is exact only if a concept's words are not also background words.
    for concept, specs in CONCEPTS.items():
        for spec in specs:
            for key in ("title", "interest", "how_we_met", "note"):
                if key not in spec:
                    continue
                holders = {c["id"] for c in network if spec[key] in _fields(c)}
                carriers = {c["id"] for c in network if concept in c["concepts"]}
                assert holders <= carriers, (concept, key)


def _fields(contact: dict) -> list[str]:
    return [contact["title"], contact["how_we_met"], *contact["interests"],
            *(n["text"] for n in contact["notes"])]


def test_variety_of_names_companies_and_roles(network: list[dict]) -> None:
    surnames = {c["name"].split(" ", 1)[1] for c in network}
    assert len(surnames) > 150
    assert any(not c["name"].isascii() for c in network)  # accents and other scripts' letters
    assert len({c["company"] for c in network}) > 60
    assert len({c["title"] for c in network}) > 60
    assert sum(bool(c["past_companies"]) for c in network) > len(network) // 3
    assert sum(bool(c["how_we_met"]) for c in network) > len(network) // 2


def test_too_small_a_network_is_refused() -> None:
    with pytest.raises(ValueError, match="at least"):
        generate(size=10)
