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
