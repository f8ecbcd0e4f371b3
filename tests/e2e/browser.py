"""Helpers for driving the Warmline page in Debian's headless Chromium with Playwright."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
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
    ("Coach", "Coach"),
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


def value(page: Any, elem_id: str) -> str:
    """What a Gradio Textbox (or Number) with ``elem_id`` holds right now."""
    return str(page.locator(f"#{elem_id} textarea, #{elem_id} input").first.input_value())


def allow_clipboard(page: Any, url: str) -> None:
    """Let the page's copy buttons write, and the test read, the clipboard for ``url``'s origin."""
    parsed = urlparse(url)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                   origin=f"{parsed.scheme}://{parsed.netloc}")


def clipboard(page: Any) -> str:
    """The clipboard's text, as the page sees it (needs ``allow_clipboard`` first)."""
    return str(page.evaluate("navigator.clipboard.readText()"))


def toast(page: Any, text: str) -> Any:
    """The visible Gradio toast (an error or info popup) that contains ``text``."""
    found = page.locator("[data-testid=toast-body]").filter(has_text=text).first
    found.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
    return found


# Every cell of a Gradio Dataframe, grouped by row (the body is virtualized <div role=row>s).
_TABLE_JS = """(root) => {
  const headers = [...root.querySelectorAll('[role=columnheader]')]
    .map(h => (h.getAttribute('title') || h.innerText).trim());
  const rows = new Map();
  for (const cell of root.querySelectorAll('[role=gridcell][data-row][data-col]')) {
    const r = Number(cell.dataset.row);
    if (!rows.has(r)) rows.set(r, []);
    rows.get(r)[Number(cell.dataset.col)] = cell.innerText.trim();
  }
  return [...rows.keys()].sort((a, b) => a - b)
    .map(r => Object.fromEntries(headers.map((h, i) => [h, rows.get(r)[i] ?? ''])));
}"""


def upload(page: Any, elem_id: str, path: Path) -> None:
    """Drop a file on a Gradio File component (its hidden ``input[type=file]``)."""
    page.locator(f"#{elem_id} input[type=file]").set_input_files(str(path))


def choose(page: Any, elem_id: str, option: str) -> None:
    """Pick ``option`` (its label) in a Gradio Dropdown."""
    page.locator(f"#{elem_id} input").first.click()
    page.get_by_role("option", name=option, exact=True).locator("visible=true").first.click()


def table_rows(page: Any, elem_id: str) -> list[dict[str, str]]:
    """The rows a Gradio Dataframe shows now, as {header: cell text}; blank rows left out."""
    rows = page.locator(f"#{elem_id}").evaluate(_TABLE_JS)
    return [row for row in rows if any(row.values())]


def wait_for_rows(
    page: Any, elem_id: str, accept: Callable[[list[dict[str, str]]], bool], what: str,
) -> list[dict[str, str]]:
    """Wait (up to the render timeout) until the table's rows satisfy ``accept``; return them."""
    deadline = time.monotonic() + RENDER_TIMEOUT_MS / 1000
    rows = table_rows(page, elem_id)
    while not accept(rows):
        if time.monotonic() > deadline:
            shown = "\n".join(str(r) for r in rows) or "(no rows)"
            msg = f"#{elem_id} never showed {what}; it shows:\n{shown}"
            raise AssertionError(msg)
        page.wait_for_timeout(100)
        rows = table_rows(page, elem_id)
    return rows
