"""``warmline eval``: run the eval suites, write a report, fail on a regression."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from assistant.cli.common import JSON, console, err_console, print_json

if TYPE_CHECKING:
    from evals.runner import RunOutcome

STAGES = {"seeding": "Seeding the temp store", "cases": "Running cases"}


def _show(outcome: RunOutcome) -> None:
    summary, h = outcome.summary, outcome.summary.headline
    lines = [
        f"[bold]Engine:[/bold] {outcome.header['engine']}  [bold]cases:[/bold] {summary.cases} "
        f"run, {summary.passed} passed, {summary.skipped} skipped",
        *(f"  {name:<26} {'–' if value is None else f'{value:.3f}'}"
          for name, value in summary.metrics.items()),
        f"Delivered drafts with unsupported entities: {h['delivered_with_unsupported']} of "
        f"{h['delivered_drafts']}; raw model outputs with them: {h['raw_with_unsupported']} of "
        f"{h['raw_outputs']}",
    ]
    if "all" in summary.latency:
        lat = summary.latency["all"]
        lines.append(f"Latency per case: median {lat['median_s']:.3f} s, "
                     f"p95 {lat['p95_s']:.3f} s")
    lines += [f"Baseline: {outcome.baseline_note}", f"Report: {outcome.report_md}"]
    for line in lines:
        console.print(line, soft_wrap=True)


def eval_command(
    engine: Annotated[str, typer.Option(
        help="offline: the deterministic engine (the CI gate); configured: your settings' model."
    )] = "offline",
    suite: Annotated[str, typer.Option(
        help="Comma-separated suites, e.g. story,outreach,injection,contacts,interview,coach "
             "(each has -blind and other variants; see docs/evaluation.md). Default: all."
    )] = "",
    json_out: JSON = False,
    update_baseline: Annotated[bool, typer.Option(
        "--update-baseline", help="Accept this run's scores as the engine's new baseline."
    )] = False,
    limit: Annotated[int | None, typer.Option(help="At most N cases per suite.")] = None,
    judge: Annotated[bool, typer.Option(
        "--judge", help="Also grade drafts with the model-graded rubric (needs a model)."
    )] = False,
    guard: Annotated[bool, typer.Option(
        "--guard/--no-guard",
        help="--no-guard: deliver a model's first draft unchecked, to measure it before the guard."
    )] = True,
    datasets: Annotated[Path | None, typer.Option(help="Folder of dataset JSONL files.")] = None,
    baseline: Annotated[Path | None, typer.Option(help="Baseline file to compare with.")] = None,
    reports: Annotated[Path | None, typer.Option(
        help="Folder for the reports (default: eval-reports/ in the data dir).")] = None,
) -> None:
    """Run the evals on a fresh temp store; exit 1 when a metric regresses."""
    from assistant.settings import load_settings
    from evals.runner import RunConfig, run_eval

    config = RunConfig(
        engine=engine, suites=tuple(s.strip() for s in suite.split(",") if s.strip()),
        limit=limit, judge=judge, update_baseline=update_baseline, guard=guard,
    )
    config.datasets_dir = datasets or config.datasets_dir
    config.baseline_path = baseline or config.baseline_path
    config.reports_dir = reports or load_settings().home / "eval-reports"
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        tasks: dict[str, TaskID] = {}

        def on_progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(STAGES.get(stage, stage), total=total)
            progress.update(tasks[stage], completed=done, total=total)

        outcome = run_eval(config, on_progress=on_progress)
    if json_out:
        print_json(outcome.to_json())
    else:
        _show(outcome)
    for regression in outcome.regressions:
        print(f"warmline eval: {regression.line()}", file=sys.stderr)  # one unwrapped line
    if outcome.regressions:
        raise typer.Exit(1)


def register(cli: typer.Typer) -> None:
    cli.command("eval")(eval_command)
