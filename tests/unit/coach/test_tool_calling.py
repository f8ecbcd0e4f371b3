"""With a model: tool calls become routes, with the same checks; notes never reach the model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from assistant.app import Warmline
from tests.fakes import connection_error, fake_backend
from tests.unit.coach.conftest import PEOPLE, ids


class ToolCallingModel(BaseChatModel):
    """Answers each call with the next queued tool call; records prompts and tools."""

    calls: list[Any] = Field(default_factory=list)
    received: list[list[BaseMessage]] = Field(default_factory=list)
    tools: list[Any] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "fake-tools"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> Any:  # type: ignore[override]
        self.tools.append(list(tools))
        return self

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None,
                  **kwargs: Any) -> ChatResult:
        self.received.append(list(messages))
        reply = self.calls.pop(0)
        if isinstance(reply, BaseException):
            raise reply
        name, args = reply
        message = AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": "t1"}])
        return ChatResult(generations=[ChatGeneration(message=message)])


def with_model(app: Warmline, *calls: Any) -> ToolCallingModel:
    model = ToolCallingModel(calls=list(calls))
    app.writer.backend = fake_backend(model)  # type: ignore[arg-type]
    return model


def test_a_logged_touch_chosen_by_the_model_still_waits_for_yes(app: Warmline) -> None:
    model = with_model(app, ("log_interaction", {"contact": "Marisol", "kind": "call",
                                                  "note": "she got the grant"}))
    chat = app.coach.new_chat()
    reply = app.coach.reply("Marisol rang me, she got the grant", chat)
    assert (reply.kind, reply.route.via if reply.route else "") == ("confirm", "model")
    assert reply.route is not None and reply.route.slots == {
        "contact": "Marisol Vega", "kind": "call", "note": "she got the grant"}
    assert app.contacts.detail(ids(app)["Marisol Vega"]).interactions == []
    names = {t["function"]["name"] for t in model.tools[0]}
    assert {"log_interaction", "write_draft", "edit_contact", "unsupported"} <= names


def test_the_model_sees_the_users_words_and_no_note(app: Warmline) -> None:
    model = with_model(app, ("show_contact", {"contact": "Ben Okafor"}))
    reply = app.coach.reply("tell me about Ben", app.coach.new_chat())
    assert reply.tool_calls == ["contact_detail"] and not reply.changed
    sent = "\n".join(str(m.content) for m in model.received[0])
    assert "tell me about Ben" in sent
    assert all(note not in sent for _, _, note in PEOPLE)
    assert len(model.received) == 1  # the tool's result is never sent back to the model


def test_a_made_up_tier_is_dropped_and_the_coach_asks(app: Warmline) -> None:
    with_model(app, ("edit_contact", {"contact": "Ben", "field": "tier", "value": "VIP"}))
    reply = app.coach.reply("make Ben a VIP", app.coach.new_chat())
    assert reply.kind == "ask" and "Which tier" in reply.text


def test_a_failing_model_falls_back_to_the_offline_router(app: Warmline) -> None:
    with_model(app, connection_error())
    reply = app.coach.reply("who do I know in clinical decision support?", app.coach.new_chat())
    assert reply.route is not None and reply.route.via == "rule"
    assert reply.kind == "contacts" and "Marisol Vega" in reply.text




def test_a_models_draft_streams_its_tokens(app: Warmline) -> None:
    from tests.fakes import FakeChatModel

    text = "Hi Marisol, I hope clinical decision support work is going well. Talk soon."
    app.writer.backend = fake_backend(FakeChatModel().enqueue(text))
    tokens: list[str] = []
    reply = app.coach.reply("write to Marisol", app.coach.new_chat(), on_token=tokens.append)
    assert reply.kind == "draft" and reply.engine == "fake:model"
    assert "".join(tokens) == text == reply.data["draft"]["text"]
