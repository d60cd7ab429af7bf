"""A job description opened with values in its address says so above the form and asks the
reader to check them before downloading (issue 19): anyone can make such a link."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE = "recruitment/job-description/"


def test_values_from_the_address_are_named_above_the_form(hub_server, watched_page):
    page = watched_page.page
    stranger = "<b>Call 0900 000 000</b> to pay your fee"
    page.goto(hub_server.url(PAGE) + "?contact=" + stranger.replace(" ", "%20") + "&employer=Severn%20Vale%20PCN")
    notice = page.locator("[data-jd-from-address]")
    notice.wait_for()
    assert notice.locator(".admonition-title").inner_text() == "Check the details this link filled in"
    text = notice.inner_text()
    assert "The link you opened filled in: Employing practice or primary care network, Contact" in text
    assert "check each of these in the form below before you download" in text
    # Above the form, and text only: nothing from the address is in the notice or became markup.
    assert page.evaluate(
        "document.querySelector('[data-jd-from-address]').compareDocumentPosition("
        "document.querySelector('[data-jd-form]')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert "0900" not in text
    assert page.locator(".jd-document b").count() == 0
    assert not watched_page.console_errors


def test_a_page_opened_without_values_has_no_notice(hub_server, watched_page):
    page = watched_page.page
    page.goto(hub_server.url(PAGE), wait_until="load")
    page.locator("[data-jd-form]").wait_for()
    assert page.locator("[data-jd-from-address]").count() == 0
    # Typing in the form (which puts the values in the address) brings no notice either.
    page.get_by_label("Employing practice or primary care network").press_sequentially("Severn Vale PCN")
    assert page.locator("[data-jd-from-address]").count() == 0
