"""The offline writer's speed: ``python -m evals.bench.writer [--json]`` (a benchmark, not a test).

Measures, each in a fresh process where it matters:
- ``warmline --help``: its time, and that spaCy is not imported;
- ``warmline serve``'s start (build the app, start the server): its time, spaCy not imported;
- the parser's lazy load (the first draft pays it);
- offline drafts, warm: p50/p95 over every dev contact x kind x channel, with the parse cache
  kept (as in use) and cleared before each draft (every note parsed afresh).
Targets: a warm draft <= 100 ms p95; serve starts in <= 5 s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from datetime import date
from typing import Any

from evals.scoring import percentile
from evals.seed import load_dataset

KINDS = ("checkin", "info-interview", "coffee", "congrats", "thanks")
CHANNELS = ("linkedin-note", "linkedin-dm", "email", "text")
SERVE = """
import json, socket, sys, tempfile, time
t = time.perf_counter()
from assistant.app import build_app
from assistant.settings import load_settings
from assistant.ui.server import start_server
home = tempfile.mkdtemp(prefix="warmline-bench-")
settings = load_settings(provider="offline")
app = build_app(settings.model_copy(update={"home": __import__("pathlib").Path(home)}))
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
blocks = start_server(app, "127.0.0.1", port)
ready = time.perf_counter() - t
print(json.dumps({"serve_start_s": ready, "spacy_imported": "spacy" in sys.modules}))
blocks.close(); app.close()
"""


def _help() -> dict[str, Any]:
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-X", "importtime", "-m", "assistant", "--help"],
        capture_output=True, text=True, timeout=120, check=False)
    return {"help_s": time.perf_counter() - started,
            "help_imports_spacy": any(" spacy" in line for line in done.stderr.splitlines()),
            "help_ok": done.returncode == 0}


def _serve() -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", SERVE], capture_output=True,  # noqa: S603
                          text=True, timeout=300, check=False)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {"serve_error": done.stderr[-400:]}


def _drafts() -> dict[str, Any]:
    from assistant.domain import Contact, Note
    from assistant.drafting.language import parser
    from assistant.drafting.offline.outreach import write

    data = load_dataset(suites=("outreach",))
    people = [(Contact(name=c.name, company=c.company, title=c.title),
               [Note(text=n.text, created=n.date) for n in c.notes],
               data.personas.get(c.persona)) for c in data.network]
    started = time.perf_counter()
    parser.nlp()
    load_s = time.perf_counter() - started
    runs: dict[str, list[float]] = {"cached": [], "uncached": []}
    today = date(2025, 11, 1)
    for mode in runs:
        for i, (contact, notes, profile) in enumerate(people):
            for kind in KINDS:
                for channel in CHANNELS:
                    if mode == "uncached":
                        parser.parse.cache_clear()
                    t = time.perf_counter()
                    write(kind, channel, contact, notes, None, profile or "Sam",
                          f"bench{i}{mode}", today=today)
                    runs[mode].append(time.perf_counter() - t)
    out: dict[str, Any] = {"parser_load_s": load_s, "drafts": len(runs["cached"])}
    for mode, seconds in runs.items():
        out[f"{mode}_p50_ms"] = percentile(seconds, 0.5) * 1000
        out[f"{mode}_p95_ms"] = percentile(seconds, 0.95) * 1000
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the writer benchmark and print a table (or ``--json``)."""
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_known_args(argv)
    as_json = "--json" in (argv if argv is not None else sys.argv[1:])
    del args
    import os  # noqa: PLC0415

    report = {"load_avg_1m_before": os.getloadavg()[0], **_help(), **_serve(), **_drafts(),
              "load_avg_1m_after": os.getloadavg()[0]}
    report["met"] = {
        "warm draft p95 <= 100 ms": report.get("cached_p95_ms", 1e9) <= 100,
        "serve starts <= 5 s": report.get("serve_start_s", 1e9) <= 5,
        "--help and serve do not import spaCy": not report.get("help_imports_spacy")
        and not report.get("spacy_imported"),
    }
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    else:
        for key, val in report.items():
            sys.stdout.write(f"{key}: {val:.3f}\n" if isinstance(val, float) else f"{key}: {val}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
