"""Site search as readers use it (issue 30), typed key by key in Chromium (Material's search
only reacts to real key presses): "next drop-in" leads to the drop-in sessions, not to the
pages of sessions that have taken place; "calculator" finds the cost calculator."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser


def search(page, base_url: str, words: str) -> list[str]:
    """The result links' paths and fragments, in the order Material shows them."""
    page.goto(base_url, wait_until="load")
    page.keyboard.press("/")  # Material's keyboard shortcut for search
    page.locator("input.md-search__input").press_sequentially(words, delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # the last key's results
    found = []
    for i in range(results.count()):
        address = urlparse(results.nth(i).get_attribute("href") or "")
        found.append(address.path + (f"#{address.fragment}" if address.fragment else ""))
    return found


def test_next_drop_in_leads_to_the_drop_in_sessions_not_to_past_ones(hub_server, watched_page):
    found = search(watched_page.page, hub_server.url("/"), "next drop-in")
    assert found[0] in ("/events/", "/"), found
    assert "/events/" in found[:3]
    # The shipped sessions are in 2023: none of their pages is offered.
    assert not [path for path in found if path.startswith("/events/rcot-drop-in/")], found


def test_calculator_finds_the_cost_calculator(hub_server, watched_page):
    found = search(watched_page.page, hub_server.url("/"), "calculator")
    assert "/roles/funding/#cost-calculator-heading" in found, found
    assert "/recruitment/hiring-an-ot/#cost-calculator-heading" in found, found
