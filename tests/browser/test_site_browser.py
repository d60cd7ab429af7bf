"""The sitemap and search in a real Chromium. Every page's console errors and requests are
checked on the axe survey's one visit per page (tests/browser/test_quality_browser.py)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.helpers import sitemap_paths

pytestmark = pytest.mark.browser


def test_the_sitemap_lists_every_nav_page(hub_site):
    paths = sitemap_paths(hub_site.site_dir)
    assert "/supervision/" in paths and "/case-studies/ayrshire-and-arran/" in paths
    assert len(paths) >= 15


def test_typing_supervisor_into_search_finds_the_supervision_page(hub_server, watched_page):
    page = watched_page.page
    page.goto(hub_server.url("/"), wait_until="load")
    page.keyboard.press("/")  # Material's keyboard shortcut for search
    search = page.locator("input.md-search__input")
    search.press_sequentially("supervisor", delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(urlparse(href or "").path == "/supervision/" for href in hrefs), hrefs
