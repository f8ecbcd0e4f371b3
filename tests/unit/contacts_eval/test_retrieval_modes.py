"""Retrieval by mode: ground truth, scoring, and the three rankers on a tiny real app."""

from __future__ import annotations

import json
from typing import Any

import pytest

from assistant.errors import InputError
from evals.retrieval_modes import (
    MODES,
    check_queries,
    load_queries,
    matches,
    network_export,
    relevant_for,
    run,
    score_mode,
)
from evals.synthetic_network import load_network
from tests.fakes import HashEmbeddings


def _contact(i: int, name: str, **fields: Any) -> dict[str, Any]:
    notes = fields.pop("notes", [])
    return {"id": f"c_t_{i}", "name": name, "company": "", "title": "", "past_companies": [],
            "location": "", "tier": "active", "tags": [], "how_we_met": "", "introduced_by": "",
            "interests": [], "linkedin_slug": "", "connected_on": None,
            "concepts": fields.pop("concepts", []), **fields,
            "notes": [{"id": f"n_t_{i}_{j}", "created": "2025-01-0" + str(j), "text": t}
                      for j, t in enumerate(notes, start=1)]}


TINY = [
    _contact(1, "Ana Ruiz", company="Kestrel Bio", title="Data Scientist",
             past_companies=["Tidewater Foods"], location="Lisbon, Portugal"),
    _contact(2, "Kwame Mensah", company="Basalt Freight", title="Fleet Manager",
             notes=["Keeps bees on the roof of the depot"], concepts=["bees"]),
    _contact(3, "Ana Rocha", company="Kestrel Bio", title="Chef"),
    _contact(4, "Yuki Tanaka", company="Orchard Lane", title="Editor",
             notes=["Quick call about quarterly planning"]),
    _contact(5, "Lena Vogel", company="Umberfield Media", title="Photographer",
             notes=["Birthday in May"]),
]


def _query(qid: str, query: str, tag: str, truth: dict[str, str]) -> dict[str, Any]:
    return {"id": qid, "query": query, "tag": tag, "truth": truth,
            "relevant": relevant_for(truth, TINY)}


def test_truth_conditions() -> None:
    ana = TINY[0]
    assert matches(ana, {"name": "ana ruiz"})
    assert matches(ana, {"name_has": "Ruiz", "company": "KESTREL BIO, Inc."})
    assert matches(ana, {"past_company": "Tidewater Foods"})
    assert not matches(ana, {"company": "Tidewater Foods"})
    assert matches(ana, {"title": "data scientist", "location": "lisbon"})
    assert not matches(ana, {"title": "data scientist", "location": "porto"})
    assert matches(TINY[1], {"concept": "bees"}) and not matches(ana, {"concept": "bees"})
    with pytest.raises(ValueError, match="unknown"):
        matches(ana, {"shoe_size": "42"})
    assert relevant_for({"company": "Kestrel Bio"}, TINY) == ["c_t_1", "c_t_3"]


def test_check_queries_catches_wrong_missing_and_duplicate_rows() -> None:
    good = _query("q1", "Ana Ruiz", "exact-name", {"name": "Ana Ruiz"})
    wrong = {**_query("q2", "Kestrel Bio", "company", {"company": "Kestrel Bio"}),
             "relevant": ["c_t_1"]}
    nobody = _query("q3", "Nobody Here", "exact-name", {"name": "Nobody Here"})
    dupe = _query("q1", "ana ruiz", "exact-name", {"name": "Ana Ruiz"})
    bad_key = {**good, "id": "q4", "query": "x", "truth": {"colour": "red"}}
    assert check_queries([good], TINY) == []
    problems = check_queries([good, wrong, nobody, dupe, bad_key], TINY)
    assert [p.split(":")[0] for p in problems] == ["q2", "q3", "q1", "q4"]


def test_committed_query_set_matches_the_committed_network() -> None:
    queries = load_queries()
    network = load_network()
    assert len(queries) >= 50
    assert check_queries(queries, network) == []
    assert all(1 <= len(q["relevant"]) <= 5 for q in queries)  # recall@5 can reach 1.0
    tags = {q["tag"] for q in queries}
    assert {"exact-name", "misspelled-name", "company", "role", "interest", "how-we-met",
            "note-detail"} <= tags


def test_export_keeps_ids_and_leaves_eval_metadata_out() -> None:
    document = json.loads(network_export(TINY))
    assert [c["id"] for c in document["contacts"]] == [c["id"] for c in TINY]
    assert all("concepts" not in c and "notes" not in c for c in document["contacts"])
    assert {n["contact_id"] for n in document["notes"]} == {"c_t_2", "c_t_4", "c_t_5"}


def test_score_mode_recall_mrr_tags_and_misses() -> None:
    queries = [
        {"id": "a", "query": "first", "tag": "x", "relevant": ["1"]},
        {"id": "b", "query": "second", "tag": "x", "relevant": ["2", "9"]},
        {"id": "c", "query": "third", "tag": "y", "relevant": ["3"]},
    ]
    rankings = {"first": ["1", "5"], "second": ["5", "2", "6", "7", "8", "9"], "third": ["4"]}
    scored = score_mode(queries, lambda q: rankings[q], k=5)
    assert scored["recall_at_5"] == pytest.approx((1 + 0.5 + 0) / 3, abs=1e-4)
    assert scored["mrr"] == pytest.approx((1 + 0.5 + 0) / 3, abs=1e-4)
    assert scored["by_tag"]["x"] == {"queries": 2, "recall_at_5": 0.75, "mrr": 0.75}
    assert scored["by_tag"]["y"]["recall_at_5"] == 0.0
    assert [m["id"] for m in scored["misses"]] == ["b", "c"]


def test_modes_on_a_tiny_real_app() -> None:
    queries = [
        _query("q1", "Ana Ruiz", "exact-name", {"name": "Ana Ruiz"}),
        _query("q2", "Kwame Mensa", "misspelled-name", {"name": "Kwame Mensah"}),
        _query("q3", "who keeps bees", "note-detail", {"concept": "bees"}),
    ]
    report = run(TINY, queries, embeddings=HashEmbeddings())
    assert report["contacts"] == len(TINY)
    assert report["notes"] == 3
    assert set(report["modes"]) == set(MODES)
    by_mode = {m: {q: r["recall_at_5"] for q, r in report["modes"][m]["by_tag"].items()}
               for m in MODES}
    # Names are the lexical index's job (meaning knows no names); a note's words are found
    # by keywords and by meaning alike.
    assert by_mode["lexical"] == {"exact-name": 1.0, "misspelled-name": 1.0, "note-detail": 1.0}
    assert by_mode["semantic"] == {"exact-name": 0.0, "misspelled-name": 0.0, "note-detail": 1.0}
    assert by_mode["hybrid"] == {"exact-name": 1.0, "misspelled-name": 1.0, "note-detail": 1.0}
    assert report["target"]["met"] is True


def test_a_query_set_that_disagrees_with_the_network_is_refused() -> None:
    wrong = {**_query("q1", "Ana Ruiz", "exact-name", {"name": "Ana Ruiz"}),
             "relevant": ["c_t_3"]}
    with pytest.raises(InputError, match="disagrees"):
        run(TINY, [wrong], embeddings=HashEmbeddings())
