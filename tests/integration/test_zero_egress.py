"""Zero egress: import, draft and serve inside a network namespace that has only loopback.

The namespace proves nothing off the machine is *needed*; strace (when installed) proves
nothing off the machine is even *tried*: no connect() to a non-loopback address, no DNS.
The children run with the privacy variables unset and a proxy configured, so what keeps them
quiet is Warmline's own code, not the test's environment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.llm.providers import model_display_name
from tests.integration.conftest import REPO
from tests.integration.llm_server import gguf_path, skip_reason

PRIVACY_VARS = ("GRADIO_ANALYTICS_ENABLED", "ANONYMIZED_TELEMETRY", "HF_HUB_OFFLINE",
                "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY", "DO_NOT_TRACK",
                "ORT_DISABLE_TELEMETRY")
# Libraries that keep quiet on CI by themselves (ONNX Runtime does): unset, to test our code.
CI_VARS = ("CI", "ORT_RUNNING_UNIT_TESTS", "NO_PROXY", "no_proxy", "WARMLINE_DETECT_PORTS")
# ONNX Runtime's uploader first tries ~10 s after start: a process must live longer than that.
IDLE_S = 15
# A documentation-only address (TEST-NET-1): any connect() to it is a leak through a proxy.
PROXY = "http://192.0.2.1:3128"
PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
NOTE = "Ana ran the Chicago marathon in October"
ROWS = 20_000  # a large LinkedIn export
JOB_DESCRIPTION = ("Product Manager, Clinical Apps. You will own the roadmap for our pharmacy "
                   "workflow tools, work with engineers and clinicians, and measure adoption.")
# One scenario of real processes (two imports, ten drafts, an interview, idle, serve, a tiny
# model's draft): a few minutes on two idle cores, more on busy ones. Still bounded.
pytestmark = pytest.mark.timeout(1500)

# Runs inside the namespace: every step is a real ``python -m assistant`` process.
DRIVER = r'''
import json, os, signal, subprocess, sys, time, urllib.request

repo, vcf, model, privacy = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
idle = float(sys.argv[5])
connections, jd = sys.argv[6], sys.argv[7]
results = {}

def warmline(name, *args, timeout=240, **env):
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "assistant", *args], cwd=repo,
                              env={**os.environ, **env}, capture_output=True, text=True,
                              timeout=timeout)
        rc, out, err = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired:
        rc, out, err = "timeout", "", ""
    results[name] = {"rc": rc, "stdout": out, "stderr": err,
                     "seconds": round(time.monotonic() - started, 1)}

subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
probe = "import assistant, json, os; print(json.dumps({k: os.environ.get(k) for k in %r}))"
results["env"] = json.loads(subprocess.run([sys.executable, "-c", probe % privacy], cwd=repo,
                            capture_output=True, text=True, check=True).stdout)

warmline("import", "import", vcf, "--json")
warmline("draft", "draft", "checkin", "--contact", "Ana Ruiz", "--json")
warmline("import_20k", "import", connections, "--json", timeout=900)
# Ten drafts in all: every kind, every channel (the first check-in above is one of them).
for number, (kind, channel) in enumerate([
        ("checkin", "email"), ("checkin", "linkedin-note"), ("checkin", "text"),
        ("coffee", "linkedin-dm"), ("info-interview", "email"), ("congrats", "linkedin-dm"),
        ("thanks", "text"), ("coffee", "email"), ("congrats", "linkedin-note")]):
    warmline(f"draft_{number}", "draft", kind, "--contact", "Ana Ruiz", "--channel", channel,
             "--json")
warmline("interview_start", "interview", "start", "--role", "Product Manager", "--jd", jd,
         "--json")
try:
    session = json.loads(results["interview_start"]["stdout"])["session_id"]
except (ValueError, KeyError):
    session = "missing"
warmline("interview_answer", "interview", "answer", session,
         "I led the pharmacy inventory rollout: I cut stockouts by 30% in six months.", "--json")
warmline("interview_summary", "interview", "summary", session, "--json")

# A long-lived process with the embedding model loaded (what serve is after a search).
started = time.monotonic()
idle_code = ("import sys, time; from assistant.app import build_app; app = build_app(); "
             "hits = app.stores.index.search('note', 'marathon'); time.sleep(float(sys.argv[1])); "
             "app.close(); print(len(hits))")
done = subprocess.run([sys.executable, "-c", idle_code, str(idle)], cwd=repo,
                      capture_output=True, text=True, timeout=240)
results["idle"] = {"rc": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
                   "seconds": round(time.monotonic() - started, 1)}

# The web UI: serve, fetch / with urllib (no proxy: straight to loopback), stop with Ctrl+C.
port = 7861
log = open(os.path.join(os.path.dirname(vcf), "serve.log"), "w")
server = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)],
                          cwd=repo, stdout=log, stderr=subprocess.STDOUT)
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
serve = {"status": None, "page": ""}
deadline = time.monotonic() + 120
while time.monotonic() < deadline and server.poll() is None and serve["status"] is None:
    try:
        with opener.open(f"http://127.0.0.1:{port}/", timeout=2) as response:
            serve["status"] = response.status
            serve["page"] = response.read().decode("utf-8", "replace")
    except OSError:
        time.sleep(0.2)
server.send_signal(signal.SIGINT)
try:
    serve["exit"] = server.wait(timeout=20)
except subprocess.TimeoutExpired:
    server.kill()
    serve["exit"] = "killed"
serve["seconds"] = round(time.monotonic() - deadline + 120, 1)
results["serve"] = serve

# The model path too, when the llama.cpp test server is installed: notes go to loopback only.
if model:
    llama = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", model,
                              "--host", "127.0.0.1", "--port", "8081", "--n_ctx", "2048",
                              "--n_threads", "2"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                opener.open("http://127.0.0.1:8081/v1/models", timeout=1).close()
                break
            except OSError:
                time.sleep(0.25)
        # Two tries of at most 90 s each end inside the step's 240 s even on a busy machine.
        warmline("model_draft", "draft", "checkin", "--contact", "Ana Ruiz", "--json",
                 WARMLINE_DETECT_PORTS="[8081]", WARMLINE_TIMEOUT_S="90")
    finally:
        llama.kill()
        llama.wait(timeout=20)

print(json.dumps(results))
'''


def namespace_reason() -> str | None:
    """Why a loopback-only network namespace cannot be made here, or None."""
    if not shutil.which("unshare"):
        return "unshare (util-linux) is not installed"
    if not shutil.which("ip"):
        return "ip (iproute2) is not installed; it brings loopback up in the namespace"
    try:
        done = subprocess.run(["unshare", "-rn", "true"], capture_output=True, text=True,
                              timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"unshare -rn failed: {e}"
    if done.returncode != 0:
        return f"unprivileged user+network namespaces are disabled: {done.stderr.strip()}"
    return None


def child_env(work: Path) -> dict[str, str]:
    """The test's env minus privacy and CI variables, plus a proxy and a fresh HOME."""
    env = {k: v for k, v in os.environ.items() if k not in PRIVACY_VARS and k not in CI_VARS}
    env.update(dict.fromkeys(PROXY_VARS, PROXY))
    env.update(HOME=str(work / "user"), WARMLINE_HOME=str(work / "home"))
    return env


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run the whole scenario once in the namespace (under strace when it is installed)."""
    reason = namespace_reason()
    if reason:
        pytest.skip(reason)
    from evals.bench.synthetic import connections_csv, people
    from tests.exports import Person, vcard_file

    work = tmp_path_factory.mktemp("egress")
    vcf = work / "ana.vcf"
    vcf.write_bytes(vcard_file([Person(first="Ana", last="Ruiz", company="Acme Health",
                                       title="Product Manager", slug="ana-ruiz", note=NOTE)]))
    driver = work / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    model = str(gguf_path()) if skip_reason() is None else ""
    trace = work / "strace.log" if shutil.which("strace") else None
    command = ["unshare", "-rn"]
    if trace:
        command += ["strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=connect,sendto",
                    "-o", str(trace)]
    connections = work / "Connections.csv"
    connections.write_bytes(connections_csv(people(ROWS, seed=3)))
    jd = work / "jd.txt"
    jd.write_text(JOB_DESCRIPTION, encoding="utf-8")
    command += [sys.executable, str(driver), str(REPO), str(vcf), model, ",".join(PRIVACY_VARS),
                str(IDLE_S), str(connections), str(jd)]
    (work / "user").mkdir()
    # Its own process group, so a timeout takes every process in the namespace down with it.
    driver_run = subprocess.Popen(command, env=child_env(work), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, stderr = driver_run.communicate(timeout=1400)
    except subprocess.TimeoutExpired:
        os.killpg(driver_run.pid, signal.SIGKILL)
        driver_run.communicate()
        raise
    assert driver_run.returncode == 0, f"driver failed:\n{stdout}\n{stderr}"
    results = json.loads(stdout.strip().splitlines()[-1])
    steps = {k: v["seconds"] for k, v in results.items() if isinstance(v, dict) and "seconds" in v}
    print(f"\nnamespace steps (s): {steps}; strace: {bool(trace)}")  # noqa: T201
    results["trace"] = trace.read_text(encoding="utf-8", errors="replace") if trace else None
    results["model"] = model
    results["user_files"] = sorted(str(p.relative_to(work / "user"))
                                   for p in (work / "user").rglob("*"))
    return results


def test_the_code_sets_the_privacy_variables_itself(scenario: dict[str, Any]) -> None:
    assert scenario["env"] == {
        "GRADIO_ANALYTICS_ENABLED": "False", "ANONYMIZED_TELEMETRY": "False",
        "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1",
        "DO_NOT_TRACK": "1", "ORT_DISABLE_TELEMETRY": "1",
    }


def test_import_works_with_only_loopback(scenario: dict[str, Any]) -> None:
    step = scenario["import"]
    assert step["rc"] == 0, step
    report = json.loads(step["stdout"])
    assert (report["added"], report["notes"]) == (1, 1)


def test_draft_works_with_only_loopback(scenario: dict[str, Any]) -> None:
    step = scenario["draft"]
    assert step["rc"] == 0, step
    draft = json.loads(step["stdout"])
    assert draft["engine"] == "offline" and draft["notice"] == ""
    assert "Chicago marathon" in draft["text"]
    assert NOTE in [s["snippet"] for s in draft["sources"]]


def test_a_20k_import_works_with_only_loopback(scenario: dict[str, Any]) -> None:
    step = scenario["import_20k"]
    assert step["rc"] == 0, step
    assert json.loads(step["stdout"])["added"] == ROWS


def test_ten_drafts_work_with_only_loopback(scenario: dict[str, Any]) -> None:
    steps = [scenario["draft"], *(scenario[f"draft_{n}"] for n in range(9))]
    for step in steps:
        assert step["rc"] == 0, step
        draft = json.loads(step["stdout"])
        assert draft["engine"] == "offline" and draft["text"].strip(), draft
    assert len({(json.loads(s["stdout"])["kind"], json.loads(s["stdout"])["channel"])
                for s in steps}) == 10


def test_an_interview_works_with_only_loopback(scenario: dict[str, Any]) -> None:
    for name in ("interview_start", "interview_answer", "interview_summary"):
        assert scenario[name]["rc"] == 0, scenario[name]
    summary = json.loads(scenario["interview_summary"]["stdout"])
    assert summary["answered"] >= 1, summary


def test_a_long_lived_process_with_embeddings_stays_quiet(scenario: dict[str, Any]) -> None:
    step = scenario["idle"]
    assert step["rc"] == 0, step
    assert step["stdout"].strip() == "1", "the imported note should be found by meaning"
    # No telemetry cache or device id (ONNX Runtime would write ~/.cache/Microsoft/...).
    assert not [p for p in scenario["user_files"] if "Microsoft" in p], scenario["user_files"]


def test_the_web_ui_serves_with_only_loopback(scenario: dict[str, Any]) -> None:
    serve = scenario["serve"]
    assert serve["status"] == 200, serve
    assert '"title":"Warmline"' in serve["page"]  # the app config, embedded in the page
    assert serve["exit"] == 0, "Ctrl+C is the normal way to stop the server: exit 0"


@pytest.mark.llm_server
def test_a_local_model_draft_works_with_only_loopback(scenario: dict[str, Any]) -> None:
    if not scenario["model"]:
        pytest.skip(skip_reason() or "no model")
    step = scenario["model_draft"]
    assert step["rc"] == 0, step
    draft = json.loads(step["stdout"])
    label = f"openai-compatible:{model_display_name(scenario['model'])}"
    # The model wrote it; or the guard set its draft aside; or, on a machine too busy for the
    # tiny model to answer in time, the offline engine stood in and said why.
    assert draft["engine"] == label or draft["notice"].startswith(
        (f"{label}'s draft was set aside", f"the model {label} timed out")), draft


ADDRESS = re.compile(
    r'sa_family=(?P<family>AF_INET6?), (?:sin6?_port=htons\((?P<port>\d+)\)).*?'
    r'(?:inet_addr\("(?P<v4>[^"]+)"\)|inet_pton\(AF_INET6, "(?P<v6>[^"]+)")'
)


def is_loopback(address: str) -> bool:
    return address.startswith("127.") or address in ("::1", "::ffff:127.0.0.1")


def test_strace_shows_no_outside_connection_and_no_dns(scenario: dict[str, Any]) -> None:
    if scenario["trace"] is None:
        pytest.skip("strace is not installed (apt-get install strace)")
    calls = [line for line in scenario["trace"].splitlines()
             if re.search(r"\b(connect|sendto)\(", line)]
    inet = [(line, ADDRESS.search(line)) for line in calls if "sa_family=AF_INET" in line]
    assert inet, "the trace saw no loopback traffic at all: is strace following children?"
    unparsed = [line for line, match in inet if match is None]
    assert not unparsed, unparsed[:5]
    outside = [line for line, match in inet
               if match and not is_loopback(match["v4"] or match["v6"])]
    dns = [line for line, match in inet if match and match["port"] == "53"]
    assert not outside, "connections to other machines:\n" + "\n".join(outside[:10])
    assert not dns, "DNS lookups:\n" + "\n".join(dns[:10])
