"""Crash loop: SIGKILL a real ``warmline`` mid-import, mid-reindex and mid-draft, then check.

``python -m evals.bench.crash --kills 20 --rows 20000`` spreads the kills over the three
operations. After each kill it restarts Warmline and checks that:

- the store opens (``warmline doctor --json`` answers, and says at once when it repairs);
- the records equal exactly the committed transactions (an import is one transaction: the
  store holds all of it or none of it; a reindex changes no record; a draft is there whole
  or not at all), and SQLite's integrity check passes;
- the index matches the records after the automatic reconciliation, id for id;
- a re-import is idempotent (the second one adds and updates nothing).

It prints one JSON object: kills survived, records lost or corrupted, and the first command's
latency after each kill.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
OPERATIONS = ("import", "reindex", "draft")
DRAFT_CONTACT = "Ana Ruiz"
DRAFT_NOTE = "Ran the Chicago marathon in October"
COMMAND_TIMEOUT_S = 900.0


@dataclass
class Kill:
    """One SIGKILL and what the restart found."""

    operation: str
    after_s: float
    state: str = ""  # what the store held: "before" or "committed"
    pending_at_restart: int = 0  # index changes the kill left for reconciliation
    first_command_s: float = 0.0
    repair_notice: bool = False
    problems: list[str] = field(default_factory=list)


def warmline(home: Path, *args: str, timeout: float = COMMAND_TIMEOUT_S
             ) -> subprocess.CompletedProcess[str]:
    """Run ``python -m assistant ARGS`` on ``home`` to the end."""
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=REPO,  # noqa: S603
                          env=_env(home), capture_output=True, text=True, timeout=timeout,
                          check=False)


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "WARMLINE_HOME": str(home), "WARMLINE_PROVIDER": "offline",
            "WARMLINE_DETECT_PORTS": "[]"}


def kill_after(home: Path, args: tuple[str, ...], delay_s: float) -> bool:
    """Start ``warmline ARGS`` and SIGKILL it after ``delay_s``; False when it ended first."""
    process = subprocess.Popen([sys.executable, "-m", "assistant", *args],  # noqa: S603
                               cwd=REPO,
                               env=_env(home), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=delay_s)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True


def records(home: Path) -> dict[str, Any]:
    """What the store holds, read straight from SQLite: comparable across runs (no ids)."""
    conn = sqlite3.connect(f"{(home / 'warmline.sqlite3').resolve().as_uri()}?mode=ro", uri=True)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        contacts = sorted(
            (slug, name, company, json.loads(data).get("title", ""))
            for slug, name, company, data in conn.execute(
                "SELECT linkedin_slug, name, company, data FROM contacts"))
        notes = sorted(json.loads(d)["text"] for (d,) in conn.execute("SELECT data FROM notes"))
        drafts = {}
        for draft_id, data in conn.execute("SELECT id, data FROM drafts"):
            parsed = json.loads(data)  # a torn row would fail here
            drafts[draft_id] = (parsed["kind"], parsed["channel"], bool(parsed["text"].strip()))
        pending = conn.execute("SELECT COUNT(*) FROM index_queue").fetchone()[0]
    finally:
        conn.close()
    return {"integrity": integrity, "contacts": contacts, "notes": notes, "drafts": drafts,
            "pending": int(pending)}


INDEX_CHECK = r'''
import json, sys
from assistant.app import build_app
from assistant.settings import load_settings
from assistant.storage.sync import contact_phrases_of
app = build_app(load_settings(provider="offline"))
try:
    stores = app.stores
    wanted = set(contact_phrases_of(stores.records.contact_rows()))
    notes = {n.id for n in stores.records.all_notes()}
    print(json.dumps({
        "missing_phrases": len(wanted - stores.index.ids("contact")),
        "stale_phrases": len(stores.index.ids("contact") - wanted),
        "missing_notes": len(notes - stores.index.ids("note")),
        "stale_notes": len(stores.index.ids("note") - notes),
        "pending": len(stores.records.pending_index_ops()),
    }))
finally:
    app.close()
'''


def index_mismatch(home: Path) -> dict[str, int]:
    """Index ids against the records' (after the reconciliation every start runs)."""
    done = subprocess.run([sys.executable, "-c", INDEX_CHECK],  # noqa: S603 - fixed code
                          cwd=REPO, env=_env(home),
                          capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S, check=True)
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    return {k: v for k, v in counts.items() if v}


def _seed(home: Path, work: Path) -> None:
    vcf = work / "ana.vcf"
    vcf.write_text(f"BEGIN:VCARD\nVERSION:3.0\nFN:{DRAFT_CONTACT}\nN:Ruiz;Ana;;;\n"
                   f"ORG:Acme Health\nTITLE:Product Manager\nNOTE:{DRAFT_NOTE}\nEND:VCARD\n",
                   encoding="utf-8")
    done = warmline(home, "import", str(vcf), "--json")
    if done.returncode != 0:
        msg = f"seeding failed: {done.stderr}"
        raise RuntimeError(msg)


def _timed(home: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.monotonic()
    done = warmline(home, *args)
    return time.monotonic() - started, done


class CrashLoop:
    """Homes for each operation, their calibrated durations, and the kill rounds."""

    def __init__(self, work: Path, rows: int, seed: int) -> None:
        from evals.bench.synthetic import connections_csv, people

        self.work = work
        self.rng = random.Random(seed)  # noqa: S311 - reproducible kill points
        self.csv = work / "Connections.csv"
        self.csv.write_bytes(connections_csv(people(rows, seed=seed)))
        self.base = work / "base"
        _seed(self.base, work)
        self.durations: dict[str, float] = {}
        # A finished import on a copy of the base: the committed state an import must reach.
        self.full = work / "full"
        shutil.copytree(self.base, self.full)
        self.durations["import"], done = _timed(self.full, "import", str(self.csv), "--json")
        if done.returncode != 0:
            msg = f"the reference import failed: {done.stderr}"
            raise RuntimeError(msg)
        self.imported = records(self.full)
        self.durations["reindex"], _ = _timed(self.full, "reindex", "--json")
        self.durations["draft"], _ = _timed(self.full, *self._draft_args())
        # Python and the app take this long to start: kills spread over the rest, mostly.
        self.startup_s, _ = _timed(self.base, "contacts", "list", "--json")

    def _draft_args(self) -> tuple[str, ...]:
        return ("draft", "checkin", "--contact", DRAFT_CONTACT, "--json")

    def round(self, number: int, operation: str) -> Kill:
        """Kill one run of ``operation`` at a random point, restart, and check everything."""
        home = self.work / f"round-{number:02d}"
        shutil.copytree(self.base if operation == "import" else self.full, home)
        before = records(home)
        args = {"import": ("import", str(self.csv), "--json"), "reindex": ("reindex", "--json"),
                "draft": self._draft_args()}[operation]
        delay = self.rng.uniform(0.7 * self.startup_s, self.durations[operation])
        while not kill_after(home, args, delay):  # it ended first (a quiet moment): again
            shutil.rmtree(home)
            shutil.copytree(self.base if operation == "import" else self.full, home)
            delay /= 2
        kill = Kill(operation, round(delay, 2))
        after = records(home)
        kill.pending_at_restart = after["pending"]
        kill.state = self._state(operation, before, after, kill.problems)
        started = time.monotonic()
        doctor = warmline(home, "doctor", "--json")
        kill.first_command_s = round(time.monotonic() - started, 2)
        kill.repair_notice = "interrupted" in doctor.stderr
        if doctor.returncode != 0:
            kill.problems.append(f"doctor after the kill: exit {doctor.returncode}: "
                                 f"{doctor.stderr.strip()[-300:]}")
        from assistant.app import QUIET_REPAIR_OPS

        heavy = kill.pending_at_restart >= QUIET_REPAIR_OPS or (
            operation == "reindex" and kill.pending_at_restart > 0)
        if heavy and not kill.repair_notice:
            kill.problems.append("the repair ran without a word on stderr")
        if records(home) != {**after, "pending": 0}:
            kill.problems.append("the restart changed the records")
        mismatch = index_mismatch(home)
        if mismatch:
            kill.problems.append(f"index differs from the records: {mismatch}")
        if operation == "import":
            self._reimport(home, kill)
        shutil.rmtree(home, ignore_errors=True)
        return kill

    def _state(self, operation: str, before: dict[str, Any], after: dict[str, Any],
               problems: list[str]) -> str:
        if after["integrity"] != "ok":
            problems.append(f"integrity check: {after['integrity']}")
        same = {k: v for k, v in after.items() if k != "pending"}
        was = {k: v for k, v in before.items() if k != "pending"}
        if same == was:
            return "before"
        if operation == "import" and same == {k: v for k, v in self.imported.items()
                                              if k != "pending"}:
            return "committed"
        if operation == "draft":
            new = set(after["drafts"]) - set(before["drafts"])
            rest = {**same, "drafts": {k: v for k, v in after["drafts"].items() if k not in new}}
            if rest == was and len(new) == 1 and next(iter(
                    after["drafts"][d] for d in new)) == ("checkin", "linkedin-dm", True):
                return "committed"
        lost = len(set(before["contacts"]) - set(after["contacts"]))
        problems.append(f"records are neither the state before nor a committed one "
                        f"({len(after['contacts'])} contacts, {lost} lost)")
        return "corrupt"

    def _reimport(self, home: Path, kill: Kill) -> None:
        first = warmline(home, "import", str(self.csv), "--json")
        second = warmline(home, "import", str(self.csv), "--json")
        if first.returncode != 0 or second.returncode != 0:
            kill.problems.append(f"re-import failed: {first.stderr or second.stderr}")
            return
        report = json.loads(second.stdout)
        if report["added"] or report["updated"]:
            kill.problems.append(f"a second re-import changed records: {report}")
        now = records(home)
        if {k: v for k, v in now.items() if k != "pending"} != {
                k: v for k, v in self.imported.items() if k != "pending"}:
            kill.problems.append("after re-importing, the records differ from a clean import")


def run(kills: int, rows: int, seed: int = 0, work: Path | None = None) -> dict[str, Any]:
    """Run ``kills`` rounds over the three operations; the summary as a dict."""
    owned = work is None
    work = work or Path(tempfile.mkdtemp(prefix="warmline-crash-"))
    try:
        loop = CrashLoop(work, rows, seed)
        results = [loop.round(i, OPERATIONS[i % len(OPERATIONS)]) for i in range(kills)]
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)
    survived = [k for k in results if not k.problems]
    latencies = sorted(k.first_command_s for k in results)
    return {
        "kills": len(results), "survived": len(survived), "rows": rows,
        "by_operation": {op: sum(k.operation == op for k in results) for op in OPERATIONS},
        "states": {s: sum(k.state == s for k in results) for s in ("before", "committed",
                                                                    "corrupt")},
        "killed_while_indexing": sum(k.pending_at_restart > 0 for k in results),
        "first_command_after_kill_s": {"median": latencies[len(latencies) // 2],
                                       "max": latencies[-1]} if latencies else {},
        "calibration_s": {**{k: round(v, 1) for k, v in loop.durations.items()},
                          "startup": round(loop.startup_s, 1)},
        "rounds": [asdict(k) for k in results],
    }


def main(argv: list[str] | None = None) -> None:
    """Parse the options, run the loop, print one JSON object (exit 1 on any problem)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args(argv)
    summary = run(options.kills, options.rows, options.seed)
    print(json.dumps(summary, indent=1))  # noqa: T201
    if summary["survived"] != summary["kills"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
