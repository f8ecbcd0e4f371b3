"""The feature functions the coach calls (the tools), each returning a chat Reply."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from assistant.domain import Draft
from assistant.drafting.offline.outreach import shorter
from assistant.drafting.render import draft_message
from assistant.errors import InputError, WarmlineError
from assistant.services.coach import render
from assistant.services.coach.features import NOT_YET, Features
from assistant.services.coach.replies import ANOTHER, OPEN, SENT, Reply
from assistant.services.contacts.service import ContactsService
from assistant.services.outreach.service import CHANNEL_LIMITS, OutreachService
from assistant.services.story.pitch import PitchService

# Where a model's tokens go while it writes (set per turn by the coach; None: nowhere).
ON_TOKEN: ContextVar[Callable[[str], None] | None] = ContextVar("coach_on_token", default=None)
PITCH_LADDER = ("one-liner", "30s", "60s")
LONGER_TRIES = 3  # other wordings tried on the same channel for "longer"
SHORTER_SHARE = 0.65
MIN_SHORT_CHARS = 120
KIND_NAMES = {"checkin": "check-in", "info-interview": "informational-interview request",
              "coffee": "coffee invite", "congrats": "congratulations note",
              "thanks": "thank-you note", "intro": "introduction"}
HELP = (
    "I can help with your network in plain words. Try:\n"
    "- “who should I get back in touch with this week?”\n"
    "- “write something to Marisol, she's training for a half marathon”\n"
    "- “who do I know in clinical decision support?”\n"
    "- “give me a 30 second pitch for a recruiter”, then “make it shorter”\n"
    "- “I had coffee with Ana today, she's moving to Oslo” (I ask before saving anything)\n"
    "- “move Ben to my inner circle”, “tell me about Grace”"
)


@dataclass
class Tools:
    """The services the coach drives."""

    contacts: ContactsService
    outreach: OutreachService
    pitch: PitchService
    features: Features

    # -- reading and writing text ----------------------------------------------------------
    def draft(self, contact_id: str, kind: str = "checkin", channel: str = "linkedin-dm",
              variant: int = 0) -> Reply:
        """Write a message to a contact."""
        contact = self.contacts.get(contact_id)
        note = ""
        if kind not in self.features.draft_kinds:
            note = (f"{KIND_NAMES.get(kind, kind).capitalize()}s are not available in this "
                    "version yet, so here is a check-in instead.\n\n")
            kind = "checkin"
        channel = channel if channel in CHANNEL_LIMITS else "linkedin-dm"
        draft = self.outreach.draft(kind, contact.id, channel, variant=variant,
                                    on_token=ON_TOKEN.get())
        heading = f"{note}A {KIND_NAMES.get(kind, kind)} to **{contact.name}** ({channel}):"
        return self._draft_reply(draft, heading, contact.id, contact.name, variant)

    def _draft_reply(self, draft: Draft, heading: str, contact_id: str, name: str,
                     variant: int) -> Reply:
        data = {"draft": draft.to_json(), "contact_id": contact_id, "contact": name,
                "variant": variant}
        return Reply(draft_message(draft, heading), "draft", data=data,
                     actions=[ANOTHER, SENT, OPEN], tool_calls=["draft"], engine=draft.engine)

    def pitch_reply(self, kind: str = "30s", audience: str = "", variant: int = 0) -> Reply:
        """Write a pitch from the profile."""
        try:
            pitch = self.pitch.generate(kind, audience, variant, on_token=ON_TOKEN.get())
        except InputError as e:
            return Reply(f"I cannot write that pitch yet: {e}. Fill in your story in the "
                         "Story & Pitch tab first.", "answer", tool_calls=["pitch"])
        heading = f"Your {kind} pitch" + (f" for {audience}" if audience else "") + ":"
        data = {"pitch": pitch.to_json(), "variant": variant, "audience": audience}
        return Reply(draft_message(pitch, heading), "pitch", data=data, actions=[ANOTHER],
                     tool_calls=["pitch"], engine=pitch.engine)

    def revise(self, last: dict[str, Any], action: str) -> Reply:
        """Shorter, longer or another version of the last draft or pitch."""
        if last.get("kind") == "pitch":
            pitch = last["data"]["pitch"]
            kind, variant = pitch["kind"], int(last["data"].get("variant", 0))
            audience = last["data"].get("audience", "")
            if action == "another":
                return self.pitch_reply(kind, audience, variant + 1)
            if kind in PITCH_LADDER:
                step = -1 if action == "shorter" else 1
                index = PITCH_LADDER.index(kind) + step
                if 0 <= index < len(PITCH_LADDER):
                    return self.pitch_reply(PITCH_LADDER[index], audience, variant)
            return Reply(f"The {kind} pitch has a fixed length; say “another version” for a "
                         "different wording.", "answer")
        data = last["data"]
        draft = Draft.model_validate(data["draft"])
        contact_id, name = data["contact_id"], data["contact"]
        variant = int(data.get("variant", 0))
        if action == "another":
            return self.draft(contact_id, draft.kind, draft.channel, variant + 1)
        if action == "shorter":
            limit = max(MIN_SHORT_CHARS, int(len(draft.text) * SHORTER_SHARE))
            if len(draft.text) <= MIN_SHORT_CHARS:
                return Reply("It is already as short as I can make it and still say something "
                             "real.", "answer")
            short = draft.model_copy(update={"text": shorter(draft.text, limit)})
            reply = self._draft_reply(short, f"Shorter, for **{name}**:", contact_id, name,
                                      variant)
            reply.data["full_text"] = data.get("full_text") or draft.text
            return reply
        return self._longer(draft, data, contact_id, name, variant)

    def _longer(self, draft: Draft, data: dict[str, Any], contact_id: str, name: str,
                variant: int) -> Reply:
        """A longer version on the same channel: the user chose where it goes, not the coach."""
        full = str(data.get("full_text") or "")
        if len(full) > len(draft.text):  # undo a "shorter"
            longer = draft.model_copy(update={"text": full})
            return self._draft_reply(longer, f"Longer, for **{name}** ({draft.channel}):",
                                     contact_id, name, variant)
        tried = [self.outreach.draft(draft.kind, contact_id, draft.channel, variant=v)
                 for v in range(variant + 1, variant + 1 + LONGER_TRIES)]
        # The writer keeps every version within the channel's limits.
        roomier = [d for d in tried if len(d.text) > len(draft.text)]
        if not roomier:
            return Reply(f"That is as long as I can make a {draft.channel} message and keep it "
                         "real; ask for it as an email for more room.", "answer")
        best = max(roomier, key=lambda d: len(d.text))
        return self._draft_reply(best, f"Longer, for **{name}** ({draft.channel}):", contact_id,
                                 name, variant + 1 + tried.index(best))

    # -- contacts ---------------------------------------------------------------------------
    def search(self, query: str) -> Reply:
        """Find people by name, company or what the notes say."""
        found = self.contacts.search.find(query).results[:5]
        data = {"results": [r.to_json() for r in found], "query": query}
        actions = [OPEN] if found else []
        return Reply(render.results_text(query, found), "contacts", data=data, actions=actions,
                     tool_calls=["search_contacts"])

    def show(self, contact_id: str) -> Reply:
        """A contact's card."""
        detail = self.contacts.detail(contact_id)
        data = {"contact_id": detail.contact.id, "contact": detail.contact.name}
        return Reply(render.contact_text(detail), "contact", data=data,
                     tool_calls=["contact_detail"])

    def log(self, contact_id: str, kind: str, note: str = "") -> Reply:
        """Log a touch (and a note); called only after the user said yes."""
        contact = self.contacts.get(contact_id)
        channel = {"message": "message", "call": "call"}.get(kind, "in person")
        self.contacts.log_interaction(contact.id, summary=note or kind, kind=kind,
                                      channel=channel)
        calls = ["log_interaction"]
        if note:
            self.contacts.add_note(contact.id, note)
            calls.append("add_note")
        extra = " and saved the note" if note else ""
        return Reply(f"Logged a {kind} with **{contact.name}** today{extra}. Their check-in "
                     "clock starts again.", "answer", tool_calls=calls, changed=True,
                     data={"contact_id": contact.id, "contact": contact.name})

    def edit(self, contact_id: str, field: str, value: str = "") -> Reply:
        """Change a tier or delete a contact; called only after the user said yes."""
        if field == "delete":
            done = self.contacts.delete(contact_id)
            return Reply(f"Deleted **{done['name']}** with {done['notes']} notes and "
                         f"{done['interactions']} interactions.", "answer",
                         tool_calls=["delete_contact"], changed=True)
        contact = self.contacts.set_tier(contact_id, value)
        return Reply(f"**{contact.name}** is now in your {contact.tier.value} tier.", "answer",
                     tool_calls=["set_tier"], changed=True,
                     data={"contact_id": contact.id, "contact": contact.name})

    def mark_sent(self, last: dict[str, Any]) -> Reply:
        """Log the last draft as sent (the 'mark sent' button)."""
        data = last["data"]
        draft = Draft.model_validate(data["draft"])
        if not draft.id:
            return Reply("That draft was not kept, so it cannot be logged; ask for it again.",
                         "answer")
        self.outreach.mark_sent(draft.id, draft.text)  # the text as shown ("shorter" edits it)
        return Reply(f"Marked as sent to **{data['contact']}**. Their check-in clock starts "
                     "again.", "answer", tool_calls=["mark_sent"], changed=True,
                     data={"contact_id": data["contact_id"], "contact": data["contact"]})

    # -- features other teams add -------------------------------------------------------------
    def due(self) -> Reply:
        """Who is due for a check-in."""
        if self.features.due is None:
            return Reply(NOT_YET.format(what="The due list") + " Meanwhile, ask me to write "
                         "to someone, or “who do I know in …”.", "answer")
        rows = self.features.due()
        return Reply(render.due_text(rows), "due", data={"due": rows}, actions=[OPEN],
                     tool_calls=["due"])

    def interview(self, role: str) -> Reply:
        """Start a mock interview."""
        if self.features.interview is None:
            return Reply(NOT_YET.format(what="The mock interview"), "answer")
        session = self.features.interview(role)
        return Reply(render.questions_text(session), "questions", data=session,
                     tool_calls=["interview_start"])

    def network_map(self) -> Reply:
        """The network map."""
        if self.features.network_map is None:
            return Reply(NOT_YET.format(what="The network map"), "answer")
        return Reply("Your network map is in the Map tab.", "answer",
                     data=self.features.network_map(), tool_calls=["map"])

    def path(self, target: str) -> Reply:
        """Warm paths to a company."""
        if self.features.warm_path is None:
            return Reply(NOT_YET.format(what="The warm-path finder") + f" Meanwhile: “who do I "
                         f"know at {target}?” searches your contacts.", "answer")
        found = self.features.warm_path(target)
        return Reply(render.paths_text(found), "answer", data=found, tool_calls=["path"])

    @staticmethod
    def help() -> Reply:
        """What the coach can do."""
        return Reply(HELP, "answer")

    @staticmethod
    def unsupported() -> Reply:
        """A plain 'I can't do that'."""
        return Reply("I can't do that. I can find people, write drafts and pitches, log a "
                     "touch and change tiers. Say “help” for examples.", "answer")


def run_safely(call: Any, *args: Any, **kwargs: Any) -> Reply:
    """A tool's reply, or its one-line error as the coach's answer."""
    try:
        reply: Reply = call(*args, **kwargs)
    except WarmlineError as e:
        return Reply(f"That did not work: {e}", "error")
    return reply

