"""The Map tab in headless Chromium: the plotly map draws from local files only, the table,
goals and warm paths show, an intro draft is one click away; the README's map screenshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.domain import Contact, Note, Profile
from evals.bench.network import synthetic_network
from tests.e2e.browser import RENDER_TIMEOUT_MS, fill, heading, is_local, open_tab, wait_for_rows
from tests.e2e.conftest import BrowserPage, ServedApp

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "map.png"
SYNTHETIC = 600


def _seed(app: Any) -> None:
    contacts, notes, _ = synthetic_network(SYNTHETIC, seed=3)
    ana = Contact(name="Ana Ruiz", company="Acme Health", title="Product Manager", tier="inner")
    bob = Contact(name="Bob Lee", company="Globex", tier="active")
    tara = Contact(name="Tara Singh", company="Epic Systems", tier="aspirational",
                   title="Clinical Decision Support Lead", introduced_by="Bob Lee")
    with app.stores.records.db.transaction() as conn:
        for contact in [*contacts, ana, bob, tara]:
            app.stores.records.put_contact(contact, conn)
        for note in [*notes, Note(contact_id=bob.id, text="Former colleague from Initech.")]:
            app.stores.records.put_note(note, conn)
        app.stores.records.put_profile(Profile(name="Maya", target_companies=["Acme Health",
                                                                      "Epic Systems"],
                                        target_roles=["clinical decision support"]), conn)


def _block_outside(browser_page: BrowserPage) -> list[str]:
    """Abort (and remember) every request that would leave the machine."""
    blocked: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if is_local(url):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    browser_page.page.route("**/*", route)
    return blocked


def test_map_tab_renders_offline_with_paths_and_a_draft(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    _seed(served_app.app)
    blocked = _block_outside(browser_page)
    browser_page.page.set_viewport_size({"width": 1400, "height": 1050})
    page = browser_page.goto(served_app.url)
    open_tab(page, "Map")
    heading(page, "Network map").wait_for(state="visible")

    # The plotly map: drawn in SVG by the plotly.js Gradio ships, with the PNG button.
    plot = page.locator("#map-plot .js-plotly-plot").first
    plot.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
    page.locator("#map-plot .main-svg").first.wait_for(state="attached")
    page.locator("#map-plot text", has_text="You").first.wait_for(state="attached")
    assert page.locator("#map-plot text", has_text="Acme Health").count() >= 1
    summary = page.locator("#map-summary").inner_text()
    assert f"{SYNTHETIC + 3:,} people" in summary and "collapsed into 'Other'" in summary

    rows = wait_for_rows(page, "map-table", lambda r: any(x["Name"] == "Ana Ruiz" for x in r),
                         "Ana Ruiz")
    assert rows[0]["Tier"] == "inner"  # warmest first
    goals = page.locator("#map-goals")
    goals.get_by_text("Ana Ruiz works at Acme Health now").first.wait_for(state="visible")
    assert "No one in clinical decision support yet; 1 second-degree candidate" in (
        goals.inner_text())
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    assert SCREENSHOT.stat().st_size > 20_000

    plot.hover()  # the PNG export is plotly's own, in the browser: no server, no CDN
    with page.expect_download(timeout=RENDER_TIMEOUT_MS) as png:
        page.locator('#map-plot .modebar-btn[data-title="Download plot as a PNG"]').click()
    assert png.value.suggested_filename.endswith(".png")
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.locator("#map-export").click()
    link = page.locator('#map-csv a[download="warmline-network.csv"]').first
    link.wait_for(state="visible")
    with page.expect_download(timeout=RENDER_TIMEOUT_MS) as csv_file:
        link.click()
    lines = Path(csv_file.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Name,Tier,Company,Title,Past companies,Introduced by"
    assert len(lines) == SYNTHETIC + 3 + 1

    fill(page, "path-to", "Epic Systems")
    page.locator("#path-find").click()
    found = wait_for_rows(page, "path-table", lambda r: any(x["Ask"] == "Bob Lee" for x in r),
                          "a path through Bob Lee")
    tara_row = next(r for r in found if r["Reach"] == "Tara Singh")
    assert tara_row["Kind"] == "two-hop"
    assert "Bob Lee is Tara Singh's introducer" in tara_row["Why"]
    page.locator("#path-pick input").first.wait_for(state="visible")
    page.locator("#path-draft").click()
    info = page.locator("#path-draft-info")
    info.get_by_text("draft by").wait_for(state="visible")
    assert "Bob" in page.locator("#path-draft-text textarea").input_value()

    assert not blocked, "blocked requests to outside hosts:\n" + "\n".join(blocked)
    outside = browser_page.requests.outside()
    assert not outside, "requests that would leave the machine:\n" + "\n".join(outside)
