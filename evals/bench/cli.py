"""Measurement commands: ``bench`` (import and search speed) and ``eval-retrieval`` (quality)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from assistant.cli.common import JSON, console, err_console, print_json

STAGES = {"reading": "parsing", "contacts": "writing records", "indexing": "embedding + indexing",
          "searching": "searching"}


def _progress(disable: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err_console, transient=True, disable=disable)


def bench(
    sizes: Annotated[str, typer.Option(help="Comma-separated contact counts, e.g. 1000,10k.")]
    = "1000,10000,50000",
    queries: Annotated[int, typer.Option(help="Searches timed per size.", min=1)] = 200,
    repeats: Annotated[int, typer.Option(help="Runs per size; medians are reported.", min=1)]
    = 1,
    seed: Annotated[int, typer.Option(help="Seed for the synthetic contacts.")] = 0,
    profile: Annotated[Path | None, typer.Option(
        help="Folder for cProfile stats, one file per run.")] = None,
    json_out: JSON = False,
) -> None:
    """Import synthetic LinkedIn exports and time searches; each size in a fresh process."""
    from evals.bench.runner import parse_sizes, run_bench

    wanted = parse_sizes(sizes)
    with _progress(json_out) as bar:
        tasks: dict[tuple[int, int], Any] = {}

        def on_event(size: int, repeat: int, event: dict[str, Any]) -> None:
            key = (size, repeat)
            if key not in tasks:
                tasks[key] = bar.add_task(f"{size:>6} contacts", total=None)
            stage = STAGES.get(str(event.get("stage")), str(event.get("stage")))
            bar.update(tasks[key], description=f"{size:>6} contacts: {stage}",
                       completed=event.get("done", 0), total=event.get("total") or None)

        report = run_bench(wanted, queries, repeats, seed, on_event, profile)
    if json_out:
        print_json(report)
        return
    _print_bench(report)


def _print_bench(report: dict[str, Any]) -> None:
    table = Table("contacts", "import s", "per s", "per CPU s", "embed", "RSS MB", "p50 ms",
                  "p95 ms", "1st ms", title="Import (wall and CPU time) and search latency")
    for s in report["sizes"]:
        table.add_row(str(s["size"]), f"{s['import_s']:.1f}", f"{s['contacts_per_s']:.0f}",
                      f"{s['contacts_per_cpu_s']:.0f}", f"{s['embedding_share']:.0%}",
                      f"{s['peak_rss_mb']:.0f}", f"{s['search_p50_ms']:.1f}",
                      f"{s['search_p95_ms']:.1f}", f"{s['search_first_ms']:.0f}")
    console.print(table)
    m = report["machine"]
    console.print(f"{m['cpus']} CPUs, load {m['load_avg_1m']} -> {report['load_avg_1m_after']}; "
                  f"medians of {report['sizes'][0]['repeats']} run(s) per size")
    for target, met in report["met"].items():
        mark = "–" if met is None else ("[green]met[/green]" if met else "[red]missed[/red]")
        console.print(f"  target {target}: {mark}")


def eval_retrieval(json_out: JSON = False) -> None:
    """Score lexical-only, semantic-only and hybrid search on the synthetic network."""
    from evals.retrieval_modes import K, run, summary_rows

    with _progress(json_out) as bar:
        bar.add_task("importing the network and ranking every query", total=None)
        report = run()
    if json_out:
        print_json(report)
        return
    table = Table("mode", f"recall@{K}", "MRR", "median ms")
    for mode, recall, mrr, ms in summary_rows(report):
        table.add_row(mode, f"{recall:.3f}", f"{mrr:.3f}", f"{ms:.1f}")
    console.print(table)
    target = report["target"]
    verdict = "met" if target["met"] else "missed"
    console.print(f"{report['queries']} queries over {report['contacts']} contacts and "
                  f"{report['notes']} notes ({report['embeddings']}); hybrid target "
                  f"recall@{K} >= {target[f'recall_at_{K}']}: {verdict}")


def register(cli: typer.Typer) -> None:
    cli.command()(bench)
    cli.command("eval-retrieval")(eval_retrieval)
