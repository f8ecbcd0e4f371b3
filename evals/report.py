"""Eval reports: ``evals/reports/<UTC time>_<engine>_<git sha>.md`` and ``.jsonl``."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.text import ellipsize
from evals.baseline import engine_slug
from evals.suites.base import METRICS, CaseResult

if TYPE_CHECKING:
    from evals.runner import RunOutcome

# The reports the README links to; a run writes here only when asked to (--reports).
PUBLISHED_REPORTS_DIR = Path(__file__).resolve().parent / "reports"
WORST = 12
EXCERPT_CHARS = 161
INTERVIEW_NOTE = (
    "**interview-reference** rows run the interview metrics (`followup_targets_gap`, "
    "`star_ranking`) on the dataset's own reference follow-ups and answer rankings: they check "
    "the metric pipeline, not the app. The **interview** and **interview-blind** suites run the "
    "app's follow-ups, STAR scores and example answers; **interview-jd** and "
    "**interview-blind-jd** check that a session's questions name the posting's requirements."
)


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(_fmt(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return lines + [""]


def headline(outcome: RunOutcome) -> str:
    """Delivered drafts with unsupported entities vs raw model outputs with them."""
    h = outcome.summary.headline
    delivered = (f"**{h['delivered_with_unsupported']} of {h['delivered_drafts']} delivered "
                 "drafts** name a person, company or number that is in no source")
    if not h["raw_outputs"]:
        return delivered + "; no raw model outputs (the offline engine wrote every draft)."
    share = h["raw_with_unsupported"] / h["raw_outputs"]
    counts = Counter(e for r in outcome.results for e in r.raw_invented)
    common = ", ".join(f"{name} ({n})" for name, n in counts.most_common(10))
    return (f"{delivered}, against **{h['raw_with_unsupported']} of {h['raw_outputs']} raw model "
            f"outputs ({share:.0%})** before the guard; the offline engine stood in for "
            f"{h['offline_fallbacks']} drafts."
            + (f" Most common inventions (cases): {common}." if common else ""))


GUARD_HEAD = ["suite / task", "drafts", "raw model outputs", "raw with unsupported entities",
              "raw rejected (any reason)", "model drafts delivered",
              "offline stood in (guard / model error)", "delivered with unsupported entities"]


def guard_table(outcome: RunOutcome) -> list[str]:
    """Before and after the guard, per suite and task: what the model wrote, what shipped."""
    guard = outcome.summary.guard
    if not guard:
        return []
    rows = []
    for key, g in guard.items():
        raw = g["raw_outputs"]
        share = f" ({g['raw_with_unsupported'] / raw:.0%})" if raw else ""
        invented = Counter(e for r in outcome.results if _in_group(r, key) for e in r.raw_invented)
        common = ", ".join(f"{name} ({n})" for name, n in invented.most_common(3))
        rows.append([f"**{key}**" if key == "all" else key, g["delivered_drafts"], raw,
                     f"{g['raw_with_unsupported']}{share}" + (f": {common}" if common else ""),
                     g["raw_rejected"], g["model_delivered"],
                     f"{g['offline_fallbacks']} ({g['guard_fallbacks']} / {g['error_fallbacks']})",
                     g["delivered_with_unsupported"]])
    intro = ("Before the guard: every raw model output (a first try and, when the guard turned it "
             "down, one retry) and the entities it named that no source supports, with the most "
             "common ones. After the guard: the drafts delivered, and how many of them still name "
             "such an entity.")
    return ["## The guard, before and after, per suite and task", "", intro, "",
            *_table(GUARD_HEAD, rows)]


def _in_group(result: CaseResult, key: str) -> bool:
    return key == "all" or f"{result.suite}/{result.task or result.suite}" == key


def _worst(results: list[CaseResult]) -> list[str]:
    failed = sorted((r for r in results if r.failures), key=lambda r: (-len(r.failures), r.id))
    lines = []
    for r in failed[:WORST]:
        excerpt = ellipsize(r.text, EXCERPT_CHARS)
        lines.append(f"- `{r.id}` ({r.suite}, {r.engine or 'no engine'}): "
                     + "; ".join(r.failures))
        if excerpt:
            lines.append(f"  > {excerpt}")
    return (lines or ["No failed cases."]) + [""]


DRAFTS_PER_KIND = 10
# Dev sets only: blind drafts never print.
FULL_DRAFT_SUITES = ("outreach", "outreach-dev3", "pitch", "story", "story-dev3")


def full_drafts(results: list[CaseResult]) -> list[str]:
    """Ten drafts of each kind from the dev sets, in full, for a reviewer to read."""
    kinds: dict[str, list[CaseResult]] = {}
    for r in results:
        if r.suite in FULL_DRAFT_SUITES and r.text and not r.skipped:
            key = f"{r.suite}/{r.task or r.suite}"
            if r.suite == "pitch":  # a pitch case's first tag is its kind (30s, tmay...)
                key = f"pitch/{r.tags[0] if r.tags else 'pitch'}"
            kinds.setdefault(key, []).append(r)
    out: list[str] = []
    for key, rows in kinds.items():
        out += [f"### {key}", ""]
        for r in rows[:DRAFTS_PER_KIND]:
            verdict = "passed" if r.passed else "failed: " + "; ".join(r.failures)
            out += [f"**{r.id}** ({verdict})", "", "```text", r.text.strip(), "```", ""]
    return out or ["No drafts in this run.", ""]


def render_markdown(outcome: RunOutcome) -> str:
    """The human report."""
    hd, summary = outcome.header, outcome.summary
    out = [f"# Warmline eval: {hd['engine']} at {hd['run_at']}", ""]
    config = [["engine", hd["engine"]], ["engine setting", hd["engine_setting"]],
              ["model", hd["model"] or "none"], ["why this engine", hd["model_reason"]],
              ["git sha", hd["git_sha"]], ["embeddings", hd["embeddings"]],
              ["suites", ", ".join(hd["suites"])], ["limit per suite", hd["limit"] or "none"],
              ["judge", "on" if hd["judge"] else "off"],
              ["guard", "off (the model's first draft, delivered unchecked)"
               if hd.get("guard") is False else "on"],
              ["prompt versions", ", ".join(f"{k} v{v}" for k, v in hd["prompt_versions"].items())],
              ["dataset sizes", ", ".join(f"{k} {v}" for k, v in hd["dataset_sizes"].items())],
              ["cases", f"{summary.cases} run, {summary.passed} passed, {summary.skipped} skipped"]]
    if hd["missing_datasets"]:
        config.append(["missing datasets", ", ".join(hd["missing_datasets"])])
    out += ["## Configuration", "", *_table(["", ""], config)]
    out += ["## Headline: delivered drafts vs raw model outputs with unsupported entities", "",
            headline(outcome), "", *guard_table(outcome)]
    out += ["## Regression gate", "", outcome.baseline_note or "not compared", ""]
    out += [f"- {r.line()}" for r in outcome.regressions] + ([""] if outcome.regressions else [])
    rows = [[name, value, "higher" if METRICS[name].higher_is_better else "lower",
             METRICS[name].meaning] for name, value in summary.metrics.items()]
    out += ["## Metrics", "", *_table(["metric", "value", "better", "meaning"], rows)]
    rows = [[suite, name, value] for suite, values in summary.by_suite.items()
            for name, value in values.items()]
    out += ["## By suite", "", *_table(["suite", "metric", "value"], rows)]
    rows = []
    for tag, values in summary.by_tag.items():
        weak = [f"{k} {v:.2f}" for k, v in values.items()
                if k in METRICS and (v < 1.0 if METRICS[k].higher_is_better else v > 0.0)]
        rows.append([tag, int(values["cases"]), values["pass_rate"], ", ".join(weak) or "all met"])
    out += ["## By tag", "", *_table(["tag", "cases", "pass rate", "metrics below target"], rows)]
    rows = [[suite, int(v["cases"]), f"{v['median_s']:.3f}", f"{v['p95_s']:.3f}",
             f"{v['max_s']:.3f}"] for suite, v in summary.latency.items()]
    out += ["## Latency per case (seconds, the app call alone)", "",
            *_table(["suite", "cases", "median", "p95", "max"], rows)]
    out += ["## Worst cases", "", *_worst(outcome.results)]
    out += ["## Drafts in full (dev sets, ten per kind)", "", *full_drafts(outcome.results)]
    if summary.skipped_reasons:
        out += ["## Skipped", ""]
        out += [f"- {n} case(s): {reason}" for reason, n in summary.skipped_reasons.items()] + [""]
    if "interview-reference" in hd["suites"]:
        out += ["## Notes", "", INTERVIEW_NOTE, ""]
    return "\n".join(out)


def write_report(outcome: RunOutcome, folder: Path) -> tuple[Path, Path]:
    """Write the Markdown and JSONL reports; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = outcome.header["run_at"].replace("-", "").replace(":", "")
    stem = f"{stamp}_{engine_slug(outcome.header['engine'])}_{outcome.header['git_sha']}"
    md, jsonl = folder / f"{stem}.md", folder / f"{stem}.jsonl"
    run = {"type": "run", **outcome.header, **outcome.summary.to_json(),
           "regressions": [r.line() for r in outcome.regressions],
           "baseline": outcome.baseline_note}
    lines = [json.dumps(run, ensure_ascii=False, default=str)]
    lines += [json.dumps(r.to_json(), ensure_ascii=False) for r in outcome.results]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    md.write_text(render_markdown(outcome), encoding="utf-8")
    return md, jsonl
