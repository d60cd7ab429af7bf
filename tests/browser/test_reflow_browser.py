"""Reflow in Debian's Chromium (issue 6, WCAG 1.4.4 and 1.4.10): no page scrolls sideways with
the browser's text size at 200%. At 320 px wide it is read in the phone's every-page sweep
(tests/browser/test_quality_phone_browser.py); the pages are the sweep's. A file of its own, so
another test process can take it."""

from __future__ import annotations

import pytest

from tests.browser.every_page import OVERFLOW, all_pages

pytestmark = pytest.mark.browser


def overflowing_pages(page, hub_server, paths) -> list[str]:
    problems = []
    for path in paths:
        page.goto(hub_server.url(path), wait_until="load")
        scroll_width, client_width, wide = page.evaluate(OVERFLOW)
        if scroll_width > client_width:
            problems.append(f"{path}: scrollWidth {scroll_width} > {client_width} (for example {wide})")
    return problems


@pytest.mark.slow
def test_no_horizontal_scrolling_with_text_resized_to_200_percent(browser, hub_site, hub_server):
    """The browser's own text size setting (16 px -> 32 px), as a reader who enlarges text has it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    try:
        page = context.new_page()
        page.goto(hub_server.url("/"), wait_until="load")
        normal = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
        cdp = context.new_cdp_session(page)
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        page.reload(wait_until="load")
        enlarged = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
        assert enlarged >= 1.9 * normal, f"text was not enlarged: {normal}px -> {enlarged}px"
        problems = overflowing_pages(page, hub_server, all_pages(hub_site.site_dir))
    finally:
        context.close()
    assert not problems, "\n".join(problems)
