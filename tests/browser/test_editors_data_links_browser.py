"""The editors' data-file links in Chromium (issue 30): a reader meets the page's heading
first, at 1280 and 375 px, the links come after the review dates at the page's foot, and
printing leaves them out."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

# The job description prints (its filled-in form); the others are ordinary figure and event pages.
PAGES = ["recruitment/job-description/", "roles/funding/", "events/", ""]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", PAGES)
def test_the_heading_comes_first_and_the_data_links_last(browser, hub_server, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(hub_server.url(path), wait_until="load")
        tops = page.evaluate(
            """() => {
              const top = (e) => e.getBoundingClientRect().top + window.scrollY;
              const article = document.querySelector('article');
              const text = [...article.querySelectorAll('h1, p, li, dt, dd, td, summary')]
                .filter((e) => e.offsetParent !== null && e.innerText.trim()
                        && !e.closest('.hub-data-sources'));
              return {
                heading: top(article.querySelector('h1')),
                firstText: Math.min(...text.map(top)),
                lastOther: Math.max(...text.map(top)),
                links: top(document.querySelector('.hub-data-sources')),
                visible: document.querySelector('.hub-data-sources').offsetParent !== null,
              };
            }"""
        )
        assert tops["visible"]
        assert tops["firstText"] >= tops["heading"], "something is shown above the page's heading"
        assert tops["links"] > tops["lastOther"], "the data links are not the last thing in the page"
    finally:
        context.close()


@pytest.mark.parametrize("path", PAGES)
def test_printing_leaves_the_data_links_out(browser, hub_server, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(hub_server.url(path), wait_until="load")
        assert "edit data/" in page.locator(".hub-data-sources").inner_text()
        page.emulate_media(media="print")
        assert page.locator(".hub-data-sources").is_hidden()
        pdf = page.pdf(format="A4")
        text = " ".join((p.extract_text() or "") for p in PdfReader(BytesIO(pdf)).pages)
        assert "data file" not in text and "edit data/" not in text
    finally:
        context.close()
