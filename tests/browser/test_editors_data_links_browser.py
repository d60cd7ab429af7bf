"""The editors' data-file links in Chromium (issue 30): a reader meets the page's heading
first, at 1280 and 375 px, the links come after the review dates at the page's foot, and
printing leaves them out."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# The job description prints (its filled-in form); the others are ordinary figure and event pages.
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
def test_the_heading_comes_first_the_data_links_last_and_print_hides_them(browser, hub_server, width):
    """The printout of every content page, these included, is read in
    tests/browser/test_quality_print.py: the links' text is not in it."""
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="en-GB")
    page = context.new_page()
    problems = []
    try:
        for path in PAGES:
            page.emulate_media(media="screen")
            page.goto(hub_server.url(path), wait_until="load")
            tops = page.evaluate(TOPS)
            if not tops["visible"] or "edit data/" not in page.locator(".hub-data-sources").inner_text():
                problems.append(f"{path}: the data links are not shown")
            if tops["firstText"] < tops["heading"]:
                problems.append(f"{path}: something is shown above the page's heading")
            if tops["links"] <= tops["lastOther"]:
                problems.append(f"{path}: the data links are not the last thing in the page")
            page.emulate_media(media="print")
            if not page.locator(".hub-data-sources").is_hidden():
                problems.append(f"{path}: the data links show in print")
    finally:
        context.close()
    assert not problems, f"at {width} px:\n" + "\n".join(problems)
