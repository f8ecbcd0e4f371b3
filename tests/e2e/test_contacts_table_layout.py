"""The contacts results table stays readable: tags, why and id visible, short rows on phones."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.browser import RENDER_TIMEOUT_MS, fill, open_tab, wait_for_rows
from tests.e2e.conftest import ServedApp

TABLE = "contacts-table"
TAGS = ["hospital pharmacy", "health-tech", "mentor", "alumni"]
LONG_NOTE = ("Met at the Riverbend hospital pharmacy conference in Lisbon two years ago. She "
             "moved from the hospital pharmacy into product work at Stripe and offered to "
             "review my portfolio; she also runs a book club on payments history.")
_GEOMETRY_JS = """(root) => {
  const box = e => e.getBoundingClientRect();
  const headers = [...root.querySelectorAll('[role=columnheader]')].map(h => ({
    name: (h.getAttribute('title') || h.innerText).trim(), left: box(h).left,
    right: box(h).right, width: box(h).width}));
  const rows = new Map();
  for (const cell of root.querySelectorAll('[role=gridcell][data-row]')) {
    const r = cell.dataset.row;
    rows.set(r, Math.max(rows.get(r) || 0, box(cell).height));
  }
  return {headers, rowHeights: [...rows.values()], tableRight: box(root).right};
}"""


def geometry(page: Any) -> dict[str, Any]:
    return dict(page.locator(f"#{TABLE}").evaluate(_GEOMETRY_JS))


@pytest.fixture
def seeded(served_app: ServedApp) -> ServedApp:
    app = served_app.app
    for number in range(6):
        contact = app.contacts.add(f"Person Number{number}", company="Stripe",
                                   title="Senior Product Manager, Payments Platform")
        app.contacts.update(contact.id, tier="active", tags=TAGS, cadence_days=None)
        app.contacts.add_note(contact.id, LONG_NOTE)
    return served_app


def search(page: Any, query: str) -> list[dict[str, str]]:
    fill(page, "contacts-search", query)
    page.locator("#contacts-search-button").click()
    return wait_for_rows(page, TABLE, lambda rows: len(rows) == 6 and all(
        r["why"] for r in rows), "six results with reasons")


@pytest.mark.parametrize("width", [1280, 390])
def test_results_keep_tags_why_and_id_readable(
    seeded: ServedApp, chromium: Any, width: int,
) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(RENDER_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(seeded.url, wait_until="load", timeout=RENDER_TIMEOUT_MS * 2)
        page.get_by_role("tab").first.wait_for(timeout=RENDER_TIMEOUT_MS)
        open_tab(page, "Contacts")  # on a phone the tab bar folds into a menu: open it first
        page.set_viewport_size({"width": width, "height": 900})
        rows = search(page, "Stripe")
        assert rows[0]["tags"] == ", ".join(TAGS)
        shape = geometry(page)
        columns = {h["name"]: h for h in shape["headers"]}
        assert columns["tags"]["width"] >= 90, columns["tags"]  # words, not single letters
        if width >= 1280:  # everything on screen at once, nothing pushed off to the right
            for name in ("why", "id"):
                assert columns[name]["right"] <= width, columns[name]
        assert max(shape["rowHeights"]) <= 100, shape["rowHeights"]  # was ~200 at 390 px
    finally:
        context.close()
