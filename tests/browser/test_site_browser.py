"""Every page in a real Chromium: no console errors, no request to another host, and search."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.helpers import sitemap_paths

pytestmark = pytest.mark.browser


def test_the_sitemap_lists_every_nav_page(hub_site):
    paths = sitemap_paths(hub_site.site_dir)
    assert "/supervision/" in paths and "/case-studies/ayrshire-and-arran/" in paths
    assert len(paths) >= 15


@pytest.mark.slow
def test_every_page_loads_without_console_errors_or_third_party_requests(hub_site, hub_server, watched_page):
    page = watched_page.page
    problems = []
    for path in sitemap_paths(hub_site.site_dir):
        watched_page.console_errors.clear()
        watched_page.requests.clear()
        response = page.goto(hub_server.url(path), wait_until="networkidle")
        if response is None or response.status != 200:
            problems.append(f"{path}: status {response and response.status}")
        problems += [f"{path}: console error: {error}" for error in watched_page.console_errors]
        problems += [
            f"{path}: request to {url}"
            for url in watched_page.requests
            if not url.startswith(hub_server.base_url) and not url.startswith(("data:", "blob:"))
        ]
    assert not problems, "\n".join(problems)


def test_typing_supervisor_into_search_finds_the_supervision_page(hub_server, watched_page):
    page = watched_page.page
    page.goto(hub_server.url("/"), wait_until="networkidle")
    page.keyboard.press("/")  # Material's keyboard shortcut for search
    search = page.locator("input.md-search__input")
    search.press_sequentially("supervisor", delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(urlparse(href or "").path == "/supervision/" for href in hrefs), hrefs
