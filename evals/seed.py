"""Eval datasets: read the JSONL files, and seed a fresh Warmline store from them."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from assistant.domain import Contact, Note, Profile, Tier
from assistant.errors import InputError
from assistant.storage.records import RecordStore
from assistant.storage.sync import IndexSync
from evals.interview_cases import ANSWER_SUITES, JD_SUITES, interview_row

log = logging.getLogger(__name__)

DATASETS_DIR = Path(__file__).parent / "datasets"
PERSONAS = "personas.jsonl"
NETWORK = "network.jsonl"
# The contacts team's synthetic network for retrieval (evals/synthetic_network.py writes it).
SEARCH_NETWORK = "retrieval_network.jsonl"
# Suite name -> the file its cases live in.
CASE_FILES = {
    "story": "pitch.jsonl",
    "outreach": "outreach.jsonl",
    "injection": "injection.jsonl",
    "contacts": "retrieval.jsonl",
    "interview-reference": "interview.jsonl",
    "coach": "coach.jsonl",
    "coach-blind": "blind/coach_utterances.jsonl",
    "interview": "interview_answers.jsonl",
    "interview-jd": "interview_jds.jsonl",
    "interview-blind": "blind/interview_answers.jsonl",
    "interview-blind-jd": "blind/interview_jds.jsonl",
    "story-intake": "prose_profiles.jsonl",
    # Frozen held-out sets, written by someone who never saw the writer's code: loaded here and
    # scored in aggregate only (never print their rows).
    "outreach-blind": "blind/outreach_cases.jsonl",
    "story-blind": "blind/prose_profiles.jsonl",
    # A third dev set in the blind sets' shape (its own personas and network), written by a
    # helper who saw no code, to tune against in the open: its drafts print in full.
    "outreach-dev3": "dev3/outreach_cases.jsonl",
    "story-dev3": "dev3/prose_profiles.jsonl",
}
BLIND_SUITES = ("outreach-blind", "story-blind")
# Suites whose cases carry their own personas and network (seeded apart from the dev network).
OWN_NETWORK_SUITES = (*BLIND_SUITES, "outreach-dev3", "story-dev3")
# Coach suites: utterance rows over a network of their own (seeded in a separate store).
COACH_NETWORKS = {"coach": "coach_network.jsonl", "coach-blind": "blind/coach_network.jsonl"}
Progress = Callable[[int, int], None]


class Case(BaseModel):
    """One eval row: inputs, what must be present, what must not, and notes for a grader."""

    id: str
    suite: str
    persona: str = ""
    tags: list[str] = Field(default_factory=list)
    inputs: dict[str, Any] = Field(default_factory=dict)
    must_include: dict[str, Any] = Field(default_factory=dict)
    must_not: dict[str, Any] = Field(default_factory=dict)
    grading_notes: str = ""


class SeedNote(BaseModel):
    date: date
    text: str


class SeedContact(BaseModel):
    """A person in a persona's network, with dated notes (``key`` is unique in the dataset)."""

    key: str
    persona: str
    name: str
    company: str = ""
    title: str = ""
    tier: Tier = Tier.ACTIVE
    tags: list[str] = Field(default_factory=list)
    interests: list[str] = Field(default_factory=list)
    how_we_met: str = ""
    location: str = ""
    past_companies: list[str] = Field(default_factory=list)
    notes: list[SeedNote] = Field(default_factory=list)
    # Marked hooks: {note, fact, keywords, type} (plan | need | life_event | shared_history).
    hooks: list[dict[str, Any]] = Field(default_factory=list)
    key_facts: list[Any] = Field(default_factory=list)


@dataclass
class Dataset:
    """Everything the runner needs: personas' profiles, their networks and the cases."""

    personas: dict[str, Profile]
    network: list[SeedContact]
    cases: dict[str, list[Case]]
    missing: list[str] = field(default_factory=list)  # case files not written yet
    search_network: list[dict[str, Any]] = field(default_factory=list)

    def sizes(self) -> dict[str, int]:
        """Row counts for the report header."""
        notes = sum(len(c.notes) for c in self.network)
        return {
            "personas": len(self.personas),
            "contacts": len(self.network),
            "notes": notes,
            **({"retrieval_contacts": len(self.search_network)} if self.search_network else {}),
            **{suite: len(rows) for suite, rows in self.cases.items()},
        }


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSONL file (blank lines and ``//`` comment lines skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        msg = f"cannot read eval dataset {path}: {e}"
        raise InputError(msg) from e
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            msg = f"{path.name} line {number} is not valid JSON: {e.msg}"
            raise InputError(msg) from e
        if not isinstance(row, dict):
            msg = f"{path.name} line {number} is not a JSON object"
            raise InputError(msg)
        rows.append(row)
    return rows


def _parse(model: type[BaseModel], row: dict[str, Any], where: str) -> Any:
    try:
        return model.model_validate(row)
    except ValidationError as e:
        first = e.errors()[0]
        msg = f"{where}: {'.'.join(map(str, first['loc']))}: {first['msg']}"
        raise InputError(msg) from e


def persona_profile(row: dict[str, Any], where: str) -> tuple[str, Profile]:
    """A persona row's id and profile: the Profile fields, flat or under ``profile``."""
    persona_id = str(row.get("id") or row.get("persona") or "")
    if not persona_id:
        msg = f"{where}: a persona needs an 'id'"
        raise InputError(msg)
    fields = row.get("profile", row)
    data = {k: v for k, v in fields.items() if k in Profile.model_fields}
    return persona_id, _parse(Profile, data, where)


def load_dataset(folder: Path = DATASETS_DIR, suites: tuple[str, ...] = ()) -> Dataset:
    """Read personas, network and the cases of ``suites`` (all suites when empty)."""
    personas: dict[str, Profile] = {}
    if (folder / PERSONAS).is_file():
        for n, row in enumerate(read_jsonl(folder / PERSONAS), start=1):
            pid, profile = persona_profile(row, f"{PERSONAS} row {n}")
            personas[pid] = profile
    network = []
    if (folder / NETWORK).is_file():
        network = [
            _parse(SeedContact, row, f"{NETWORK} row {n}")
            for n, row in enumerate(read_jsonl(folder / NETWORK), start=1)
        ]
    cases: dict[str, list[Case]] = {}
    missing = []
    for suite in suites or tuple(CASE_FILES):
        path = folder / CASE_FILES[suite]
        if not path.is_file():
            missing.append(CASE_FILES[suite])
            cases[suite] = []
            continue
        rows = read_jsonl(path)
        if suite == "contacts":
            rows = [retrieval_row(row) for row in rows]
        elif suite in ("story-intake", "story-blind", "story-dev3"):
            rows = [prose_row(row) for row in rows]
        elif suite in COACH_NETWORKS:
            rows = [coach_row(row, COACH_NETWORKS[suite]) for row in rows]
        elif suite in ANSWER_SUITES + JD_SUITES:
            rows = [interview_row(row) for row in rows]
        parsed = [
            _parse(Case, {"suite": suite, **row}, f"{path.name} row {n}")
            for n, row in enumerate(rows, start=1)
        ]
        cases[suite] = [c for c in parsed if c.suite == suite]
    search_network = []
    if cases.get("contacts"):
        search_network = read_jsonl(folder / SEARCH_NETWORK)
    dataset = Dataset(personas, network, cases, missing, search_network)
    check_references(dataset)
    return dataset


def retrieval_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row of the contacts team's query set (id, query, tag, truth, relevant) as a case."""
    if "query" not in row:
        return row  # already in the case shape
    return {
        "id": row.get("id", ""), "tags": [row["tag"]] if row.get("tag") else [],
        "inputs": {"query": row["query"], "k": row.get("k", 5)},
        "must_include": {"contacts": row.get("relevant", [])},
        "grading_notes": "relevant = every contact matching " + json.dumps(row.get("truth", {})),
    }


def coach_row(row: dict[str, Any], network: str) -> dict[str, Any]:
    """An utterance row (id, text, intent, slots, changes_data, injection) as a case."""
    if "text" not in row:
        return row
    return {
        "id": row.get("id", ""),
        "tags": [str(row.get("intent", ""))] + (["injection"] if row.get("injection") else []),
        "inputs": {"text": row["text"], "network": network},
        "must_include": {"intent": row.get("intent"), "slots": row.get("slots") or {},
                         "changes_data": bool(row.get("changes_data")),
                         "injection": bool(row.get("injection"))},
    }


def prose_row(row: dict[str, Any]) -> dict[str, Any]:
    """A prose profile row ({id, text, expected}) as a case."""
    if "text" not in row:
        return row
    return {"id": row.get("id", ""), "tags": list(row.get("tags", [])),
            "inputs": {"text": row["text"]}, "must_include": {"expected": row.get("expected", {})}}


def check_references(dataset: Dataset) -> None:
    """Every persona and contact key a row names exists; keys are unique."""
    keys = [c.key for c in dataset.network]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        msg = f"{NETWORK}: duplicate contact keys: {', '.join(duplicates)}"
        raise InputError(msg)
    known = set(keys)
    for contact in dataset.network:
        if dataset.personas and contact.persona not in dataset.personas:
            msg = f"{NETWORK}: contact {contact.key} names unknown persona '{contact.persona}'"
            raise InputError(msg)
    search_ids = {str(c.get("id")) for c in dataset.search_network}
    for case in dataset.cases.get("contacts", []):
        unknown = [k for k in case.must_include.get("contacts", []) if k not in search_ids]
        if unknown or not case.must_include.get("contacts"):
            msg = f"retrieval case {case.id}: relevant ids missing from {SEARCH_NETWORK}: {unknown}"
            raise InputError(msg)
    for suite, cases in dataset.cases.items():
        if suite == "contacts" or suite in OWN_NETWORK_SUITES or suite == "story-intake":
            continue
        for case in cases:
            if case.persona and dataset.personas and case.persona not in dataset.personas:
                msg = f"{CASE_FILES[suite]}: case {case.id} names unknown persona '{case.persona}'"
                raise InputError(msg)
            wanted = [case.inputs.get("contact"), *case.must_include.get("contacts", [])]
            for key in (k for k in wanted if k):
                if key not in known:
                    msg = f"{CASE_FILES[suite]}: case {case.id} names unknown contact '{key}'"
                    raise InputError(msg)


def seeded_id(prefix: str, key: str, namespace: str = "") -> str:
    """A stable id for a seeded row: the same dataset gives the same ids (and seeds) every run."""
    digest = hashlib.sha256(f"{namespace}:{key}".encode()).hexdigest()
    return f"{prefix}_{digest[:12]}"


def seed_store(
    records: RecordStore, sync: IndexSync, dataset: Dataset, progress: Progress | None = None,
    namespace: str = "",
) -> dict[str, str]:
    """Write the network into the records in one transaction, index it; return key -> id."""
    ids: dict[str, str] = {}
    with records.db.transaction() as conn:
        for row in dataset.network:
            contact = Contact(
                id=seeded_id("c", row.key, namespace), name=row.name, company=row.company,
                title=row.title, tier=row.tier,
                tags=row.tags, interests=row.interests, how_we_met=row.how_we_met,
                location=row.location, past_companies=row.past_companies,
                last_contacted=max((n.date for n in row.notes), default=None),
                sources=["eval-dataset"],
            )
            records.put_contact(contact, conn)
            for number, note in enumerate(row.notes):
                records.put_note(
                    Note(id=seeded_id("n", f"{row.key}#{number}", namespace), contact_id=contact.id,
                         text=note.text, created=note.date, source="eval-dataset"),
                    conn,
                )
            ids[row.key] = contact.id
    indexed = sync.reconcile(progress)
    log.info("seeded %d contacts (%d index ops)", len(ids), indexed)
    return ids
