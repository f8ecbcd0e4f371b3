"""The model path against a real OpenAI-compatible server on loopback (llama.cpp, SmolLM2-135M)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from langchain_core.messages import HumanMessage, SystemMessage

from assistant.app import Warmline, build_app
from assistant.domain import Contact, Note
from assistant.llm.chat import build_chat_backend
from assistant.llm.providers import ModelChoice, model_display_name, resolve_model
from assistant.settings import Provider, load_settings
from tests.integration.conftest import CliRun
from tests.integration.llm_server import LlamaServer, free_port

# A tiny model on two shared cores is slow: generous per-read timeouts, bounded by max_tokens.
MODEL_TIMEOUT_S = 120.0
ANA_NOTE = "Ana ran the Chicago marathon in October"


def expected_label(server: LlamaServer) -> str:
    """What drafts must be labelled with: the runtime is named by port, else generic.

    llama.cpp's server names the model by its GGUF path; the label keeps the file's name only.
    """
    runtime = "llamacpp" if server.port == 8080 else "openai-compatible"
    assert server.model_id.endswith(".gguf") and "/" in server.model_id  # the case at hand
    return f"{runtime}:{model_display_name(server.model_id)}"


@pytest.mark.llm_server
def test_auto_detects_the_server_on_a_probe_port(llm_server: LlamaServer) -> None:
    choice = resolve_model(load_settings(provider="auto", detect_ports=[free_port(),
                                                                        llm_server.port]))
    assert choice.provider is Provider.OPENAI_COMPATIBLE
    assert choice.base_url == llm_server.base_url
    assert choice.model == llm_server.model_id
    assert choice.label == expected_label(llm_server)
    assert f"127.0.0.1:{llm_server.port}" in choice.reason


@pytest.mark.llm_server
def test_doctor_names_the_detected_engine(
    llm_server: LlamaServer, cli: Callable[..., CliRun]
) -> None:
    run = cli("doctor", WARMLINE_DETECT_PORTS=f"[{llm_server.port}]")
    assert run.returncode == 0, run
    # rich wraps long labels (a GGUF path) at the terminal width: compare without whitespace
    assert f"Engineinuse:{expected_label(llm_server)}" in "".join(run.stdout.split()), run
    report = cli("doctor", "--json", WARMLINE_DETECT_PORTS=f"[{llm_server.port}]").json()
    assert report["engine"] == expected_label(llm_server)
    model_check = next(c for c in report["checks"] if c["name"] == "model")
    assert model_check["ok"] and llm_server.base_url in model_check["detail"]


@pytest.mark.llm_server
def test_a_streamed_chat_through_the_provider_layer(llm_server: LlamaServer) -> None:
    settings = load_settings(provider="openai-compatible", base_url=llm_server.base_url,
                             timeout_s=MODEL_TIMEOUT_S)
    backend = build_chat_backend(resolve_model(settings), settings)
    assert backend is not None
    tokens: list[str] = []
    text = backend.complete(
        [SystemMessage(content="You are brief."),
         HumanMessage(content="Name three colours, separated by commas.")],
        tokens.append,
    )
    assert len(tokens) > 1, "the reply was not streamed token by token"
    assert text.strip() and text == "".join(tokens)


def add_ana(app: Warmline) -> str:
    """Ana and one note, written to the records and indexed; returns her id."""
    contact = Contact(name="Ana Ruiz", company="Acme Health", title="Product Manager",
                      interests=["running"])
    app.stores.records.put_contact(contact)
    app.stores.records.put_note(Note(contact_id=contact.id, text=ANA_NOTE))
    app.stores.sync.reconcile()
    return contact.id


@pytest.mark.llm_server
def test_a_draft_through_the_real_app_graph(llm_server: LlamaServer) -> None:
    settings = load_settings(provider="auto", detect_ports=[llm_server.port],
                             timeout_s=MODEL_TIMEOUT_S)
    app = build_app(settings)
    try:
        assert app.engine == expected_label(llm_server)
        draft = app.outreach.draft("checkin", add_ana(app), "linkedin-dm")
    finally:
        app.close()
    label = expected_label(llm_server)
    assert draft.text.strip()
    assert any(s.kind == "note" and s.snippet == ANA_NOTE for s in draft.sources)
    if draft.engine == label:
        print(f"\nOUTCOME: the model's draft passed the guard ({draft.char_count} chars)")  # noqa: T201 - recorded for the report
        assert draft.notice == ""
        assert draft.char_count <= 1900
    else:
        # A 135M model often invents names or echoes the prompt: twice means offline, said why.
        print(f"\nOUTCOME: offline fallback after the guard: {draft.notice}")  # noqa: T201 - recorded for the report
        assert draft.engine == "offline"
        assert draft.notice.startswith(f"{label}'s draft was set aside (")
        assert draft.notice.endswith("this is the offline engine's version")
        assert "Chicago marathon" in draft.text  # the offline engine's grounded version


@pytest.mark.llm_server
def test_search_asks_the_real_model_for_other_wordings(llm_server: LlamaServer) -> None:
    settings = load_settings(provider="auto", detect_ports=[llm_server.port],
                             timeout_s=MODEL_TIMEOUT_S)
    app = build_app(settings)
    try:
        ana = add_ana(app)
        found = app.search.find("marathon", expand=True, k=5)
    finally:
        app.close()
    rewrite = found.rewrite
    assert rewrite is not None and rewrite.engine == expected_label(llm_server)
    print(f"\nOUTCOME: the model offered {list(rewrite.terms)}")  # noqa: T201 - for the report
    # A 135M model's terms are often poor: whatever it says, the user's own word ranks first.
    assert rewrite.terms or rewrite.notice == f"{rewrite.engine} offered no other terms"
    assert [r.id for r in found.results][:1] == [ana]


@pytest.mark.llm_server
def test_a_server_that_goes_away_falls_back_with_a_notice(
    second_llm_server: LlamaServer,
) -> None:
    settings = load_settings(provider="openai-compatible", base_url=second_llm_server.base_url,
                             timeout_s=10)
    app = build_app(settings)
    try:
        label = app.engine
        assert label == expected_label(second_llm_server)
        contact_id = add_ana(app)
        second_llm_server.stop()
        draft = app.outreach.draft("checkin", contact_id, "linkedin-dm")
    finally:
        app.close()
    assert draft.engine == "offline"
    assert draft.notice == (
        f"the model {label} is not reachable at {second_llm_server.base_url}. "
        "This draft was written by the offline engine instead."
    )
    assert "Chicago marathon" in draft.text


@pytest.mark.llm_server
def test_a_server_that_starts_after_warmline_is_used_once_it_answers(
    late_llm_server: LlamaServer,
) -> None:
    settings = load_settings(provider="openai-compatible", base_url=late_llm_server.base_url,
                             timeout_s=MODEL_TIMEOUT_S)
    app = build_app(settings)  # nothing listens yet: the app still starts
    try:
        assert app.engine == "openai-compatible"
        assert "drafts use the offline engine until it answers" in app.choice.reason
        contact_id = add_ana(app)
        late_llm_server.start()
        draft = app.outreach.draft("checkin", contact_id, "linkedin-dm")
        assert app.engine == expected_label(late_llm_server)
    finally:
        app.close()
    # Either the model's draft, or the guard set it aside: both name the now-known model.
    assert draft.engine == expected_label(late_llm_server) or draft.notice.startswith(
        f"{expected_label(late_llm_server)}'s draft was set aside ("), draft


def test_cli_draft_with_a_dead_endpoint_prints_the_offline_draft(
    cli: Callable[..., CliRun], seed: Callable[..., str],
) -> None:
    seed("Ana Ruiz", ANA_NOTE)
    dead = f"http://127.0.0.1:{free_port()}/v1"
    run = cli("draft", "checkin", "--contact", "Ana Ruiz", "--json",
              WARMLINE_PROVIDER="openai-compatible", WARMLINE_BASE_URL=dead)
    assert run.returncode == 0, run
    draft = run.json()
    assert draft["engine"] == "offline"
    assert dead in draft["notice"] and "offline engine" in draft["notice"], draft["notice"]
    assert "Chicago marathon" in draft["text"]
    assert "Traceback" not in run.stderr


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts TCP connections and never answers: a hung model server."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join(timeout=5)
    for conn in held:
        conn.close()
    listener.close()


@pytest.mark.parametrize("model", ["tiny", ""], ids=["model-named", "model-looked-up"])
def test_cli_draft_with_a_hung_endpoint_times_out_to_offline(
    cli: Callable[..., CliRun], seed: Callable[..., str], silent_server: int, model: str,
) -> None:
    seed("Ana Ruiz", ANA_NOTE)
    url = f"http://127.0.0.1:{silent_server}/v1"
    run = cli("draft", "checkin", "--contact", "Ana Ruiz", "--json", timeout=120,
              WARMLINE_PROVIDER="openai-compatible", WARMLINE_BASE_URL=url,
              WARMLINE_MODEL=model, WARMLINE_TIMEOUT_S="2", WARMLINE_MAX_RETRIES="0")
    print(f"\nhung endpoint ({model or 'no model name'}): fell back in {run.seconds:.1f} s")  # noqa: T201 - recorded for the report
    assert run.returncode == 0, run
    draft = run.json()
    assert draft["engine"] == "offline"
    assert "timed out" in draft["notice"], draft["notice"]
    assert "Chicago marathon" in draft["text"]


def test_model_choice_label_without_a_model_name_is_the_runtime() -> None:
    # The server was down at start: the label must not end in a dangling colon.
    assert ModelChoice(Provider.OPENAI_COMPATIBLE, "http://127.0.0.1:9/v1").label == (
        "openai-compatible")
