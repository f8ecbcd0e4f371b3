"""Results as chat markdown: contacts with their why, drafts with sources, pitches, lists."""

from __future__ import annotations

from typing import Any

from assistant.services.contacts.search_results import SearchResult
from assistant.services.contacts.service import ContactDetail
from assistant.text import ellipsize

MAX_NOTES = 5


def quote(text: str) -> str:
    """User data shown as a quote block, never as markup or instructions."""
    clean = text.replace("`", "'").replace("<", "‹").replace(">", "›")
    return "\n".join(f"> {line}" for line in clean.splitlines() or [""])


def results_text(query: str, results: list[SearchResult]) -> str:
    """Search results, best first, each with why it matched."""
    if not results:
        return f"I found nobody matching “{query}”. Try other words, or a company name."
    lines = [f"People matching “{query}”:"]
    for n, r in enumerate(results, start=1):
        role = ", ".join(x for x in (r.title, r.company) if x)
        why = "; ".join(r.why[:2]) or "matched"
        lines.append(f"{n}. **{r.name}**{f' ({role})' if role else ''}: {ellipsize(why, 140)}")
    return "\n".join(lines).replace("<", "‹").replace(">", "›")


def contact_text(detail: ContactDetail) -> str:
    """A contact card: who, tier, last touch and recent notes (quoted as data)."""
    c = detail.contact
    role = " at ".join(x for x in (c.title, c.company) if x)
    lines = [f"**{c.name}**" + (f", {role}" if role else ""),
             f"Tier: {c.tier.value} · last contact: {c.last_contacted or 'never logged'}"]
    if c.interests:
        lines.append("Interests: " + ", ".join(c.interests))
    notes = sorted(detail.notes, key=lambda n: n.created, reverse=True)[:MAX_NOTES]
    if notes:
        lines.append("Notes:")
        lines += [quote(f"{n.created}: {ellipsize(n.text, 240)}") for n in notes]
    if detail.interactions:
        last = max(detail.interactions, key=lambda i: i.when)
        lines.append(f"Last logged touch: {last.when} ({last.kind or last.channel or 'touch'})")
    return "\n\n".join(lines)


def due_text(rows: list[dict[str, Any]]) -> str:
    """The due list, most overdue first."""
    if not rows:
        return "Nobody is due right now. Nice work keeping in touch."
    lines = ["Due for a check-in:"]
    for n, row in enumerate(rows[:10], start=1):
        name = row.get("name") or row.get("contact", {}).get("name", "?")
        why = row.get("why") or row.get("reason") or ""
        lines.append(f"{n}. **{name}**" + (f": {why}" if why else ""))
    return "\n".join(lines)


def questions_text(session: dict[str, Any]) -> str:
    """An interview session's questions, and where to answer them."""
    questions = session.get("questions") or [session.get("question", "")]
    role = session.get("role") or session.get("setup", {}).get("role", "")
    lines = [f"Mock interview for {role}:" if role else "Mock interview:"]
    lines += [f"{n}. {q.get('text', '') if isinstance(q, dict) else q}"
              for n, q in enumerate((q for q in questions if q), start=1)]
    if session.get("id"):
        lines.append(f"\nAnswer them in the Interview tab (session {session['id']}), or with "
                     f"`warmline interview answer {session['id']} \"...\"`.")
    return "\n".join(lines)


def paths_text(found: dict[str, Any]) -> str:
    """Warm paths to a company or role: who to ask, and why."""
    paths = found.get("paths", [])
    if not paths:
        return str(found.get("message") or f"No warm path to {found.get('to', 'them')} yet.")
    lines = [str(found.get("message", ""))]
    lines += [f"{n}. Ask **{p['ask']['name']}**: {p['why']}" for n, p in
              enumerate(paths[:5], start=1)]
    return "\n".join(lines)
