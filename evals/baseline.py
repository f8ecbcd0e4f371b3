"""The regression gate: per-engine baseline scores with tolerances in ``evals/baseline.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.errors import InputError
from assistant.llm.providers import model_display_name
from evals.suites.base import METRICS

BASELINE_PATH = Path(__file__).resolve().parent / "baseline.json"
OFFLINE_TOLERANCE = 0.01  # the offline engine is deterministic: any lost case is a regression
MODEL_TOLERANCE = 0.15  # models sample; a few cases either way is noise
UNGATED = ("raw_unsupported_entities", "judge_rubric")  # reported, never a reason to fail
# Chroma's approximate neighbour search can reorder near-ties between runs: one query in 76.
OFFLINE_TOLERANCES = {"recall_at_k": 0.02, "mrr": 0.02}


def engine_key(label: str) -> str:
    """A baseline key for an engine label: a model given as a file path keeps only its name."""
    runtime, sep, model = label.partition(":")
    return f"{runtime}:{model_display_name(model)}" if sep else label


def engine_slug(label: str) -> str:
    """An engine label fit for a file name."""
    return re.sub(r"[^A-Za-z0-9.]+", "-", engine_key(label)).strip("-") or "engine"


@dataclass(frozen=True)
class Regression:
    """A metric that got worse than its baseline by more than the tolerance."""

    metric: str
    value: float | None
    baseline: float
    tolerance: float
    higher_is_better: bool

    def line(self) -> str:
        """One clear line naming the metric."""
        if self.value is None:
            return (f"regression: {self.metric} was not measured this run "
                    f"(baseline {self.baseline:.3f})")
        direction = "fell" if self.higher_is_better else "rose"
        return (f"regression: {self.metric} {direction} to {self.value:.3f} from the baseline "
                f"{self.baseline:.3f} (tolerance {self.tolerance:.3f})")


def read_baseline(path: Path) -> dict[str, Any]:
    """The baseline file, or an empty one when it does not exist yet."""
    if not path.is_file():
        return {"engines": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        msg = f"cannot read the eval baseline {path}: {e}; fix it or run with --update-baseline"
        raise InputError(msg) from e
    if not isinstance(data, dict) or not isinstance(data.get("engines"), dict):
        msg = f"the eval baseline {path} has no 'engines' object; run with --update-baseline"
        raise InputError(msg)
    return data


def _higher(metric: str) -> bool:
    info = METRICS.get(metric.rsplit(".", 1)[-1])
    return info.higher_is_better if info else True


def compare(
    baseline: dict[str, Any], engine: str, measured: dict[str, float], suites: tuple[str, ...]
) -> list[Regression]:
    """Gated metrics of the suites that ran that fell outside their baseline's tolerance."""
    entry = baseline["engines"].get(engine_key(engine))
    if not entry:
        return []
    found = []
    for metric, spec in sorted(entry.get("metrics", {}).items()):
        suite = metric.rsplit(".", 1)[0]
        tolerance = spec.get("tolerance")
        if suite not in suites or tolerance is None:
            continue
        value, base = measured.get(metric), float(spec["value"])
        if value is not None:  # the baseline keeps 4 places: a zero tolerance compares those
            value = round(value, 4)
        higher = bool(spec.get("higher_is_better", _higher(metric)))
        worse = value is None or (value < base - tolerance if higher else value > base + tolerance)
        if worse:
            found.append(Regression(metric, value, base, float(tolerance), higher))
    return found


def updated(
    baseline: dict[str, Any], engine: str, measured: dict[str, float], meta: dict[str, Any],
    suites: tuple[str, ...],
) -> dict[str, Any]:
    """The baseline with this engine's scores for ``suites`` replaced; tolerances are kept."""
    key = engine_key(engine)
    old = baseline["engines"].get(key, {}).get("metrics", {})
    default = OFFLINE_TOLERANCE if key == "offline" else MODEL_TOLERANCE
    metrics = {m: spec for m, spec in old.items() if m.rsplit(".", 1)[0] not in suites}
    for metric, value in sorted(measured.items()):
        name = metric.rsplit(".", 1)[-1]
        fresh = OFFLINE_TOLERANCES.get(name, default) if key == "offline" else default
        tolerance = old.get(metric, {}).get("tolerance", fresh) if name not in UNGATED else None
        metrics[metric] = {"value": round(value, 4), "tolerance": tolerance,
                           "higher_is_better": _higher(metric)}
    engines = dict(baseline["engines"])
    engines[key] = {"updated": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), **meta,
                    "metrics": dict(sorted(metrics.items()))}
    return {**baseline, "engines": dict(sorted(engines.items()))}


def write_baseline(path: Path, data: dict[str, Any]) -> None:
    """Write the baseline atomically (a crash leaves the old file whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    tmp.replace(path)
