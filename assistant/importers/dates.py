"""Parse the date spellings that appear in LinkedIn, Google and note exports."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

# Order matters: unambiguous spellings first; US month/day before day/month as LinkedIn uses it.
_FORMATS = (
    "%d %b %Y",  # 08 Feb 2026 (LinkedIn Connections)
    "%d %B %Y",  # 08 February 2026
    "%b %d, %Y",  # Feb 08, 2026
    "%B %d, %Y",  # February 08, 2026
    "%Y-%m-%d",  # 2026-02-08
    "%Y/%m/%d",
    "%m/%d/%Y",  # 2/8/2026 (older LinkedIn exports)
    "%m/%d/%y",
    "%d.%m.%Y",
)
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T\s]|$)")
# LinkedIn's '08 Feb 2026', parsed without strptime: it is locale-independent and ~10x faster.
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date | None:
    """Parse a date such as '08 Feb 2026', '2026-02-08' or '2025-06-01 14:03:22 UTC'; else None."""
    value = " ".join(text.split())
    if not value:
        return None
    iso = _ISO_PREFIX.match(value)
    short = iso or _DAY_MONTH_YEAR.match(value)
    if short:
        year, month, day = (
            (iso.group(1), iso.group(2), iso.group(3))
            if iso
            else (short.group(3), _MONTHS.get(short.group(2).title(), 0), short.group(1))
        )
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            return None
    # Drop a trailing time ("2/8/2026, 14:03") so the date formats above apply.
    head = re.split(r",?\s+\d{1,2}:\d{2}", value, maxsplit=1)[0]
    for fmt in _FORMATS:
        try:
            return datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    return None
