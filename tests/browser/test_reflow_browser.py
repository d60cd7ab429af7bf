"""Reflow in Debian's Chromium (issue 6, WCAG 1.4.10 and 1.4.4): no page scrolls sideways at
320 px wide, or with the browser's text size at 200%. The pages are those of
the every-page sweep (tests/browser/every_page.py); a file of its own, so another test process can take it."""

from __future__ import annotations

import pytest

from tests.browser.every_page import all_pages

pytestmark = pytest.mark.browser

# --- Reflow: 320 px wide, and text at 200% ------------------------------------------

OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .filter(e => !e.closest('[hidden], .md-sidebar, .md-search'))
    .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className);
  return [root.scrollWidth, root.clientWidth, wide];
}"""


def overflowing_pages(page, hub_server, paths) -> list[str]:
    problems = []
    for path in paths:
        page.goto(hub_server.url(path), wait_until="load")
        scroll_width, client_width, wide = page.evaluate(OVERFLOW)
        if scroll_width > client_width:
            problems.append(f"{path}: scrollWidth {scroll_width} > {client_width} (for example {wide})")
    return problems


@pytest.mark.slow
def test_no_horizontal_scrolling_at_320_px(browser, hub_site, hub_server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="en-GB")
    try:
        problems = overflowing_pages(context.new_page(), hub_server, all_pages(hub_site.site_dir))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


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
