"""The coach: one turn of conversation, with memory, slot filling and confirmations."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from assistant.services.coach import intents as it
from assistant.services.coach.actions import ON_TOKEN, Tools, run_safely
from assistant.services.coach.agent import ToolRouter
from assistant.services.coach.names import AMBIGUOUS, NameResolver, Person
from assistant.services.coach.replies import OPEN, SENT, Reply
from assistant.services.coach.router import Route, Router
from assistant.storage.chat import ChatStore

log = logging.getLogger(__name__)

YES = re.compile(r"^\s*(y|yes|yeah|yep|yup|sure|ok|okay|confirm|do it|go ahead|please do|"
                 r"correct|right|save it|yes please)\b[\s.!]*", re.IGNORECASE)
NO = re.compile(r"^\s*(n|no|nope|cancel|stop|don'?t|never ?mind|abort|not now)\b",
                re.IGNORECASE)
QUESTIONS = {"contact": "Who is it for?", "query": "Who or what should I look for?",
             "target": "Which company do you want to reach?",
             "action": "Shorter, longer or another version?",
             "field": "Change their tier, or delete them?"}
MAX_HISTORY = 200  # messages a page shows on reload


class CoachService:
    """Chat with Warmline: routes each message to a feature and remembers the conversation."""

    def __init__(self, router: Router, tools: Tools, chats: ChatStore,
                 people: Callable[[], list[Person]]) -> None:
        self.router = router
        self.tools = tools
        self.chats = chats
        self.people = people
        self.agent: ToolRouter | None = None  # tool calling, used when a model is configured

    # -- conversations ------------------------------------------------------------------------
    def current(self) -> str:
        """The conversation a page or terminal continues (a new one when there is none)."""
        return self.chats.latest() or self.new_chat()

    def new_chat(self) -> str:
        """Start over: a fresh conversation with an empty state."""
        conversation = uuid.uuid4().hex[:12]
        self.chats.put_state(conversation, {})
        return conversation

    def history(self, conversation: str) -> list[dict[str, Any]]:
        """The conversation's messages (role, content, data), oldest first."""
        return self.chats.messages(conversation)[-MAX_HISTORY:]

    def forget_all(self) -> int:
        """Delete every conversation (part of deleting all of the user's data)."""
        return self.chats.delete_all()

    # -- one turn -----------------------------------------------------------------------------
    def reply(self, message: str, conversation: str | None = None,
              on_token: Callable[[str], None] | None = None) -> Reply:
        """Answer one message; remember both sides. A model's tokens go to ``on_token``."""
        conversation = conversation or self.current()
        state = self.chats.state(conversation)
        self.chats.add(conversation, "user", message)
        streaming = ON_TOKEN.set(on_token)
        try:
            answer = self._turn(message.strip(), state)
        finally:
            ON_TOKEN.reset(streaming)
        self.chats.add(conversation, "assistant", answer.text,
                       {"kind": answer.kind, "actions": answer.actions,
                        "route": answer.route.to_json() if answer.route else None})
        self.chats.put_state(conversation, state)
        return answer

    def press(self, action: str, conversation: str | None = None) -> Reply:
        """A follow-up button: 'another version', 'mark sent' or 'open contact'."""
        conversation = conversation or self.current()
        state = self.chats.state(conversation)
        last = state.get("last")
        self.chats.add(conversation, "user", f"[{action}]")
        if not last:
            answer = Reply("There is nothing to act on yet: ask for a draft or a pitch first.",
                           "answer")
        elif action == SENT and last.get("kind") == "draft":
            answer = run_safely(self.tools.mark_sent, last)
        elif action == OPEN and last["data"].get("contact_id"):
            answer = run_safely(self.tools.show, last["data"]["contact_id"])
        elif action == OPEN and last["data"].get("results"):
            answer = run_safely(self.tools.show, last["data"]["results"][0]["id"])
        else:
            answer = self._revise("another", state)
        self._remember(answer, state)
        self.chats.add(conversation, "assistant", answer.text,
                       {"kind": answer.kind, "actions": answer.actions})
        self.chats.put_state(conversation, state)
        return answer

    def _turn(self, text: str, state: dict[str, Any]) -> Reply:
        pending = state.pop("pending", None)
        if pending and pending["type"] == "confirm":
            if YES.match(text):
                return self._remember(self._execute(_route(pending), state, confirmed=True),
                                      state)
            if NO.match(text):
                return Reply("OK, I changed nothing.", "answer")
        if pending and pending["type"] == "ask":
            filled = self._fill(_route(pending), pending.get("slot", ""), text, pending)
            if filled is not None:
                return self._remember(self._execute(filled, state), state)
        route = self.agent.route(text, state) if self.agent else self.router.route(text)
        answer = self._execute(route, state)
        if pending and pending["type"] == "confirm" and not answer.changed:
            answer.text = "I left that change unsaved.\n\n" + answer.text
        return self._remember(answer, state)

    def _fill(self, route: Route, slot: str, text: str, pending: dict[str, Any]) -> Route | None:
        """Use an answer to 'Which Ana …?' or 'Who is it for?' as the missing slot."""
        if slot == "contact":
            options = [Person(**p) for p in pending.get("options", [])]
            resolver = NameResolver(self.people())
            chosen = resolver.choose(text, options) if options else None
            if chosen is None:
                found = NameResolver(options or self.people()).find(text)
                chosen = found[0].resolved if found else None
            if chosen is None:
                return None
            route.contact = chosen
            route.slots["contact"] = chosen.name
            return route
        if slot and len(text.split()) <= 8 and not self._looks_new(text):
            route.slots[slot] = text.strip(" ?.!")
            return route
        return None

    def _looks_new(self, text: str) -> bool:
        return self.router.route(text).via == "rule"

    def _execute(self, route: Route, state: dict[str, Any], confirmed: bool = False) -> Reply:
        """Ask for what is missing, confirm a change, or run the feature."""
        slots = route.slots
        if slots.get("contact") == AMBIGUOUS and route.options:
            first = route.options[0].name.split()[0]
            choices = " or ".join(p.label() for p in route.options)
            return self._ask(route, "contact", f"Which {first}: {choices}?", state)
        if route.intent in (it.DRAFT, it.CONTACT, it.LOG, it.EDIT) and route.contact is None:
            said = slots.get("contact")
            if said:
                return Reply(f"I can't find {said} in your contacts. Add them in the Contacts "
                             "tab, or check the spelling.", "answer", route=route)
            if route.intent == it.LOG and state.get("last", {}).get("kind") == "draft":
                last = state["last"]["data"]
                route.contact = Person(last["contact_id"], last["contact"])
                slots["contact"] = last["contact"]
            else:
                return self._ask(route, "contact", QUESTIONS["contact"], state)
        for slot in it.REQUIRED.get(route.intent, ()):
            if not slots.get(slot):
                return self._ask(route, slot, QUESTIONS.get(slot, f"What {slot}?"), state)
        if route.intent == it.EDIT and slots.get("field") == "tier" and not slots.get("value"):
            return self._ask(route, "value", "Which tier: inner, active, dormant or "
                             "aspirational?", state)
        if route.changes_data and not confirmed:
            state["pending"] = {"type": "confirm", **_saved(route)}
            return Reply(_confirmation(route) + " (yes / no)", "confirm", route=route)
        answer = self._run(route, state)
        answer.route = route
        return answer

    def _ask(self, route: Route, slot: str, question: str, state: dict[str, Any]) -> Reply:
        state["pending"] = {"type": "ask", "slot": slot, **_saved(route)}
        return Reply(question, "ask", route=route)

    def _run(self, route: Route, state: dict[str, Any]) -> Reply:
        t, s = self.tools, route.slots
        cid = route.contact.id if route.contact else ""
        handlers: dict[str, Callable[[], Reply]] = {
            it.DUE: t.due,
            it.DRAFT: lambda: t.draft(cid, s.get("kind", "checkin"),
                                      s.get("channel", "linkedin-dm")),
            it.REVISE: lambda: self._revise(s.get("action", "another"), state),
            it.SEARCH: lambda: t.search(s["query"]),
            it.CONTACT: lambda: t.show(cid),
            it.PITCH: lambda: t.pitch_reply(s.get("kind", "30s"), s.get("audience", "")),
            it.INTERVIEW: lambda: t.interview(s.get("role", "")),
            it.LOG: lambda: t.log(cid, s.get("kind", "other"), s.get("note", "")),
            it.EDIT: lambda: t.edit(cid, s["field"], s.get("value", "")),
            it.PATH: lambda: t.path(s["target"]),
            it.MAP: t.network_map,
            it.HELP: t.help,
        }
        return run_safely(handlers.get(route.intent, t.unsupported))

    def _revise(self, action: str, state: dict[str, Any]) -> Reply:
        last = state.get("last")
        if not last:
            return Reply("There is nothing to change yet: ask me for a draft or a pitch first.",
                         "answer")
        return run_safely(self.tools.revise, last, action)

    @staticmethod
    def _remember(answer: Reply, state: dict[str, Any]) -> Reply:
        if answer.kind in ("draft", "pitch", "contacts", "contact"):
            state["last"] = {"kind": answer.kind, "data": answer.data}
        return answer


def _saved(route: Route) -> dict[str, Any]:
    return {"intent": route.intent, "slots": dict(route.slots),
            "contact": _person(route.contact) if route.contact else None,
            "options": [_person(p) for p in route.options]}


def _person(p: Person) -> dict[str, str]:
    return {"id": p.id, "name": p.name, "company": p.company}


def _route(saved: dict[str, Any]) -> Route:
    contact = Person(**saved["contact"]) if saved.get("contact") else None
    return Route(saved["intent"], dict(saved.get("slots", {})), contact=contact,
                 options=[Person(**p) for p in saved.get("options", [])])


def _confirmation(route: Route) -> str:
    s = route.slots
    name = route.contact.name if route.contact else s.get("contact", "")
    if route.intent == it.LOG:
        note = f" and save the note “{s['note']}”" if s.get("note") else ""
        return f"Log a {s.get('kind', 'touch')} with {name} today{note}?"
    if s.get("field") == "delete":
        return f"Delete {name} and all their notes, everywhere? This cannot be undone."
    return f"Move {name} to your {s.get('value')} tier?"
