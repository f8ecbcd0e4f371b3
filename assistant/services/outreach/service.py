"""Outreach drafts: give-first messages grounded in what the user remembers about a person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from assistant.domain import Contact, Direction, Draft, Interaction, Note, Source, new_id
from assistant.drafting.guard import Limits
from assistant.drafting.language.hooks import hooks_for, pick_hook
from assistant.drafting.links import inert
from assistant.drafting.offline import outreach as offline
from assistant.drafting.offline.injection import untrusted_contact
from assistant.drafting.writer import Writer, WriteRequest
from assistant.errors import InputError
from assistant.llm.chat import as_dicts
from assistant.services.outreach import ledger
from assistant.services.outreach.cadence import Cadences, Clock
from assistant.services.outreach.intros import IntroSuggestion, suggest_intros
from assistant.services.outreach.library import Match, ResourceLibrary
from assistant.services.outreach.today import Today
from assistant.services.outreach.wording import Wording, write
from assistant.storage import drafts as draft_store
from assistant.storage.index import SearchIndex
from assistant.storage.records import RecordStore
from assistant.storage.sync import IndexSync
from assistant.text import ellipsize

CHANNEL_LIMITS = {
    "linkedin-note": Limits(max_chars=300),  # LinkedIn's hard limit on connection notes
    "linkedin-dm": Limits(max_chars=1900, max_words=200),
    "email": Limits(max_words=200),
    "text": Limits(max_chars=480),
}
KINDS = ("checkin", "info-interview", "coffee", "congrats", "thanks", "intro")
SUMMARY_CHARS = 140  # an interaction's summary in the log
HOOK_NOTES = 3
INTRO_SEPARATOR = "---"  # the model's intro reply: the opt-in ask, this line, the intro


def context_block(label: str, lines: list[str]) -> str:
    """Untrusted user data, fenced so the prompt can tell the model it is data, not orders."""
    body = "\n".join(f"- {line}" for line in lines) or "- (none)"
    return f"<<<{label}\n{body}\n{label}>>>"


def sent_direction(draft: Draft) -> Direction:
    """What a sent draft was: requests ask; a check-in or thank-you gives only when it shares
    something; congratulations and introductions give."""
    if draft.kind in ledger.ASK_KINDS:
        return Direction.ASKED
    if draft.kind in {"congrats", "intro"}:
        return Direction.GAVE
    shares = any(s.kind in {"knowledge", "resource"} for s in draft.sources)
    return Direction.GAVE if shares else Direction.NEUTRAL


@dataclass
class _Plan:
    """A draft ready to write: its checked kind and channel, people, sources and request."""

    kind: str
    channel: str
    contact: Contact
    other: Contact | None
    sources: list[Source]
    offline_wording: Callable[[], Wording]
    request: WriteRequest
    today: date


class OutreachService:
    """Drafts messages to contacts, keeps them, and logs the ones the user sends."""

    def __init__(self, records: RecordStore, index: SearchIndex, sync: IndexSync,
                 writer: Writer, clock: Clock = date.today) -> None:
        self.records = records
        self.index = index
        self.sync = sync
        self.writer = writer
        self.clock = clock
        self.library = ResourceLibrary(records, index, sync)
        self.cadences = Cadences(records, lambda: self.clock())
        self.today = Today(records, self.cadences, lambda: self.clock())

    # -- drafting -------------------------------------------------------------------------
    def draft(self, kind: str, contact_id: str, channel: str = "linkedin-dm", *,
              to_id: str | None = None, avoid_hook: str = "", variant: int = 0,
              on_token: Callable[[str], None] | None = None) -> Draft:
        """Write a ``kind`` message to a contact for a channel, and keep it in the history."""
        plan = self._plan(kind, contact_id, channel, to_id, avoid_hook, variant, on_token)
        kind, channel = plan.kind, plan.channel
        contact, other, sources, offline_wording = (plan.contact, plan.other, plan.sources,
                                                    plan.offline_wording)
        today = plan.today
        result = self.writer.write(plan.request)
        text, second = result.text, ""
        if kind == "intro":
            text, _, second = (part.strip() for part in result.text.partition(INTRO_SEPARATOR))
            second = second or offline_wording().second_text
        # Whatever wrote it, nothing delivered loads an image or links to a host the user's
        # own material never named (OWASP LLM05): it is shown as inert text.
        text, second = (inert(part, plan.request.sources) for part in (text, second))
        subject = offline_wording().subject if channel == "email" else ""
        # The hook the offline engine chose (its id), so "regenerate" can ask for another.
        hook = offline_wording().hook_id if result.engine == "offline" else ""
        draft = Draft(
            id=new_id("d"), text=text, second_text=second, kind=kind, channel=channel,
            engine=result.engine, sources=sources, notice=result.notice, subject=subject,
            contact_id=contact.id, to_contact_id=other.id if other else "",
            hook_id=hook,
            ask_warning=(ledger.ask_warning(self.records, contact.id, contact.name, today)
                         if kind in ledger.ASK_KINDS else ""),
        )
        with self.records.db.transaction() as conn:
            draft_store.put(conn, draft)
        return draft

    def prompt_preview(self, kind: str, contact_id: str, channel: str = "linkedin-dm", *,
                       to_id: str | None = None) -> list[dict[str, str]]:
        """The exact messages a model would be sent for this draft; nothing is sent or kept."""
        plan = self._plan(kind, contact_id, channel, to_id, "", 0, None)
        return as_dicts(self.writer.render(plan.request))

    def _plan(self, kind: str, contact_id: str, channel: str, to_id: str | None,
              avoid_hook: str, variant: int,
              on_token: Callable[[str], None] | None) -> _Plan:
        kind, channel = check_kind(kind), check_channel(channel)
        # Imported fields are data: an order in a LinkedIn Position reaches no draft or source.
        contact = untrusted_contact(self.records.get_contact(contact_id))
        other = self._intro_partner(kind, contact, to_id or "")
        notes = offline.factual_notes(self.records.notes_for(contact.id))[:HOOK_NOTES]
        profile = self.records.get_profile()
        today = self.clock()
        match = None
        if kind in {"checkin", "thanks"}:  # a resource only when it is about the chosen detail
            chosen = pick_hook(hooks_for(contact, notes, today), avoid_hook or None)
            match = self.library.match(contact, notes, about=chosen.fact if chosen else "")
        limits = CHANNEL_LIMITS[channel]
        sources = self._sources(contact, notes, match, other)
        seed = f"{contact.id}:{kind}:{channel}:{today.isocalendar().week}:{variant}"
        wording: list[Wording] = []

        def offline_wording() -> Wording:
            if not wording:
                wording.append(write(kind, channel, contact, notes,
                                     (match.title, match.summary, match.url) if match else None,
                                     profile, seed, today, avoid_hook or None, other))
            return wording[0]

        request = WriteRequest(
            task=f"outreach_{kind}",
            variables=self._variables(kind, channel, limits, contact, notes, match, other,
                                      profile.name),
            # The offline engine fits each message to the channel itself.
            offline=lambda: (_joined(offline_wording()) if kind == "intro"
                             else offline_wording().text),
            # A note's date is the user's material too: "on 11 June" from it is not made up.
            sources=[s.snippet for s in sources]
            + [offline.note_date(n.created) for n in notes] + [profile.name]
            + ([match.url] if match and match.url else []),  # a resource's link is theirs
            limits=limits,
            recipient=contact.name,
            notes=[n.text for n in notes],
            on_token=on_token,
        )
        return _Plan(kind, channel, contact, other, sources, offline_wording, request, today)

    def regenerate(self, draft_id: str) -> Draft:
        """Another wording of a kept draft, with a different personal detail where there is one."""
        old = draft_store.get(self.records.db, draft_id)
        variant = len(draft_store.search(self.records.db, contact_id=old.contact_id,
                                         kind=old.kind, channel=old.channel))
        return self.draft(old.kind, old.contact_id, old.channel, to_id=old.to_contact_id or None,
                          avoid_hook=old.hook_id, variant=variant)

    # -- history and sending --------------------------------------------------------------
    def get_draft(self, draft_id: str) -> Draft:
        """One kept draft."""
        return draft_store.get(self.records.db, draft_id)

    def history(self, *, contact_id: str = "", kind: str = "", channel: str = "",
                sent: bool | None = None, limit: int = 200) -> list[Draft]:
        """Kept drafts, newest first, filtered."""
        if kind:
            check_kind(kind)
        if channel:
            check_channel(channel)
        return draft_store.search(self.records.db, contact_id=contact_id, kind=kind,
                                  channel=channel, sent=sent, limit=limit)

    def mark_sent(self, draft_id: str, text: str | None = None) -> Interaction:
        """Log a kept draft as sent, once: a second call returns the first call's interaction.

        The interaction goes to the draft's own contact (never whoever the screen shows now),
        with the direction the draft's kind and content warrant, and it resets their clock.
        """
        with self.records.db.transaction() as conn:
            draft = draft_store.get(conn, draft_id)
            if draft.sent and draft.interaction_id:
                row = conn.execute("SELECT data FROM interactions WHERE id = ?",
                                   (draft.interaction_id,)).fetchone()
                if row:
                    return Interaction.model_validate_json(row["data"])
            if text is not None and text.strip():
                draft.text = text.strip()
            contact = self.records.get_contact(draft.contact_id)
            item = Interaction(contact_id=contact.id, when=self.clock(), channel=draft.channel,
                               direction=sent_direction(draft), kind=draft.kind,
                               summary=ellipsize(draft.text, SUMMARY_CHARS), source="warmline")
            self.records.put_interaction(item, conn)
            draft.sent, draft.interaction_id = True, item.id
            draft_store.put(conn, draft)
            if contact.last_contacted is None or item.when >= contact.last_contacted:
                contact.last_contacted = item.when
                self.records.put_contact(contact, conn)
        self.sync.reconcile()
        return item

    def log(self, contact_id: str, kind: str, direction: str = "neutral", text: str = "",
            channel: str = "") -> Interaction:
        """Log a touch by hand (a call, a coffee chat); it resets the person's clock."""
        try:
            way = Direction(direction.strip().lower())
        except ValueError as e:
            msg = f"direction must be one of: {', '.join(d.value for d in Direction)}"
            raise InputError(msg) from e
        if not kind.strip():
            msg = "say what kind of touch it was (e.g. coffee, call, message)"
            raise InputError(msg)
        contact = self.records.get_contact(contact_id)
        item = Interaction(contact_id=contact.id, when=self.clock(), channel=channel,
                           direction=way, kind=kind.strip().lower(), summary=text.strip())
        with self.records.db.transaction() as conn:
            self.records.put_interaction(item, conn)
            if contact.last_contacted is None or item.when >= contact.last_contacted:
                contact.last_contacted = item.when
                self.records.put_contact(contact, conn)
        self.sync.reconcile()
        return item

    def ledger(self, contact_id: str) -> ledger.Ledger:
        """What was given to and asked of one contact."""
        return ledger.ledger_for(self.records, self.records.get_contact(contact_id).id)

    def ask_guard(self, contact_id: str) -> str:
        """The ask-guard's warning for a contact before asking them anything ('' when fine)."""
        contact = self.records.get_contact(contact_id)
        return ledger.ask_warning(self.records, contact.id, contact.name, self.clock())

    def intro_suggestions(self, limit: int = 10) -> list[IntroSuggestion]:
        """Pairs of contacts whose goals and offers fit, best first."""
        return suggest_intros(self.records.list_contacts(), limit)

    # -- helpers --------------------------------------------------------------------------
    def _intro_partner(self, kind: str, contact: Contact, to_contact_id: str) -> Contact | None:
        if kind != "intro":
            return None
        if not to_contact_id.strip():
            msg = "an intro needs the second person: --to NAME_OR_ID"
            raise InputError(msg)
        other = self.records.get_contact(to_contact_id)
        if other.id == contact.id:
            msg = "an intro needs two different people"
            raise InputError(msg)
        return other

    @staticmethod
    def _variables(kind: str, channel: str, limits: Limits, contact: Contact, notes: list[Note],
                   match: Match | None, other: Contact | None, sender: str) -> dict[str, str]:
        variables = {
            "channel": channel,
            "max_chars": str(limits.max_chars or 1900),
            "contact": context_block("CONTACT", _person_lines(contact)),
            "notes": context_block("NOTES", [f"{n.created}: {n.text}" for n in notes]),
            "sender": sender or "(no name given)",
        }
        if kind in {"checkin", "thanks"}:
            variables["resource"] = context_block(
                "RESOURCE", [f"{match.title}: {match.summary}"] if match else [])
        if kind == "intro" and other is not None:
            variables["other"] = context_block("OTHER PERSON", _person_lines(other))
        return variables

    @staticmethod
    def _sources(contact: Contact, notes: list[Note], match: Match | None,
                 other: Contact | None) -> list[Source]:
        people = [contact, *([other] if other else [])]
        sources = [Source(id=p.id, kind="contact", snippet=(
            f"{p.name}, {p.title} at {p.company}; interests: {', '.join(p.interests)}"))
            for p in people]
        # A note's own links are the user's; an image in it would still load when shown.
        sources += [Source(id=n.id, kind="note", snippet=inert(n.text, [n.text])) for n in notes]
        if match:
            sources.append(Source(id=match.id, kind=match.kind, snippet=match.snippet))
        return sources


def _person_lines(contact: Contact) -> list[str]:
    return [f"name: {contact.name}", f"role: {contact.title} at {contact.company}",
            "interests: " + ", ".join(contact.interests)]


def _joined(wording: Wording) -> str:
    return f"{wording.text}\n{INTRO_SEPARATOR}\n{wording.second_text}"


def check_kind(kind: str) -> str:
    """A known draft kind, or a one-line error listing them."""
    if kind not in KINDS:
        msg = f"unknown draft kind '{kind}'; choose one of: {', '.join(KINDS)}"
        raise InputError(msg)
    return kind


def check_channel(channel: str) -> str:
    """A known channel, or a one-line error listing them."""
    if channel not in CHANNEL_LIMITS:
        msg = f"unknown channel '{channel}'; choose one of: {', '.join(CHANNEL_LIMITS)}"
        raise InputError(msg)
    return channel

