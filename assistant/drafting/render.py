"""How a draft reads on screen: the one renderer the tabs and the coach chat share.

Every view shows the same facts about a draft: a notice (why the offline engine wrote it), the
ask-guard's warning, the email subject, an intro's second message, which engine wrote it, its
counts, and the notes and resources it drew on. Only the body differs: a tab puts it in an
editable box with a copy button, the chat in a fenced block its copy button copies.
"""

from __future__ import annotations

from assistant.domain import Draft
from assistant.text import ellipsize

SNIPPET_CHARS = 90  # a source's snippet under a draft
FENCE = "```"


def safe(text: str) -> str:
    """User data shown as text, never as HTML or a broken fence."""
    return text.replace("<", "‹").replace(">", "›").replace(FENCE, "'''")


def sources_line(draft: Draft) -> str:
    """Where a draft came from: each source's kind and a snippet."""
    if not draft.sources:
        return "_No notes used._"
    parts = [f"*{s.kind}* “{ellipsize(safe(s.snippet), SNIPPET_CHARS)}”" for s in draft.sources]
    return "Drew on: " + "; ".join(parts)


def engine_line(draft: Draft) -> str:
    """Which engine wrote the draft, and its size."""
    return (f"Written by **{draft.engine}** · {draft.char_count} characters · "
            f"{draft.word_count} words")


def _before(draft: Draft) -> list[str]:
    lines = []
    if draft.notice:
        lines.append(f"Note: {safe(draft.notice)}")
    if draft.ask_warning:
        lines.append(f"**Ask-guard:** {safe(draft.ask_warning)}")
    if draft.subject:
        lines.append(f"**Subject:** {safe(draft.subject)}")
    return lines


def _fenced(text: str) -> str:
    # Inside a fence markup is inert; only a fence of its own could break out. What the copy
    # button copies stays the draft's own characters.
    body = text.replace(FENCE, "'''")
    return f"{FENCE}text\n{body}\n{FENCE}"


def _second(draft: Draft, *, fenced: bool) -> list[str]:
    if not draft.second_text:
        return []
    body = _fenced(draft.second_text) if fenced else safe(draft.second_text).replace("\n", "  \n")
    return [f"**Once they say yes, send the introduction:**\n\n{body}"]


def draft_info(draft: Draft) -> str:
    """Everything about a draft except its body (which sits in an editable box above)."""
    return "\n\n".join([*_before(draft), *_second(draft, fenced=False), engine_line(draft),
                        sources_line(draft)])


def draft_message(draft: Draft, heading: str) -> str:
    """A whole draft as one chat message: the body fenced so its copy button copies it."""
    return "\n\n".join([heading, *_before(draft), _fenced(draft.text),
                        *_second(draft, fenced=True), engine_line(draft), sources_line(draft)])
