"""With a model: the same features as tools, chosen by LangChain tool calling.

The model sees the user's message and nothing else: no note, no contact record, no tool
result. So nothing a note says can make it call a tool. Its choice becomes a Route that goes
through the same slot checks and confirmations as the offline router's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from assistant.errors import ModelError
from assistant.llm.chat import ChatBackend
from assistant.llm.prompts import PromptLibrary
from assistant.llm.tools import ToolSpec, pick_tools
from assistant.services.coach import intents as it
from assistant.services.coach.names import NameResolver, Person
from assistant.services.coach.router import Route, Router

log = logging.getLogger(__name__)
PROMPT = "coach_tools"


def _enum(values: tuple[str, ...], what: str) -> dict[str, Any]:
    return {"type": "string", "enum": list(values), "description": what}


_TEXT = {"type": "string"}
_CONTACT = {"type": "string", "description": "the person's name as the user wrote it"}
TOOLS: dict[str, tuple[str, ToolSpec]] = {
    spec.name: (intent, spec) for intent, spec in (
        (it.DUE, ToolSpec("due_list", "Who is due for a check-in this week.")),
        (it.DRAFT, ToolSpec("write_draft", "Write a message to one contact.", {
            "contact": _CONTACT, "kind": _enum(it.DRAFT_KINDS, "what kind of message"),
            "channel": _enum(it.CHANNELS, "where it will be sent")}, ("contact",))),
        (it.REVISE, ToolSpec("revise_last", "Change the last draft or pitch.", {
            "action": _enum(it.REVISE_ACTIONS, "shorter, longer or another version")},
            ("action",))),
        (it.SEARCH, ToolSpec("search_contacts", "Find contacts by topic, company or role.",
                             {"query": _TEXT}, ("query",))),
        (it.CONTACT, ToolSpec("show_contact", "Show one contact and the notes about them.",
                              {"contact": _CONTACT}, ("contact",))),
        (it.PITCH, ToolSpec("write_pitch", "Write the user's own pitch.", {
            "kind": _enum(it.PITCH_KINDS, "which pitch"), "audience": _TEXT})),
        (it.INTERVIEW, ToolSpec("start_interview", "Start a mock interview.", {"role": _TEXT})),
        (it.LOG, ToolSpec("log_interaction", "Log a touch the user had with a contact.", {
            "contact": _CONTACT, "kind": _enum(it.LOG_KINDS, "what happened"),
            "note": {"type": "string", "description": "news about the person, if any"}},
            ("contact", "kind"))),
        (it.EDIT, ToolSpec("edit_contact", "Change a contact's tier, or delete the contact.", {
            "contact": _CONTACT, "field": _enum(("tier", "delete"), "what to change"),
            "value": _enum(it.TIERS, "the new tier")}, ("contact", "field"))),
        (it.PATH, ToolSpec("warm_path", "Who can introduce the user to a company.",
                           {"target": _TEXT}, ("target",))),
        (it.MAP, ToolSpec("network_map", "Show the network map and gaps.")),
        (it.HELP, ToolSpec("show_help", "Explain what the coach can do.")),
        (it.UNSUPPORTED, ToolSpec("unsupported", "Anything Warmline cannot do.")),
    )
}
ENUMS = {"kind": (it.DRAFT_KINDS, it.PITCH_KINDS, it.LOG_KINDS), "channel": (it.CHANNELS,),
         "action": (it.REVISE_ACTIONS,), "field": (("tier", "delete"),), "value": (it.TIERS,)}


class ToolRouter:
    """Routes with the configured model's tool calls; the offline router when there is none."""

    def __init__(self, backend: Callable[[], ChatBackend | None], prompts: PromptLibrary,
                 offline: Router, people: Callable[[], list[Person]]) -> None:
        self.backend = backend
        self.prompts = prompts
        self.offline = offline
        self.people = people

    def route(self, text: str, state: dict[str, Any]) -> Route:
        """The model's choice as a Route (checked), or the offline router's."""
        backend = self.backend()
        if backend is None:
            return self.offline.route(text)
        last = (state.get("last") or {}).get("kind", "nothing yet")
        messages = self.prompts.get(PROMPT).render({"message": text, "last_result": last})
        try:
            calls = pick_tools(backend, messages, [spec for _, spec in TOOLS.values()])
        except ModelError as e:
            log.warning("tool calling failed, routing offline: %s", e)
            return self.offline.route(text)
        chosen = [c for c in calls if c[0] in TOOLS]
        if not chosen:
            return self.offline.route(text)
        name, args = chosen[0]
        return self._to_route(TOOLS[name][0], args)

    def _to_route(self, intent: str, args: dict[str, Any]) -> Route:
        allowed = set(TOOLS_BY_INTENT[intent].properties)
        slots: dict[str, str] = {}
        for key, value in args.items():
            text = " ".join(str(value).split())
            if key not in allowed or not text:
                continue
            if key in ENUMS and not any(text in values for values in ENUMS[key]):
                continue  # a made-up kind or tier is dropped; the coach asks for it
            slots[key] = text
        route = Route(intent, slots, via="model")
        if "contact" in slots:
            found = NameResolver(self.people()).find(slots["contact"])
            if found:
                route.slots["contact"] = found[0].slot()
                route.contact = found[0].resolved
                route.options = [] if found[0].resolved else found[0].people
        return route


TOOLS_BY_INTENT = {intent: spec for intent, spec in TOOLS.values()}
