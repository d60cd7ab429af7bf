"""Subscribing on the drop-in page in real Chromium: each feed's "Copy address" button puts
the https address on the clipboard and says "Copied" through a live region; without
JavaScript the button is not there and the address is still plain, selectable text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers import build_site, copy_project, serve_directory, wait_until

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "events" / "events.yaml"
EPOCH = int(datetime(2026, 3, 1, 9, 0, tzinfo=UTC).timestamp())
FEEDS = [
    "https://ot-primary-care.example.org/events/feeds/all.ics",
    "https://ot-primary-care.example.org/events/feeds/rcot-drop-in.ics",
    "https://ot-primary-care.example.org/events/feeds/cymraeg-gaidhlig.ics",
]


@pytest.fixture(scope="module")
def events_server(tmp_path_factory):
    root = copy_project(
        tmp_path_factory.mktemp("subscribe-browser") / "project", {"data/events.yaml": FIXTURE.read_text()}
    )
    site = build_site(root, tmp_path_factory.mktemp("subscribe-browser-site") / "site", EPOCH)
    assert site.returncode == 0, site.output
    server = serve_directory(site.site_dir)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def open_page(browser, url: str, width: int = 375, **options):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-GB", **options)
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="load")
    return context, page, errors, requests


@pytest.mark.parametrize("index", [0, 2])
def test_copy_address_puts_the_https_address_on_the_clipboard_and_announces_it(browser, events_server, index):
    context, page, errors, requests = open_page(browser, events_server + "events/")
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=events_server.rstrip("/"))
        buttons = page.get_by_role("button", name="Copy address")
        assert buttons.count() == len(FEEDS)
        button = buttons.nth(index)
        assert button.is_visible()
        feed = page.locator(".hub-feed").nth(index)
        status = feed.get_by_role("status")
        assert status.inner_text() == ""
        button.click()
        wait_until(page, "element => element.textContent === 'Copied'", arg=status.element_handle(), timeout=5000)
        assert status.get_attribute("aria-live") == "polite"
        assert page.evaluate("navigator.clipboard.readText()") == FEEDS[index]
        # The button is named by its visible text and described by its feed's heading.
        described_by = button.get_attribute("aria-describedby")
        assert page.locator(f"#{described_by}").inner_text() == feed.locator("h3").inner_text()
        assert not errors
        assert all(url.startswith(events_server) for url in requests), [
            u for u in requests if not u.startswith(events_server)
        ]
    finally:
        context.close()


def test_without_javascript_the_address_is_selectable_text_and_there_is_no_button(browser, events_server):
    context, page, errors, _ = open_page(browser, events_server + "events/", java_script_enabled=False)
    try:
        assert page.get_by_role("button", name="Copy address").count() == 0  # hidden buttons have no role
        addresses = page.locator(".hub-feed__address")
        assert addresses.all_inner_texts() == FEEDS
        for i in range(len(FEEDS)):
            assert addresses.nth(i).is_visible()
            assert addresses.nth(i).evaluate("e => getComputedStyle(e).userSelect") != "none"
        # Selecting the address selects exactly the address.
        page.evaluate(
            "e => { const r = document.createRange(); r.selectNodeContents(e); getSelection().removeAllRanges(); getSelection().addRange(r); }",
            addresses.first.element_handle(),
        )
        assert page.evaluate("getSelection().toString()") == FEEDS[0]
        assert page.get_by_role("link", name="Subscribe in Apple Calendar").first.get_attribute("href") == FEEDS[
            0
        ].replace("https://", "webcal://")
        assert not errors
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_subscribe_section_fits_the_screen(browser, events_server, width):
    context, page, _, _ = open_page(browser, events_server + "events/", width=width)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for summary in page.locator("details summary").all():
            summary.click()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
