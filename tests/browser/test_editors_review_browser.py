"""The overdue notice in a real browser: review-date.js shows it once the reader's date
passes the review date, even if the page was built before then."""

from __future__ import annotations

from datetime import datetime

import pytest

pytestmark = pytest.mark.browser

NOTICE = "[data-hub-review-notice]"


def open_on(browser, url: str, when: datetime):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(when)
    page.goto(url, wait_until="load")
    return context, page, errors


def test_the_notice_stays_hidden_before_the_review_date(browser, hub_server):
    # The roles page was reviewed on 4 December 2026 and is next due on 4 December 2027.
    context, page, errors = open_on(browser, hub_server.url("roles/"), datetime(2027, 12, 4, 23, 0))
    try:
        assert page.locator(NOTICE).is_hidden()
        assert page.get_by_text("Next review due: 4 December 2027").is_visible()
        assert errors == []
    finally:
        context.close()


def test_the_notice_appears_when_the_date_passes_after_the_build(browser, hub_server):
    context, page, errors = open_on(browser, hub_server.url("roles/"), datetime(2027, 12, 5, 9, 0))
    try:
        notice = page.locator(NOTICE)
        assert notice.is_visible()
        assert notice.get_by_text("This page may be out of date").is_visible()
        assert "It was due to be reviewed on 4 December 2027." in notice.inner_text()
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_the_notice_and_footer_fit_a_phone_and_a_desktop(browser, hub_server, width, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-GB")
    page = context.new_page()
    try:
        page.clock.set_fixed_time(datetime(2028, 1, 1, 12, 0))
        page.goto(hub_server.url("resources/"), wait_until="load")
        notice = page.locator(NOTICE)
        assert notice.is_visible()
        box = notice.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        footer = page.locator(".hub-review")
        footer.scroll_into_view_if_needed()
        assert footer.is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(tmp_path / f"notice-{width}.png"), full_page=False)
    finally:
        context.close()
