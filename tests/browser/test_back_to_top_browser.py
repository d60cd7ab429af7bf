"""Material's floating "Back to top" on a phone (issue 30): scrolling up a long page at
375 px, nothing floats over the text; a "Back to top" link at the page's foot, in the flow
of the page, takes the reader back up. On a desktop the floating button is Material's own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# The text a floating button would cover: every visible block of the article it overlaps.
COVERED = """() => {
  const top = document.querySelector('.md-top');
  const style = getComputedStyle(top);
  if (style.display === 'none' || style.visibility === 'hidden' || top.hidden) return {shown: false, covered: []};
  const r = top.getBoundingClientRect();
  const covered = [...document.querySelectorAll(
      'article p, article li, article h1, article h2, article h3, article td, article th, article dt, article dd')]
    .filter((e) => e.innerText.trim())
    .filter((e) => { const b = e.getBoundingClientRect();
                     return b.bottom > r.top && b.top < r.bottom && b.right > r.left && b.left < r.right; })
    .map((e) => e.innerText.trim().slice(0, 60));
  return {shown: true, covered};
}"""


def scroll_down_then_up(page) -> None:
    """As a reader does with a mouse wheel or a finger: down the page, then a little back up
    (Material shows its button when the reader scrolls up)."""
    for _ in range(12):
        page.mouse.wheel(0, 250)
        page.wait_for_timeout(60)
    for _ in range(4):
        page.mouse.wheel(0, -80)
        page.wait_for_timeout(60)
    page.wait_for_timeout(500)  # Material waits 250 ms before showing it


@pytest.mark.parametrize("path", ["roles/funding/", "recruitment/job-description/", "events/"])
def test_on_a_phone_nothing_floats_over_the_text_when_scrolling_up(browser, hub_server, path):
    context = browser.new_context(viewport={"width": 375, "height": 700}, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(hub_server.url(path), wait_until="load")
        scroll_down_then_up(page)
        assert page.evaluate("window.scrollY") > 1000  # the page did scroll
        result = page.evaluate(COVERED)
        assert not result["covered"], f"'Back to top' covers: {result['covered']}"
        link = page.locator(".hub-back-to-top a")
        link.scroll_into_view_if_needed()
        assert link.is_visible() and link.inner_text() == "Back to top"
        link.click()
        page.wait_for_function("window.scrollY === 0")
    finally:
        context.close()


def test_the_measurement_sees_the_floating_button_where_material_shows_it(browser, hub_server):
    """The check above is not blind: at 1280 px Material's button still shows when scrolling up,
    the measurement finds it, and the foot's link is not shown there."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(hub_server.url("roles/funding/"), wait_until="load")
        scroll_down_then_up(page)
        assert page.evaluate(COVERED)["shown"]
        assert page.locator(".hub-back-to-top a").is_hidden()
    finally:
        context.close()


def test_the_back_to_top_link_is_not_printed(browser, hub_server):
    context = browser.new_context(viewport={"width": 375, "height": 700}, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(hub_server.url("roles/funding/"), wait_until="load")
        page.emulate_media(media="print")
        assert page.locator(".hub-back-to-top").is_hidden()
    finally:
        context.close()
