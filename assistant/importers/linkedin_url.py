"""Extract the stable `/in/<slug>` key from a LinkedIn profile URL."""

from __future__ import annotations

import re
from urllib.parse import unquote

# Matches linkedin.com (any subdomain, with or without scheme) followed by /in/<slug>.
_PROFILE = re.compile(r"(?:^|[/.@\s])linkedin\.com/in/([^/?#\s]+)", re.IGNORECASE)


def linkedin_slug(url: str) -> str:
    """Return the lower-cased, URL-decoded profile slug of a LinkedIn URL, or '' if it has none."""
    # vCard 3 writers (Apple) escape the colon as `https\://`.
    match = _PROFILE.search(url.replace("\\", ""))
    if not match:
        return ""
    return unquote(match.group(1)).strip().strip("/").lower()
