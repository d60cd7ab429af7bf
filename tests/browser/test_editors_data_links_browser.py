"""The editors' data-file links in Chromium (issue 30): a reader meets the page's heading
first, at 1280 and 375 px, and the links come after the review dates at the page's foot.
Printing leaves them out: every content page's printout is read in the desktop's every-page
sweep (tests/browser/test_quality_browser.py), which counts the links as site chrome."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# The job description (its form), and ordinary figure and event pages.
PAGES = ["recruitment/job-description/", "roles/funding/", "events/", ""]


TOPS = """() => {
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


@pytest.mark.parametrize("width", [1280, 375])
def test_the_heading_comes_first_and_the_data_links_last(browser, hub_server, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-GB")
    page = context.new_page()
    problems = []
    try:
        for path in PAGES:
            page.goto(hub_server.url(path), wait_until="load")
            tops = page.evaluate(TOPS)
            if not tops["visible"] or "edit data/" not in page.locator(".hub-data-sources").inner_text():
                problems.append(f"{path}: the data links are not shown")
            if tops["firstText"] < tops["heading"]:
                problems.append(f"{path}: something is shown above the page's heading")
            if tops["links"] <= tops["lastOther"]:
                problems.append(f"{path}: the data links are not the last thing in the page")
    finally:
        context.close()
    assert not problems, f"at {width} px:\n" + "\n".join(problems)
