"""The crash loop, short: SIGKILL a real ``warmline`` once mid-import, mid-reindex and mid-draft.

The long run (``python -m evals.bench.crash --kills 21 --rows 20000``) is a benchmark; this is
the same code on a small import, so CI proves every check still holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.bench.crash import run

pytestmark = pytest.mark.timeout(900)


def test_three_kills_lose_and_corrupt_nothing(tmp_path: Path) -> None:
    summary = run(kills=3, rows=2000, seed=4, work=tmp_path)
    print(f"\ncrash loop: {({k: v for k, v in summary.items() if k != 'rounds'})}")  # noqa: T201
    assert summary["by_operation"] == {"import": 1, "reindex": 1, "draft": 1}
    problems = [(r["operation"], r["problems"]) for r in summary["rounds"] if r["problems"]]
    assert not problems, problems
    assert summary["survived"] == 3
    assert summary["states"]["corrupt"] == 0
