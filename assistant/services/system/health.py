"""``warmline doctor``: config, engine, model reachability, store health and versions."""

from __future__ import annotations

import importlib.metadata
import platform
from dataclasses import dataclass, field

from assistant.errors import REBUILD_HINT, WarmlineError
from assistant.llm.chat import probe
from assistant.llm.providers import ModelChoice
from assistant.services.contacts.thesaurus import Thesaurus
from assistant.settings import Settings
from assistant.storage.db import Database
from assistant.storage.sync import IndexSync

PACKAGES = (
    "warmline",
    "gradio",
    "chromadb",
    "langchain-core",
    "langchain-openai",
    "openai",
    "onnxruntime",
    "pydantic",
)


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class HealthReport:
    engine: str
    checks: list[Check] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def to_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "engine": self.engine,
            "checks": [c.__dict__ for c in self.checks],
            "versions": self.versions,
        }


def diagnose(
    settings: Settings, choice: ModelChoice, db: Database, sync: IndexSync | None,
    thesaurus: Thesaurus, holder: str = "",
) -> HealthReport:
    """Run every check; a failing model is reported, not raised.

    Without ``sync`` (another Warmline, ``holder``, has the data dir and its index open) the
    records are checked read-only and the index is left to that process.
    """
    report = HealthReport(engine=choice.label)
    report.checks.append(Check("data dir", True, str(settings.home)))
    report.checks.append(
        Check(
            "config",
            True,
            str(settings.config_path)
            + ("" if settings.config_path.exists() else " (not created yet; defaults in use)"),
        )
    )
    report.checks.append(Check("engine", True, f"{choice.label}: {choice.reason}"))
    try:
        report.checks.append(Check("model", True, probe(choice, settings)))
    except WarmlineError as e:
        report.checks.append(Check("model", False, f"{e}; drafts fall back to the offline engine"))
    report.checks.append(
        Check("records", db.integrity_ok(), f"{db.path} (schema v{db.schema_version})")
    )
    if sync is None:
        report.checks.append(Check(
            "index", True, f"in use by {holder or 'another Warmline'}; checked when it stops"))
    else:
        report.checks.append(_index_check(sync))
    report.checks.append(Check(
        "thesaurus", not thesaurus.problem,
        thesaurus.problem + "; search runs without synonyms until it is fixed"
        if thesaurus.problem else f"{len(thesaurus)} groups of words that mean the same"))
    report.versions["python"] = platform.python_version()
    for name in PACKAGES:
        try:
            report.versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            report.versions[name] = "not installed"
    return report


def _index_check(sync: IndexSync) -> Check:
    counts = sync.health()
    in_step = (
        counts["phrases"] == counts["indexed_phrases"]
        and counts["notes"] == counts["indexed_notes"]
        and counts["pending"] == 0
    )
    return Check(
        "index",
        in_step,
        f"{counts['contacts']} contacts ({counts['indexed_phrases']}/{counts['phrases']} "
        "profile phrases), "
        f"{counts['indexed_notes']}/{counts['notes']} notes indexed"
        + ("" if in_step else f"; {REBUILD_HINT}"),
    )
