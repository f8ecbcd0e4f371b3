"""A contact's keep-in-touch section: their cadence and clock, and the reciprocity ledger."""

from __future__ import annotations

from datetime import date

from assistant.domain import Interaction
from assistant.drafting.render import safe
from assistant.services.outreach.cadence import CadenceStatus
from assistant.services.outreach.ledger import Ledger
from assistant.text import ellipsize

ENTRIES = 5  # the newest gives and asks shown on the contact page
SUMMARY_CHARS = 90


def _entry(item: Interaction) -> str:
    what = item.kind or item.channel or "touch"
    summary = f": {safe(ellipsize(item.summary, SUMMARY_CHARS))}" if item.summary else ""
    return f"  - {item.when} · {safe(what)}{summary}"


def balance_sentence(ledger: Ledger) -> str:
    """Gave and asked, in one kind line."""
    gave, asked = len(ledger.gave), len(ledger.asked)
    if not gave and not asked:
        return "Nothing given or asked yet."
    line = f"Gave {gave} · asked {asked}"
    if ledger.neutral:
        line += f" · {ledger.neutral} other touch{'es' if ledger.neutral != 1 else ''}"
    if ledger.balance < 0:
        return line + ". More asks than gives: share something before the next ask."
    return line + "."


def keep_in_touch_markdown(status: CadenceStatus, ledger: Ledger, warning: str,
                           today: date) -> str:
    """The section under a contact's page: cadence, give/ask balance, the ask-guard."""
    lines = ["**Keep in touch**", "", f"- {status.sentence(today)}",
             f"- {balance_sentence(ledger)}"]
    for label, items in (("Given", ledger.gave), ("Asked", ledger.asked)):
        if items:
            newest = sorted(items, key=lambda i: i.when, reverse=True)[:ENTRIES]
            lines += [f"- {label}:", *(_entry(i) for i in newest)]
    if warning:
        lines.append(f"\n**Ask-guard:** {safe(warning)}")
    return "\n".join(lines)
