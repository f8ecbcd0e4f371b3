"""Helpers for driving the Warmline page in Debian's headless Chromium with Playwright."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

CHROMIUM = Path("/usr/bin/chromium")
# Quiet and local: no GPU, no QUIC, no sync, no component updates, no first-run pings.
LAUNCH_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about"}
# Gradio renders in the browser: the first paint after a click may take a moment on 2 cores.
RENDER_TIMEOUT_MS = 30_000

# (tab label, the heading its Markdown starts with)
TAB_HEADINGS = (
    ("Today", "Today"),
    ("Story & Pitch", "Your story"),
    ("Contacts", "Contacts"),
    ("Drafts", "Drafts"),
    ("Interview", "Mock interview"),
    ("Map", "Network map"),
    ("Settings", "Settings"),
)


def chromium_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (python) is not installed; pip install -e '.[test]'"
    if shutil.which("node") is None and not _driver_bundled():
        return "playwright's node driver is missing"
    return None


def _driver_bundled() -> bool:
    import playwright

    return (Path(playwright.__file__).parent / "driver").is_dir()


def is_local(url: str) -> bool:
    """True for requests that stay on this machine."""
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or (parsed.hostname or "") in LOCAL_HOSTS


@dataclass
class RequestLog:
    """Every URL the page asked for (HTTP requests and websockets), in order."""

    urls: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("websocket", lambda socket: self.urls.append(socket.url))

    def outside(self) -> list[str]:
        """The requests that would have left the machine."""
        return [url for url in self.urls if not is_local(url)]


def open_tab(page: Any, label: str) -> Any:
    """Click a top-level tab and return its (visible) panel."""
    page.get_by_role("tab", name=label, exact=True).click()
    panel = page.locator("[role=tabpanel]:visible").first
    panel.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
    return panel


def heading(page: Any, text: str) -> Any:
    """The visible heading whose text starts with ``text``."""
    return page.get_by_role("heading", name=text).locator("visible=true").first


def fill(page: Any, elem_id: str, value: str) -> None:
    """Type into a Gradio Textbox by its ``elem_id``."""
    page.locator(f"#{elem_id} textarea, #{elem_id} input").first.fill(value)
