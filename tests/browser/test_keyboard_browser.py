"""By keyboard alone, in Debian's Chromium (issue 6). The walk of every page (focus always
visible, the skip link first, every control reached and working) is in
tests/browser/test_quality_browser.py, with its machinery in tests/browser/keyboard_walk.py;
here, that its focus check can fail, and search by keyboard."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.browser.every_page import VIEWPORTS
from tests.browser.keyboard_walk import FOCUS_STATE, MARK, focus_problems, settle, walk_focus
from tests.helpers import wait_until

pytestmark = pytest.mark.browser


def test_the_focus_check_sees_an_invisible_focus(browser):
    page = browser.new_page()
    try:
        page.set_content(
            '<a href="#a" style="outline: none">no ring</a><a href="#b" style="opacity:0">gone</a>'
            '<a href="#c" style="outline: 3px solid #eee">pale ring</a>'
            '<a href="#d" style="outline: 1px solid #000">thin ring</a>'
            '<p style="background: #005EB8"><a href="#e" style="outline: 3px solid #FFB81C">yellow on blue</a>'
            '<a href="#f" style="outline: 3px solid #FFB81C; outline-offset: 0; box-shadow: 0 0 0 6px #212B32">yellow and dark</a></p>'
        )
        page.evaluate(MARK)
        states = list(walk_focus(page))
    finally:
        page.close()
    assert "no focus indicator 2 px wide with 3:1 contrast (found: none)" in focus_problems(states[0])
    assert any("invisible" in problem for problem in focus_problems(states[1]))
    assert "outline 3px rgb(238,238,238) 1.2:1" in " ".join(focus_problems(states[2]))
    assert "no focus indicator" in " ".join(focus_problems(states[3]))
    assert not focus_problems(states[4]), states[4]["indicator"]
    assert states[5]["indicator"]["text"] == "outline 3px rgb(255,184,28) 3.7:1, ring 3px rgb(33,43,50) 2.3:1"


def tab_to(page, selector: str, limit: int = 40) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return True
    return False


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_search_is_opened_used_and_closed_by_keyboard_alone(browser, hub_server, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
    page = context.new_page()
    try:
        page.goto(hub_server.url("/"), wait_until="load")
        # Opened: Tab reaches the search box, and focusing it opens search.
        assert tab_to(page, "input.md-search__input"), "Tab never reaches the search box"
        wait_until(page, "() => document.getElementById('__search').checked")
        settle(page)
        assert not focus_problems(page.evaluate(FOCUS_STATE)), page.evaluate(FOCUS_STATE)
        # Used: typing shows results; the arrow key moves to one and Enter follows it.
        page.keyboard.type("supervisor", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.keyboard.press("ArrowDown")
        settle(page)
        assert page.evaluate("() => !!document.activeElement.closest('.md-search-result__item')"), (
            "ArrowDown does not move to the first result"
        )
        assert not focus_problems(page.evaluate(FOCUS_STATE)), page.evaluate(FOCUS_STATE)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert urlparse(page.url).path != "/", "Enter on a result did not open it"
        # Closed: Escape closes search again.
        page.goto(hub_server.url("/"), wait_until="load")
        assert tab_to(page, "input.md-search__input")
        page.keyboard.type("roadmap", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.keyboard.press("Escape")
        wait_until(page, "() => !document.getElementById('__search').checked")
        assert not page.evaluate("() => document.activeElement.matches('input.md-search__input')")
    finally:
        context.close()


def test_the_404_page_search_finds_pages(browser, hub_server):
    context = browser.new_context(viewport=VIEWPORTS["desktop-1280"], locale="en-GB")
    page = context.new_page()
    try:
        page.goto(hub_server.url("/404.html"), wait_until="load")
        assert tab_to(page, "#hub-404-query", limit=80), "Tab never reaches the 404 page's search box"
        page.keyboard.type("supervisor", delay=20)
        page.keyboard.press("Enter")
        wait_until(page, "() => document.getElementById('__search').checked")
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=10_000)
        hrefs = [urlparse(results.nth(i).get_attribute("href") or "").path for i in range(results.count())]
        assert "/supervision/" in hrefs, hrefs
    finally:
        context.close()
