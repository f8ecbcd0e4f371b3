"""Laying an outreach draft's moves out for a channel, dropping the least needed to fit."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from assistant.domain import Contact, Profile
from assistant.drafting.language.hooks import NEED, Hook, matches, pick_hook, shared_history
from assistant.drafting.offline import outreach_lines as lines
from assistant.drafting.offline.outreach_parts import (
    DEFAULT_GREETINGS,
    GREETINGS,
    MAX_CHARS,
    SIGN_OFFS,
    SUBJECTS,
    OfflineDraft,
    Resource,
    about_me,
    field_phrase,
    first_name,
)

DM_SENTENCES = (2, 4)
NO_ASK = ("checkin", "congrats", "thanks")
CHANNEL_CLOSERS = {
    "linkedin-note": ("Hope you're well!", "Hope things are good with you!"),
    "text": lines.TEXT_CLOSERS,
}
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’)]*)(?:\s|$)")


@dataclass
class Move:
    """One sentence (or two) of a draft; ``rank`` 0 is the point, higher goes first when tight."""

    build: Callable[[int], str]  # words allowed for the hook's clause -> the text ('' = skip)
    rank: int
    tag: str


def sentence_count(text: str) -> int:
    """Sentences in a body, by their end marks."""
    return len(_SENTENCE_END.findall(text.strip() + " "))


def _line_for(hooks: Sequence[Hook], first: Hook | None, seed: str, today: date, words: int,
              resource_fits: bool, remark_only: bool = False,
              avoid: str | None = None) -> tuple[str, Hook | None]:
    """The first hook (the chosen one first) that makes a natural line."""
    ordered = [first] if first else []
    ordered += [h for h in hooks if h is not first and h.type != "shared_history"]
    if first is not None and len(ordered) > 1:  # the hook "regenerate" moved away from goes last
        avoided = [h for h in hooks if h.id == avoid]
        ordered = [h for h in ordered if h not in avoided] + avoided
    for hook in ordered:
        line = lines.hook_line(hook, seed, today, words, resource_fits and hook is first,
                               remark_only)
        if line:
            return line, hook
    return "", None


def compose(kind: str, channel: str, contact: Contact, hooks: list[Hook],
            resource: Resource | None, name: str, profile: Profile, seed: str,
            avoid_hook: str | None, to: Contact | None, today: date) -> OfflineDraft:
    """The draft for one kind and channel."""
    chosen = pick_hook(hooks, avoid_hook)
    if resource is not None:  # a need the resource meets is the best hook of all
        fitting = [h for h in hooks if h.type == NEED and matches(" ".join(resource[:2]), h)]
        if fitting and fitting[0].id != avoid_hook:
            chosen = fitting[0]
    history = shared_history(hooks)
    fits = bool(resource and chosen and matches(" ".join(resource[:2]), chosen)
                and kind in {"checkin", "congrats", "thanks"})
    used: dict[str, Hook | None] = {"hook": None}
    text_channel = channel == "text"

    said: dict[str, str] = {"line": "", "opener": ""}

    def hook_move(words: int) -> str:
        line, hook = _line_for(hooks, chosen, seed, today, min(words, 9 if text_channel else 14),
                               fits, avoid=avoid_hook)
        used["hook"] = hook
        said["line"] = line
        return line

    def closer(options: Sequence[str], salt: str) -> Callable[[int], str]:
        # A hook line that already hopes they are well needs no second "hope you're well".
        def build(words: int) -> str:
            if "hope" in said["line"].lower():
                return ""
            # Never "say hi" twice: an opener that said it leaves the other closers.
            fresh = [o for o in options if not ("say hi" in o and "say hi" in said["opener"])]
            return lines.pick(fresh or options, salt)
        return build

    moves: list[Move] = []
    first = first_name(contact)
    seed = f"{seed}:{channel}"  # each channel its own phrasing
    if kind in NO_ASK:  # a fact about an intro or a job reads as a nudge in a no-ask message
        hooks = [h for h in hooks if not lines.askish(h)]
        chosen = chosen if chosen in hooks else pick_hook(hooks, avoid_hook)
    closers = CHANNEL_CLOSERS.get(channel, lines.CLOSERS)
    if kind == "checkin":
        opener = lines.pick(lines.OPENERS if hooks else lines.OPENERS_NO_NOTES, seed + "o")
        if history and chosen is not None and history.said.voice == "we":
            since = lines.clause(history, 12)
            opener = f"It's been a while since {since}." if since else opener
        elif history and chosen is None:  # shared history is all there is: it is the point
            opener = lines.history_line(history, seed) or opener
        if channel in {"linkedin-dm", "email"} or not chosen:
            said["opener"] = opener
            moves.append(Move(lambda w: opener, 3 if hooks else 0, "opener"))
        moves.append(Move(hook_move, 0, "hook"))
        if fits and resource is not None:
            title, summary, url = resource[0], resource[1], resource[2] if len(resource) > 2 else ""
            summary = "" if summary.endswith(("…", "...")) else summary  # never a cut summary
            room = 110 if channel == "linkedin-note" else 60 if text_channel else 400
            moves.append(Move(lambda w: lines.resource_line(title, summary, url, seed, room), 1,
                              "resource"))
        moves.append(Move(closer(closers, seed + "c"), 2, "closer"))
    elif kind in {"info-interview", "coffee"}:
        def remark(words: int) -> str:
            line, hook = _line_for(hooks, chosen, seed, today, min(words, 12), False,
                                   remark_only=True, avoid=avoid_hook)
            used["hook"] = hook
            return line
        moves.append(Move(remark, 1, "hook"))
        about = about_me(profile)
        if about:
            moves.append(Move(lambda w: about, 3 if kind == "coffee" else 2, "about"))
        field = field_phrase(contact, profile)
        asks = lines.INFO_ASKS if kind == "info-interview" else lines.COFFEE_ASKS
        ask = lines.pick(asks, seed + "a").format(field=field)
        if text_channel and kind == "info-interview":
            ask = f"Would you be up for a quick call sometime to tell me about {field}?"
        if text_channel and kind == "coffee":
            ask = "Would you be up for a coffee sometime soon?"
        outs = ("Totally fine if you can't!",) if text_channel else lines.EASY_OUTS
        moves.append(Move(lambda w: ask, 0, "ask"))
        moves.append(Move(lambda w: lines.pick(outs, seed + "e"), 0, "easy-out"))
    elif kind == "congrats":
        news = next((h for h in hooks if h.type in {"life_event", "plan"}
                     and h.said.tense in {"past", "none"} and h.id != avoid_hook), None) or \
            next((h for h in hooks if h.type != "shared_history"), None)

        def congrats(words: int) -> str:
            used["hook"] = news
            said["line"] = lines.congrats_line(news, seed, contact.title, contact.company, today)
            return said["line"]
        moves.append(Move(congrats, 0, "congrats"))
        moves.append(Move(closer(closers, seed + "c"), 2, "closer"))
    elif kind == "thanks":
        line, hook = lines.thanks_line(hooks, seed)
        used["hook"] = hook
        moves.append(Move(lambda w: line, 0, "thanks"))
        if hook is None and chosen is not None:
            def also(words: int) -> str:
                text, other = _line_for(hooks, chosen, seed, today, min(words, 12), False,
                                        avoid=avoid_hook)
                used["hook"] = other
                return text
            moves.append(Move(also, 1, "hook"))
        moves.append(Move(closer(closers, seed + "c"), 2, "closer"))
    elif kind == "intro" and to is not None:
        moves.append(Move(hook_move, 1, "hook"))  # the detail is why this intro fits them
        who = to.name + (f", {to.title} at {to.company}" if to.title and to.company else "")
        moves.append(Move(lambda w: f"I know {who}, and I think the two of you would have a lot "
                          "to talk about.", 1, "who"))
        moves.append(Move(lambda w: "Would you be open to an intro?", 0, "ask"))
        moves.append(Move(lambda w: lines.pick(lines.EASY_OUTS, seed + "e"), 2, "easy-out"))

    text = layout(channel, moves, first, name, seed)
    subject = ""
    if channel == "email":
        subject = lines.pick(SUBJECTS[kind], seed + "s").format(
            sender=name or "an old friend",
            field=field_phrase(contact, profile).removeprefix("your "),
            to=to.name if to else "")
        subject = subject[:1].upper() + subject[1:]
    second = _intro_text(contact, to, name) if kind == "intro" and to is not None else ""
    hook = used["hook"]
    return OfflineDraft(text=text, subject=subject, hook_id=hook.id if hook else None,
                        hook_note_id=hook.note_id if hook else None, second_text=second,
                        resource_used=any(m.tag == "resource" for m in moves) and "\"" in text,
                        hooks=[h.id for h in hooks])


def layout(channel: str, moves: list[Move], first: str, name: str, seed: str) -> str:
    """The moves for the channel: drop the least needed, then shorten the hook, until it fits."""
    greetings = GREETINGS.get(channel, DEFAULT_GREETINGS)
    greeting = lines.pick(greetings, seed + "g").format(first=first)
    sender_first = name.split()[0] if name.split() else ""
    limit = MAX_CHARS.get(channel)
    active = list(moves)
    for words in (14, 11, 8, 6, 5):
        while True:
            body = [t for t in (m.build(words) for m in sorted(active, key=_order)) if t]
            text = _render(channel, greeting, body, name, sender_first, seed)
            too_many = channel == "linkedin-dm" and sentence_count(" ".join(body)) > DM_SENTENCES[1]
            if not (limit and len(text) > limit) and not too_many:
                return text
            droppable = [m for m in active if m.rank > 0]
            if not droppable:
                break
            active.remove(max(droppable, key=lambda m: m.rank))
        active = list(moves)
        active = [m for m in active if m.rank == 0] if limit else active
    # The point alone, in the fewest words: still whole phrases, never a cut one.
    body = [t for t in (m.build(5) for m in moves if m.rank == 0) if t]
    return _render(channel, greeting, body, name, "", seed)[: limit or None].rstrip()


def _order(move: Move) -> int:
    return moves_order.get(move.tag, 5)


moves_order = {"opener": 0, "congrats": 0, "thanks": 0, "hook": 1, "about": 2, "who": 2,
               "resource": 3, "ask": 4, "easy-out": 5, "closer": 6}


def _render(channel: str, greeting: str, body: list[str], name: str, sender_first: str,
            seed: str) -> str:
    if channel == "email":
        sign = lines.pick(SIGN_OFFS, seed + "so")
        signature = f"\n\n{sign}\n{name}" if name else f"\n\n{sign[:-1]}."
        return f"{greeting}\n\n{' '.join(body)}{signature}"
    if channel == "linkedin-dm":
        return f"{greeting}\n\n{' '.join(body)}" + (f"\n\n{sender_first}" if sender_first else "")
    tail = f" {sender_first}" if sender_first else ""
    if channel == "text" and sender_first:
        tail = f" - {sender_first}"
    return f"{greeting} {' '.join(body)}{tail}"


def _intro_text(a: Contact, b: Contact, name: str) -> str:
    """The double-opt-in intro itself, sent once both have said yes."""
    def who(c: Contact) -> str:
        return c.name + (f", {c.title} at {c.company}" if c.title and c.company else "")
    sign = f"\n\nBest,\n{name}" if name else ""
    return (f"Hi {first_name(a)} and {first_name(b)},\n\n"
            f"As promised, an intro. {first_name(a)}, meet {who(b)}. {first_name(b)}, meet "
            f"{who(a)}. I think you two will enjoy talking, and I'll let you take it from here."
            f"{sign}")
