"""The dashboard in a real browser: Playwright driving Debian's /usr/bin/chromium against the app on a
loopback port, over the demo ledger.  Every request to a host other than the test server is blocked
and fails the test; each page's screenshot is saved under test-results/screenshots/."""

from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from .conftest import WEB_TOKEN

SHOTS = pathlib.Path("test-results") / "screenshots"
LTU = "path.country[data-id='440']"


@pytest.fixture
def blocked(context: BrowserContext, live_server: str) -> Iterator[list[str]]:
    """Route gate: requests to the test server go through, every other one is aborted and recorded."""
    host = urlparse(live_server).netloc
    seen: list[str] = []

    def gate(route: Route) -> None:
        if urlparse(route.request.url).netloc == host:
            route.continue_()
        else:
            seen.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", gate)
    yield seen
    assert seen == [], f"requests left the test server: {seen}"


def _map_ready(page: Page, date: str) -> None:
    page.wait_for_selector(f"#map[data-coloured-date='{date}']", timeout=15000)


def test_browser_map_colours_lithuania_by_date_and_slider(page: Page, blocked: list[str]) -> None:
    page.goto("/treaties/apmbc?date=2026-01-15")
    _map_ready(page, "2026-01-15")
    assert page.locator("path.country").count() > 150
    assert page.get_attribute(LTU, "data-status") == "withdrawn"
    page.goto("/treaties/apmbc?date=2024-01-01")
    _map_ready(page, "2024-01-01")
    assert page.get_attribute(LTU, "data-status") == "party"
    # move the slider to 2026-01-15: the map is coloured again for that date
    slider = page.locator("#date-slider")
    start = dt.date.fromisoformat(slider.get_attribute("data-min") or "")
    slider.fill(str((dt.date(2026, 1, 15) - start).days))
    _map_ready(page, "2026-01-15")
    assert page.get_attribute(LTU, "data-status") == "withdrawn"
    expect(page.locator("#date-label")).to_have_text("2026-01-15")
    expect(page.locator("#status-section .as-of")).to_have_text("2026-01-15")  # htmx swapped the table in
    expect(page.locator("#status-table tr[data-state='LTU'] .badge")).to_have_text("withdrawn")


def test_browser_event_page_highlights_the_evidence(page: Page, blocked: list[str]) -> None:
    page.goto("/events/LTU-apmbc-notified-2025-06-27")
    marks = page.locator("mark.evidence")
    assert marks.count() >= 1
    expect(marks.first).to_be_visible()
    assert any("Lithuania" in t or "Baltic" in t or "UN" in t or "notice" in t.lower() for t in marks.all_inner_texts())


def test_browser_review_in_the_page_shows_in_the_audit_log(page: Page, blocked: list[str]) -> None:
    page.goto("/events/FIN-apmbc-notified-2025-07-10")
    page.get_by_label("Your name").fill("browser-reviewer")
    page.get_by_label("Reason (the evidence you relied on)").fill("UN notification C.N.2025")
    page.get_by_label("Token").fill(WEB_TOKEN)
    page.get_by_role("button", name="Record the verdict").click()
    page.wait_for_url("**/events/FIN-apmbc-notified-2025-07-10#audit")
    expect(page.locator("#audit table")).to_contain_text("browser-reviewer")
    expect(page.locator("#audit table")).to_contain_text("UN notification C.N.2025")


def test_browser_wrong_token_is_refused_in_the_page(page: Page, blocked: list[str]) -> None:
    page.goto("/events/LVA-apmbc-notified-2025-06-27")
    page.get_by_label("Your name").fill("intruder")
    page.get_by_label("Reason (the evidence you relied on)").fill("none")
    page.get_by_label("Token").fill("not-the-token")
    page.get_by_role("button", name="Record the verdict").click()
    expect(page.locator("h1")).to_contain_text("403")


def test_browser_stored_markup_runs_nowhere(page: Page, live_server: str, blocked: list[str]) -> None:
    page.goto("/search?q=Moldova")
    article_link = page.locator("a[href^='/articles/']").first
    href = article_link.get_attribute("href")
    expect(article_link).to_contain_text("<script>window.__xss=1</script>")
    page.goto(href or "/")
    event_href = page.locator("a[href^='/events/']").first.get_attribute("href") if page.locator("a[href^='/events/']").count() else None
    pages = [href, "/search?q=Moldova", "/states/MDA", "/"]
    page.goto("/api/v1/events?state=MDA&treaty=apmbc&source=news")
    event_id = page.evaluate("() => JSON.parse(document.body.innerText).events[0].id")
    pages.append(f"/events/{event_id}")
    for url in filter(None, pages + [event_href]):
        page.goto(url)
        assert page.evaluate("() => window.__xss") is None, url
        assert page.locator("img[src='x']").count() == 0, url
    expect(page.locator("body")).to_contain_text('"><img src=x onerror="window.__xss=2">')


PAGES = {
    "home": "/",
    "treaties": "/treaties",
    "treaty-apmbc": "/treaties/apmbc?date=2026-01-15",
    "state-LTU": "/states/LTU",
    "event-LTU-notified": "/events/LTU-apmbc-notified-2025-06-27",
    "article": "/articles/001_latvia-notifies-un",
    "search": "/search?q=Lithuania",
    "api-docs": "/api/v1/docs",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_browser_every_page_loads_offline_with_a_screenshot(page: Page, blocked: list[str], name: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    response = page.goto(PAGES[name], wait_until="networkidle")
    assert response is not None and response.ok
    if name.startswith("treaty-"):
        _map_ready(page, "2026-01-15")
    if name == "api-docs":
        page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = min(int(page.evaluate("document.documentElement.scrollHeight")), 1400)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": page.viewport_size["width"] if page.viewport_size else 1280,
                          "height": height})
    assert errors == []
