"""The eval runner: the real app on fresh seeded stores, every case, a report, the gate."""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.app import Warmline, build_app
from assistant.errors import InputError
from assistant.llm.embeddings import build_embeddings
from assistant.llm.providers import model_display_name
from assistant.settings import Settings, load_settings
from evals.baseline import (
    BASELINE_PATH,
    Regression,
    compare,
    engine_key,
    read_baseline,
    updated,
    write_baseline,
)
from evals.judge import Judge
from evals.report import PUBLISHED_REPORTS_DIR, write_report
from evals.scoring import Summary, summarise
from evals.seed import DATASETS_DIR, Case, Dataset, load_dataset, seed_store
from evals.suites import SUITES, WRITING_SUITES, contacts
from evals.suites.base import CaseResult, EvalContext, RecordingGuard

log = logging.getLogger(__name__)

ENGINES = ("offline", "configured")
_UNSET: Any = object()
# (stage, done, total): the CLI turns these into progress bars.
OnProgress = Callable[[str, int, int], None]
# The day every eval run drafts on: a note's age (and so a hook's tense) and the drafts' seeds
# depend on the date, so a fixed one makes two runs of the same code give the same scores.
EVAL_TODAY = date(2026, 12, 1)


@dataclass
class RunConfig:
    """What to run, on which engine, and where the datasets, baseline and reports live."""

    engine: str = "offline"
    suites: tuple[str, ...] = ()  # empty: every suite
    limit: int | None = None  # at most this many cases per suite
    judge: bool = False
    update_baseline: bool = False
    datasets_dir: Path = DATASETS_DIR
    baseline_path: Path = BASELINE_PATH
    reports_dir: Path = PUBLISHED_REPORTS_DIR  # the CLI writes to the data dir unless told
    today: date = EVAL_TODAY
    guard: bool = True  # False: a model's first draft is delivered as written (the "before")

    def selected(self) -> tuple[str, ...]:
        """The suites to run, checked."""
        unknown = [s for s in self.suites if s not in SUITES]
        if unknown:
            msg = f"unknown suite {', '.join(unknown)}; choose from: {', '.join(SUITES)}"
            raise InputError(msg)
        return self.suites or tuple(SUITES)

    def check(self) -> None:
        """Refuse combinations that would give a misleading result."""
        if self.engine not in ENGINES:
            msg = f"unknown engine '{self.engine}'; choose offline or configured"
            raise InputError(msg)
        if self.limit is not None and self.limit < 1:
            msg = f"--limit must be at least 1, not {self.limit}"
            raise InputError(msg)
        if self.update_baseline and self.limit is not None:
            msg = "--update-baseline needs the full dataset; drop --limit"
            raise InputError(msg)
        if self.update_baseline and not self.guard:
            msg = "--update-baseline measures the app as shipped; drop --no-guard"
            raise InputError(msg)


@dataclass
class RunOutcome:
    """A finished run: header, results, aggregates, regressions and where the report went."""

    header: dict[str, Any]
    results: list[CaseResult]
    summary: Summary
    regressions: list[Regression] = field(default_factory=list)
    baseline_note: str = ""
    report_md: Path | None = None
    report_jsonl: Path | None = None

    def to_json(self) -> dict[str, Any]:
        """The one object ``warmline eval --json`` prints."""
        return {
            "cases": self.summary.cases,
            "engine": self.header["engine"],
            "model": self.header["model"],
            "metrics": self.summary.metrics,
            "regressions": [r.line() for r in self.regressions],
            "report": str(self.report_md) if self.report_md else None,
            "report_jsonl": str(self.report_jsonl) if self.report_jsonl else None,
            "baseline": self.baseline_note,
            **{k: v for k, v in self.summary.to_json().items() if k not in ("cases", "metrics")},
            "skipped_reasons": self.summary.skipped_reasons,
        }


def git_sha(root: Path = Path(__file__).parent.parent) -> str:
    """The short commit the code is at (``-dirty`` when code differs from it), or ``nogit``."""
    git = shutil.which("git")
    if not git:
        return "nogit"
    try:
        done = subprocess.run(  # noqa: S603 - fixed arguments, no user input
            [git, "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
            timeout=10, check=False,
        )
        # Uncommitted code, prompts or datasets: the commit alone does not say what ran.
        changed = subprocess.run(  # noqa: S603 - fixed arguments, no user input
            [git, "status", "--porcelain", "--untracked-files=no", "--", "assistant", "prompts",
             "evals/datasets", "evals/suites", "evals/runner.py"],
            cwd=root, capture_output=True, text=True, timeout=10, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "nogit"
    sha = done.stdout.strip()
    if not sha:
        return "nogit"
    return f"{sha}-dirty" if changed.stdout.strip() else sha


def _run_case(ctx: EvalContext, case: Case) -> CaseResult:
    try:
        return SUITES[case.suite](ctx, case)
    except Exception as e:  # one broken case is a failed case, not a failed run
        log.exception("eval case %s failed", case.id)
        result = CaseResult(case.id, case.suite, case.tags)
        result.failures.append(f"error: {type(e).__name__}: {e}")
        return result


def _build(config: RunConfig, settings: Settings, backend: Any, embeddings: Any) -> Warmline:
    if config.engine == "offline":
        return build_app(settings, backend=None, embeddings=embeddings)
    if backend is _UNSET:
        return build_app(settings, embeddings=embeddings)
    return build_app(settings, backend=backend, embeddings=embeddings)


def _temp_app(stack: ExitStack, build: Callable[[Path], Warmline]) -> Warmline:
    """An app on a fresh temp home, closed and deleted when ``stack`` unwinds."""
    home = stack.enter_context(
        tempfile.TemporaryDirectory(prefix="warmline-eval-", ignore_cleanup_errors=True))
    app = build(Path(home))
    stack.callback(app.close)
    return app


def run_cases(
    app: Warmline, dataset: Dataset, suites: tuple[str, ...], config: RunConfig,
    on_progress: OnProgress | None = None, search_app: Warmline | None = None,
    scratch_app: Callable[[], Warmline] | None = None,
) -> list[CaseResult]:
    """Seed the app's store from the dataset and run every selected case against it."""
    app.outreach.clock = lambda: config.today
    recorder = RecordingGuard(app.writer.guard, enforce=config.guard)
    app.writer.guard = recorder
    judge = None
    if config.judge:
        if app.writer.backend is None:
            msg = "--judge needs a model: use --engine configured with a model set up"
            raise InputError(msg)
        judge = Judge(app.writer.backend, app.prompts)
    ids = seed_store(app.stores.records, app.stores.sync, dataset,
                     (lambda d, t: on_progress("seeding", d, t)) if on_progress else None)
    if search_app is not None:
        if on_progress:
            on_progress("retrieval store", 0, 1)
        contacts.load_search_network(search_app, dataset)
        if on_progress:
            on_progress("retrieval store", 1, 1)
    ctx = EvalContext(app, dataset, ids, recorder, judge, search_app, scratch_app,
                      dataset_dir=config.datasets_dir)
    cases = [c for suite in suites for c in dataset.cases.get(suite, [])[: config.limit]]
    results = []
    for done, case in enumerate(cases, start=1):
        results.append(_run_case(ctx, case))
        if on_progress:
            on_progress("cases", done, len(cases))
    return results


def run_eval(
    config: RunConfig,
    *,
    settings: Settings | None = None,
    backend: Any = _UNSET,
    embeddings: Embeddings | None = None,
    on_progress: OnProgress | None = None,
) -> RunOutcome:
    """Run the eval end to end; tests inject a fake ``backend`` and ``embeddings``."""
    config.check()
    suites = config.selected()
    dataset = load_dataset(config.datasets_dir, suites)
    base = settings or load_settings()
    embeddings = embeddings or build_embeddings(base)  # one model for both stores
    with ExitStack() as stack:
        app = _temp_app(stack, lambda home: _build(
            config, base.model_copy(update={"home": home}), backend, embeddings))
        search_app = None
        if dataset.cases.get("contacts"):
            search_app = _temp_app(stack, lambda home: build_app(
                base.model_copy(update={"home": home}), backend=None, embeddings=embeddings))
        def scratch_app() -> Warmline:
            return _temp_app(stack, lambda home: build_app(
                base.model_copy(update={"home": home}), backend=None, embeddings=embeddings))

        results = run_cases(app, dataset, suites, config, on_progress, search_app, scratch_app)
        engine = app.engine  # a model's name may be learned only on first use
        header = {
            "run_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "engine": engine, "engine_setting": config.engine,
            "model": (model_display_name(app.choice.model) if app.choice.model
                      else "" if engine == "offline" else engine),
            "model_reason": ("forced by --engine offline" if config.engine == "offline"
                             else app.choice.reason),
            "prompt_versions": app.prompts.versions(),
            "dataset_sizes": dataset.sizes(), "missing_datasets": dataset.missing,
            "suites": list(suites), "limit": config.limit, "judge": config.judge,
            "guard": config.guard,
            "git_sha": git_sha(), "embeddings": type(app.stores.index.embeddings).__name__,
        }
    outcome = RunOutcome(header, results, summarise(results))
    _gate(outcome, config, suites)
    outcome.report_md, outcome.report_jsonl = write_report(outcome, config.reports_dir)
    return outcome


def _gate(outcome: RunOutcome, config: RunConfig, suites: tuple[str, ...]) -> None:
    engine = outcome.header["engine"]
    measured = outcome.summary.flat()
    baseline = read_baseline(config.baseline_path)
    if config.update_baseline:
        written = {k: outcome.header[k] for k in ("git_sha", "model", "prompt_versions")}
        written["cases"] = outcome.summary.cases
        write_baseline(config.baseline_path,
                       updated(baseline, engine, measured, written, suites))
        outcome.baseline_note = f"baseline for {engine_key(engine)} updated"
    elif config.limit is not None:
        outcome.baseline_note = "not compared: --limit runs a sample of the dataset"
    elif not config.guard:
        outcome.baseline_note = "not compared: --no-guard measures the model before the guard"
    elif engine_key(engine) not in baseline["engines"]:
        outcome.baseline_note = (f"no baseline for {engine_key(engine)}; "
                                 "run with --update-baseline to record one")
    else:
        outcome.regressions = compare(baseline, engine, measured, suites)
        outcome.baseline_note = f"compared with the {engine_key(engine)} baseline"
    if engine == "offline" and config.engine == "configured" and set(suites) & set(WRITING_SUITES):
        outcome.baseline_note += "; the configured engine resolved to offline"
