"""The sitemap. Every page's console errors and requests are checked on the every-page
sweep's one visit per page (tests/browser/test_quality_browser.py); search is tests/browser/test_search_browser.py,
and "supervisor" finding the supervision page is the 404 page's search test
(tests/browser/test_keyboard_browser.py)."""

from __future__ import annotations

import pytest

from tests.helpers import sitemap_paths

pytestmark = pytest.mark.browser


def test_the_sitemap_lists_every_nav_page(hub_site):
    paths = sitemap_paths(hub_site.site_dir)
    assert "/supervision/" in paths and "/case-studies/ayrshire-and-arran/" in paths
    assert len(paths) >= 15


LEFT_BEHIND = """async () => [
  Object.keys(localStorage), Object.keys(sessionStorage), document.cookie, navigator.onLine,
  (await navigator.permissions.query({name: 'clipboard-read'})).state,
  (await indexedDB.databases()).map((database) => database.name),
]"""


def test_a_lent_context_keeps_nothing_of_the_test_before(browser, hub_server):
    """tests/helpers.py LendingBrowser: the next test with the same options gets the same
    context back, with nothing the first test's tab left in it."""
    options = {"viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(hub_server.url("training/roadmap/"), wait_until="load")
    page.evaluate(
        """() => { localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1');
                   document.cookie = 'left=1; path=/'; indexedDB.open('left'); }"""
    )
    context.grant_permissions(["clipboard-read"])
    page.context.set_offline(True)  # through the page, as tests do: the lender does not see it
    assert page.evaluate(LEFT_BEHIND)[:5] == [["left"], ["left"], "left=1", False, "granted"]
    first = page.context
    context.close()

    again = browser.new_context(**options)
    page = again.new_page()
    assert page.context is first, "the context was not lent again"
    page.goto(hub_server.url("training/roadmap/"), wait_until="load")
    assert page.evaluate(LEFT_BEHIND) == [[], [], "", True, "prompt", []]
    again.close()
