"""The held-out retrieval set: its network regenerates exactly, its truth is exact, it is kept
apart from the dev set, and ``--set`` runs each set in a store of its own."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import evals.retrieval_modes as modes
from assistant.errors import InputError
from evals.retrieval_modes import (
    HOLDOUT2_QUERIES,
    HOLDOUT_QUERIES,
    QUERIES,
    check_queries,
    load_queries,
    run_set,
    run_sets,
)
from evals.synthetic_network import (
    CONCEPTS,
    DATASET,
    HOLDOUT2_CONCEPTS,
    HOLDOUT2_DATASET,
    HOLDOUT_CONCEPTS,
    HOLDOUT_DATASET,
    NETWORK_SIZE,
    generate,
    generate_holdout,
    generate_holdout2,
    load_network,
    to_jsonl,
)
from tests.fakes import HashEmbeddings


@pytest.fixture(scope="module")
def holdout() -> list[dict[str, Any]]:
    return generate_holdout()


def test_committed_holdout_network_is_the_generated_one(holdout: list[dict[str, Any]]) -> None:
    # Editing the generator or the concepts without regenerating would break every truth.
    assert HOLDOUT_DATASET.read_text(encoding="utf-8") == to_jsonl(holdout)
    assert len(holdout) == NETWORK_SIZE
    assert all(re.fullmatch(r"c_hold_\d{4}", c["id"]) for c in holdout)
    assert all(re.fullmatch(r"n_hold_\d{4}_\d", n["id"]) for c in holdout for n in c["notes"])


def test_dev_network_still_regenerates_unchanged() -> None:
    # The concepts argument and the id prefix default to the dev network's.
    assert DATASET.read_text(encoding="utf-8") == to_jsonl(generate())


def test_holdout_is_a_different_network(holdout: list[dict[str, Any]]) -> None:
    dev = load_network(DATASET)
    assert not {c["id"] for c in dev} & {c["id"] for c in holdout}
    assert [c["name"] for c in dev] != [c["name"] for c in holdout]


def test_every_holdout_concept_lands_on_its_carriers_only(
        holdout: list[dict[str, Any]]) -> None:
    for concept, specs in HOLDOUT_CONCEPTS.items():
        carriers = {c["id"] for c in holdout if concept in c["concepts"]}
        assert len(carriers) == len(specs), concept
        for spec in specs:
            for key in ("title", "interest", "how_we_met", "note"):
                if key in spec:  # the planted words appear on nobody else
                    holders = {c["id"] for c in holdout if spec[key] in _fields(c)}
                    assert holders and holders <= carriers, (concept, key)


def _fields(contact: dict[str, Any]) -> list[str]:
    return [contact["title"], contact["how_we_met"], *contact["interests"],
            *(n["text"] for n in contact["notes"])]


def test_holdout_concepts_share_nothing_with_the_dev_concepts() -> None:
    assert not set(HOLDOUT_CONCEPTS) & set(CONCEPTS)
    dev_phrases = {v for specs in CONCEPTS.values() for spec in specs for v in spec.values()}
    assert not dev_phrases & {v for specs in HOLDOUT_CONCEPTS.values() for spec in specs
                              for v in spec.values()}
    assert len(HOLDOUT_CONCEPTS) >= 30


def test_holdout_queries_match_the_holdout_network(holdout: list[dict[str, Any]]) -> None:
    queries = load_queries(HOLDOUT_QUERIES)
    assert len(queries) >= 60
    assert check_queries(queries, holdout) == []
    assert all(re.fullmatch(r"h\d{2}", q["id"]) for q in queries)
    assert all(1 <= len(q["relevant"]) <= 5 for q in queries)  # recall@5 can reach 1.0
    tags = Counter(q["tag"] for q in queries)
    assert {"exact-name", "misspelled-name", "partial-name", "company", "past-company", "role",
            "interest", "how-we-met", "note-detail", "mixed"} == set(tags)
    asked = {q["truth"]["concept"] for q in queries if "concept" in q["truth"]}
    assert asked == set(HOLDOUT_CONCEPTS)  # every concept is asked for, and only those


def test_holdout_queries_are_not_dev_queries(holdout: list[dict[str, Any]]) -> None:
    dev = load_queries(QUERIES)
    held = load_queries(HOLDOUT_QUERIES)
    assert not {q["query"].casefold() for q in dev} & {q["query"].casefold() for q in held}
    # and they are not answerable from the dev network: its truths select other people
    assert check_queries(held, load_network(DATASET)) != []


# -- holdout2: a second held-out set, written blind to search ----------------------------------
@pytest.fixture(scope="module")
def holdout2() -> list[dict[str, Any]]:
    return generate_holdout2()


def test_committed_holdout2_network_is_the_generated_one(
        holdout2: list[dict[str, Any]]) -> None:
    assert HOLDOUT2_DATASET.read_text(encoding="utf-8") == to_jsonl(holdout2)
    assert to_jsonl(generate_holdout2()) == to_jsonl(holdout2)  # deterministic
    assert len(holdout2) == NETWORK_SIZE
    assert all(re.fullmatch(r"c_hld2_\d{4}", c["id"]) for c in holdout2)
    assert all(re.fullmatch(r"n_hld2_\d{4}_\d", n["id"]) for c in holdout2 for n in c["notes"])
    others = load_network(DATASET) + load_network(HOLDOUT_DATASET)
    assert not {c["id"] for c in others} & {c["id"] for c in holdout2}


def test_every_holdout2_concept_lands_on_its_carriers_only(
        holdout2: list[dict[str, Any]]) -> None:
    for concept, specs in HOLDOUT2_CONCEPTS.items():
        carriers = {c["id"] for c in holdout2 if concept in c["concepts"]}
        assert len(carriers) == len(specs), concept
        for spec in specs:
            for key in ("title", "interest", "how_we_met", "note"):
                if key in spec:
                    holders = {c["id"] for c in holdout2 if spec[key] in _fields(c)}
                    assert holders and holders <= carriers, (concept, key)


def test_holdout2_concepts_share_nothing_with_earlier_concepts() -> None:
    assert not set(HOLDOUT2_CONCEPTS) & set(CONCEPTS)
    assert not set(HOLDOUT2_CONCEPTS) & set(HOLDOUT_CONCEPTS)
    earlier = {v for concepts in (CONCEPTS, HOLDOUT_CONCEPTS) for specs in concepts.values()
               for spec in specs for v in spec.values()}
    assert not earlier & {v for specs in HOLDOUT2_CONCEPTS.values() for spec in specs
                          for v in spec.values()}
    assert len(HOLDOUT2_CONCEPTS) >= 30
    assert all(1 <= len(specs) <= 3 for specs in HOLDOUT2_CONCEPTS.values())


def test_holdout2_queries_match_the_holdout2_network(holdout2: list[dict[str, Any]]) -> None:
    queries = load_queries(HOLDOUT2_QUERIES)
    assert len(queries) >= 60
    assert check_queries(queries, holdout2) == []
    assert all(re.fullmatch(r"h2_\d{2}", q["id"]) for q in queries)
    assert len({q["id"] for q in queries}) == len(queries)
    assert all(1 <= len(q["relevant"]) <= 5 for q in queries)
    tags = Counter(q["tag"] for q in queries)
    assert set(tags) == set(Counter(q["tag"] for q in load_queries(HOLDOUT_QUERIES)))
    asked = {q["truth"]["concept"] for q in queries if "concept" in q["truth"]}
    assert asked == set(HOLDOUT2_CONCEPTS)


def test_holdout2_queries_are_new_and_need_their_own_network() -> None:
    held2 = load_queries(HOLDOUT2_QUERIES)
    earlier = load_queries(QUERIES) + load_queries(HOLDOUT_QUERIES)
    assert not {q["query"].casefold() for q in earlier} & {q["query"].casefold() for q in held2}
    assert check_queries(held2, load_network(DATASET)) != []
    assert check_queries(held2, load_network(HOLDOUT_DATASET)) != []


def test_holdout2_is_a_registered_set() -> None:
    suite, network, queries = modes.SETS["holdout2"]
    assert (suite, network, queries) == (f"{modes.SUITE}-holdout2", HOLDOUT2_DATASET,
                                         HOLDOUT2_QUERIES)


# -- --set: each set in its own store -----------------------------------------------------------
def _person(prefix: str, i: int, name: str, company: str) -> dict[str, Any]:
    return {"id": f"c_{prefix}_{i}", "name": name, "company": company, "title": "Editor",
            "past_companies": [], "location": "", "tier": "active", "tags": [],
            "how_we_met": "", "introduced_by": "", "interests": [], "linkedin_slug": "",
            "connected_on": None, "concepts": [], "notes": []}


def _tiny_set(tmp_path: Path, prefix: str, name: str) -> tuple[Path, Path]:
    network = [_person(prefix, 1, name, "Kestrel Bio"), _person(prefix, 2, "Lena Vogel", "")]
    query = {"id": f"{prefix}1", "query": name, "tag": "exact-name", "truth": {"name": name},
             "relevant": [f"c_{prefix}_1"]}
    (tmp_path / f"{prefix}_net.jsonl").write_text(to_jsonl(network), encoding="utf-8")
    (tmp_path / f"{prefix}_q.jsonl").write_text(json.dumps(query) + "\n", encoding="utf-8")
    return tmp_path / f"{prefix}_net.jsonl", tmp_path / f"{prefix}_q.jsonl"


@pytest.fixture
def tiny_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(modes, "SETS", {
        "dev": ("suite-dev", *_tiny_set(tmp_path, "d", "Ana Ruiz")),
        "holdout": ("suite-holdout", *_tiny_set(tmp_path, "h", "Kwame Mensah")),
    })
    monkeypatch.setattr(modes, "_default_embeddings", HashEmbeddings)


@pytest.mark.usefixtures("tiny_sets")
def test_run_sets_reports_each_set_from_its_own_store() -> None:
    reports = run_sets(["dev", "holdout"])
    assert list(reports) == ["dev", "holdout"]
    for name, report in reports.items():
        assert report["suite"] == f"suite-{name}"
        assert report["contacts"] == 2 and report["queries"] == 1  # never pooled
        assert report["modes"]["lexical"]["recall_at_5"] == 1.0
        assert {m["id"] for m in report["modes"]["lexical"]["misses"]} == set()
    assert reports["holdout"]["modes"]["hybrid"]["by_tag"]["exact-name"]["queries"] == 1


@pytest.mark.usefixtures("tiny_sets")
def test_main_set_option(capsys: pytest.CaptureFixture[str]) -> None:
    modes.main(["--set", "holdout", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["suite"] == "suite-holdout"
    assert {"suite", "embeddings", "engine", "contacts", "notes", "queries", "k", "mrr_depth",
            "target", "modes", "nonsense"} == set(report)
    assert report["engine"] == "offline" and set(report["modes"]) == set(modes.MODES)
    modes.main(["--set", "all", "--json"])
    nested = json.loads(capsys.readouterr().out)
    assert set(nested) == {"dev", "holdout"}
    assert [nested[name]["suite"] for name in ("dev", "holdout")] == ["suite-dev",
                                                                       "suite-holdout"]
    assert nested["holdout"]["modes"]["hybrid"]["mrr"] == report["modes"]["hybrid"]["mrr"]
    modes.main(["--set", "all"])
    out = capsys.readouterr().out
    assert "[dev] 1 queries" in out and "[holdout] 1 queries" in out and "hybrid" in out


def test_main_defaults_to_the_dev_set(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    canned = {"suite": "retrieval-network", "modes": {"hybrid": {
        "recall_at_5": 0.5, "mrr": 0.25, "median_ms": 1.0}}}
    monkeypatch.setattr(modes, "run_set", lambda name, modes: {**canned, "set": name})
    modes.main(["--json"])
    assert json.loads(capsys.readouterr().out) == {**canned, "set": "dev"}


def test_expand_scores_search_after_asking_the_configured_model(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WARMLINE_PROVIDER", "offline")  # no model: expanded equals hybrid
    modes.main(["--set", "holdout", "--json", "--expand"])
    report = json.loads(capsys.readouterr().out)
    assert report["engine"] == "offline"
    assert list(report["modes"]) == [*modes.MODES, modes.EXPANDED]
    expanded, hybrid = report["modes"][modes.EXPANDED], report["modes"]["hybrid"]
    assert (expanded["recall_at_5"], expanded["mrr"]) == (hybrid["recall_at_5"], hybrid["mrr"])


def test_an_unknown_set_is_refused() -> None:
    with pytest.raises(InputError, match="unknown query set"):
        run_set("staging")
