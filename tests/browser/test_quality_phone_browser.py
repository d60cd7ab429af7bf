"""The survey of tests/browser/test_quality_browser.py (axe-core, requests, console errors,
cookies and storage on every page), at the phone's size. A file of its own so that
pytest-xdist, which keeps each file in one process, can survey both sizes at once."""

from __future__ import annotations

import pytest

from tests.browser.test_quality_browser import (  # noqa: F401 (pytest collects what is imported)
    survey,
    test_every_page_has_no_axe_violations,
    test_every_page_is_served,
    test_no_cookies_and_no_storage_the_privacy_page_does_not_name,
    test_no_page_asks_any_host_but_the_site,
    test_no_page_logs_a_console_error,
)

pytestmark = pytest.mark.browser

VIEWPORT = "phone-375"
