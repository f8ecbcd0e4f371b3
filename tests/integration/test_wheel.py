"""The built wheel, installed into a fresh virtual environment outside the checkout, works:
``doctor`` and an offline pitch run from the prompts and knowledge the wheel ships."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.integration.conftest import REPO

STORY = """\
## Now
Hospital pharmacist at Mercy Health, 8 years in oncology and medication safety.

## Next
Product manager in health tech

## Strengths
- translating clinical needs into clear requirements

## Proof points
- Cut medication errors 30% by redesigning the order-verification workflow
- Led the migration of 40 clinics to a new EHR
"""


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``pip wheel .`` of this checkout (no build isolation: no registry needed)."""
    out = tmp_path_factory.mktemp("dist")
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                 "-q", "-w", str(out), str(REPO)], out, dict(os.environ))
    assert built.returncode == 0, built.stderr
    return next(out.glob("warmline-*.whl"))


def test_the_wheel_ships_the_product_with_its_prompts_and_knowledge_and_no_tooling(
    wheel: Path,
) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped_prompts = {n.rsplit("/", 1)[1] for n in names if n.startswith("assistant/prompts/")}
    assert shipped_prompts == {p.name for p in (REPO / "prompts").glob("*.yaml")}
    assert "assistant/knowledge/thesaurus.yaml" in names
    assert "assistant/knowledge/resources.md" in names
    assert not [n for n in names if n.startswith(("evals/", "tests/"))]


def test_a_fresh_venv_with_the_wheel_runs_doctor_and_an_offline_pitch(
    wheel: Path, tmp_path: Path
) -> None:
    venv, home, elsewhere = tmp_path / "venv", tmp_path / "home", tmp_path / "elsewhere"
    elsewhere.mkdir()
    made = run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp_path,
               dict(os.environ))
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    installed = run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                     "--no-deps", str(wheel)], tmp_path, dict(os.environ))
    assert installed.returncode == 0, installed.stderr
    # The dependencies come from this test run's environment (already installed, no registry);
    # a path listed in a .pth file has its own .pth files ignored, so the checkout's editable
    # install stays out and only the wheel provides ``assistant``.
    target = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                       "['purelib'])"], tmp_path, dict(os.environ)).stdout.strip())
    deps = [sysconfig.get_paths()["purelib"], *site.getsitepackages()]
    (target / "zz_test_dependencies.pth").write_text("\n".join(dict.fromkeys(deps)) + "\n")
    env = {**os.environ, "WARMLINE_HOME": str(home), "WARMLINE_PROVIDER": "offline",
           "PYTHONPATH": ""}
    warmline = str(venv / "bin" / "warmline")

    where = run([str(python), "-c", "import assistant; print(assistant.__file__)"], elsewhere,
                env)
    assert where.stdout.strip().startswith(str(venv)), where.stdout + where.stderr

    doctor = run([warmline, "doctor"], elsewhere, env)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "offline" in doctor.stdout

    (elsewhere / "story.md").write_text(STORY, encoding="utf-8")
    saved = run([warmline, "profile", "set", "--file", "story.md"], elsewhere, env)
    assert saved.returncode == 0, saved.stdout + saved.stderr
    pitch = run([warmline, "pitch", "--kind", "30s", "--json"], elsewhere, env)
    assert pitch.returncode == 0, pitch.stdout + pitch.stderr
    assert '"engine": "offline"' in pitch.stdout and "30%" in pitch.stdout

    # The team's tooling is not part of the product: no eval or bench command here.
    usage = run([warmline, "eval"], elsewhere, env)
    assert usage.returncode != 0 and "No such command" in usage.stderr
