"""What a screen reader and a keyboard user meet, beyond axe (issue 15).

Chromium's own accessibility tree is read on every page, at a desktop width and at a phone
width with the menu open, by the every-page sweep (tests/browser/test_quality_browser.py, with
the rules in tests/browser/accessibility_tree.py). Here: that the rules can fail, the
navigation's buttons and the search by keyboard, the navigation without JavaScript, and
Windows high contrast with reduced motion (screenshots in .test-artifacts/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.accessibility_tree import MARK_OPENERS, tree_problems
from tests.browser.keyboard_walk import SETTLE, settle
from tests.helpers import wait_until

pytestmark = pytest.mark.browser

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT_ROOT / ".test-artifacts" / "accessibility"
WIDTHS = {
    "desktop-1280": {"width": 1280, "height": 900},
    "phone-375-menu-open": {"width": 375, "height": 812},
}


# --- The checks can fail ----------------------------------------------------------------


def test_the_tree_check_finds_a_label_toggle_a_nameless_button_and_a_stray_checkbox(browser):
    page = browser.new_page()
    try:
        page.set_content(
            """
            <input class="md-toggle" type="checkbox" id="t" style="display:none">
            <label for="t" tabindex="0">Section</label>
            <button type="button"><svg width="10" height="10"></svg></button>
            <input type="checkbox" class="md-toggle" id="visible-toggle" aria-label="Toggle">
            <button type="button" aria-expanded="false">Fine</button>
            """
        )
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        page.evaluate(MARK_OPENERS)
        problems, _ = tree_problems(cdp)
    finally:
        page.close()
    text = "\n".join(problems)
    assert 'label[for="t"]: focusable with no role' in text
    assert 'label[for="t"]: a LabelText that opens something but does not say whether it is open' in text
    assert 'button[type="button"]: a button with no name' in text
    assert 'id="visible-toggle"' in text and "not a named form field" in text
    assert "Fine" not in text


# --- By keyboard: the phone menu's sections, and Escape from search --------------------

FOCUSED = """() => { const e = document.activeElement;
  return [e.tagName.toLowerCase(), e.id, (e.getAttribute('aria-label') || e.innerText || '').trim(),
          e.getAttribute('aria-expanded'), e.getAttribute('for')]; }"""


def pressed(page, key: str):
    page.keyboard.press(key)
    settle(page)
    return page.evaluate(FOCUSED)


def ring_problem(page, name: str) -> str | None:
    share = focus_ring_share(page, name)
    return None if share >= 0.05 else f"{name}: focus changes only {share:.0%} of the pixels around the control"


def on_screen_and_uncovered(page) -> bool:
    return page.evaluate(
        """() => { const e = document.activeElement, r = e.getBoundingClientRect();
          if (!r.width || r.right <= 0 || r.left >= innerWidth) return false;
          // An icon that lets clicks through to what is under it still shows on top.
          const events = e.style.pointerEvents;
          e.style.pointerEvents = 'auto';
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          e.style.pointerEvents = events;
          return !!top && (e.contains(top) || top.contains(e)); }"""
    )


def test_the_phone_menu_sections_open_and_close_with_enter_and_space(browser, hub_server):
    context = browser.new_context(viewport=WIDTHS["phone-375-menu-open"], locale="en-GB")
    page = context.new_page()
    rings = []
    try:
        page.goto(hub_server.url("/roles/funding/"), wait_until="load")
        page.focus(".hub-menu-button")
        # The menu opens on the current page's section, and focus moves into it.
        tag, _, name, expanded, target = pressed(page, "Enter")
        assert (tag, name, expanded, target) == ("button", "The role", "true", "__nav_2"), name
        assert on_screen_and_uncovered(page)
        rings.append(ring_problem(page, "phone-menu-1-section-title"))
        # Enter on the section's title closes it: focus goes to the button that opens it.
        tag, identifier, name, expanded, _ = pressed(page, "Enter")
        assert (tag, identifier, name, expanded) == ("button", "__nav_2_label", "The role", "false")
        assert not page.evaluate("() => document.getElementById('__nav_2').checked")
        assert on_screen_and_uncovered(page)
        rings.append(ring_problem(page, "phone-menu-2-section-button"))
        # Space opens it again: focus goes to its title, now on screen.
        tag, identifier, _, expanded, _ = pressed(page, " ")
        assert (tag, identifier, expanded) == ("button", "__nav_2_title", "true")
        assert page.evaluate("() => document.getElementById('__nav_2').checked")
        assert on_screen_and_uncovered(page)
        # Tab stays in what can be seen: the next stop is the table of contents button.
        _, _, name, expanded, target = pressed(page, "Tab")
        assert (name, expanded, target) == ("ARRS funding: table of contents", "false", "__toc")
        assert on_screen_and_uncovered(page)
        rings.append(ring_problem(page, "phone-menu-3-contents-button"))
        # Enter opens the table of contents, with focus on its title.
        _, _, name, expanded, target = pressed(page, "Enter")
        assert (name, expanded, target) == ("Table of contents", "true", "__toc")
        assert on_screen_and_uncovered(page)
        rings.append(ring_problem(page, "phone-menu-4-contents-title"))
        # Escape closes the menu and returns to the menu button.
        _, _, name, expanded, _ = pressed(page, "Escape")
        assert (name, expanded) == ("Menu", "false")
    finally:
        context.close()
    problems = [ring for ring in rings if ring]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_escape_from_search_returns_focus_to_what_opened_it(browser, hub_server, width):
    context = browser.new_context(viewport=WIDTHS[width], locale="en-GB")
    page = context.new_page()
    search_open = "() => document.getElementById('__search').checked"
    try:
        page.goto(hub_server.url("/"), wait_until="load")
        # Opened with "/": back to the search button that shows at this width.
        page.keyboard.press("/")
        page.keyboard.type("roadmap", delay=20)
        assert page.evaluate(search_open)
        page.keyboard.press("Escape")
        wait_until(page, "() => document.activeElement.matches('button[for=__search]')")
        page.evaluate(SETTLE)
        assert not page.evaluate(search_open)
        assert page.evaluate("() => document.activeElement.matches(':focus-visible')")
        assert on_screen_and_uncovered(page)
        # Opened by pressing that button: Escape comes back to it.
        opener = page.evaluate("() => document.activeElement.className")
        page.keyboard.press("Enter")
        wait_until(page, search_open)
        assert page.evaluate("() => document.activeElement.matches('input.md-search__input')")
        page.keyboard.press("Escape")
        wait_until(page, "() => document.activeElement.matches('button[for=__search]')")
        assert page.evaluate("() => document.activeElement.className") == opener
        # Opened by another control (the "page not found" page's search form).
        page.goto(hub_server.url("/404.html"), wait_until="load")
        page.focus("#hub-404-query")
        page.keyboard.type("supervisor", delay=20)
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")  # the form's Search button
        wait_until(page, search_open)
        page.keyboard.press("Escape")
        wait_until(page, "() => document.activeElement.matches('.hub-404-search button')")
    finally:
        context.close()


def test_without_javascript_the_sections_still_open_and_close_by_their_labels(browser, hub_server):
    context = browser.new_context(viewport=WIDTHS["phone-375-menu-open"], locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(hub_server.url("/roles/funding/"), wait_until="load")
        assert page.locator("label#__nav_2_title[for=__nav_2]").count() == 1
        assert page.locator("button.hub-toggle").count() == 0
        # The menu button needs JavaScript (issue 6): open the menu as its label would.
        page.locator("#__drawer").dispatch_event("click")
        assert page.locator("#__nav_2").is_checked()  # the current page's section is open
        page.locator("label#__nav_2_title").click()
        assert not page.locator("#__nav_2").is_checked()
        page.locator("label#__nav_3_label").click()
        assert page.locator("#__nav_3").is_checked()
    finally:
        context.close()


# --- Windows high contrast and reduced motion -------------------------------------------

MOTION = """() => {
  const moving = [];
  for (const e of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(e, pseudo);
      const longest = v => Math.max(...v.split(',').map(part => parseFloat(part) || 0));
      const transition = longest(s.transitionDuration) + longest(s.transitionDelay);
      const animation = s.animationName !== 'none' ? longest(s.animationDuration) + longest(s.animationDelay) : 0;
      if (transition > 0 || animation > 0)
        moving.push(e.tagName.toLowerCase() + '.' + String(e.className).trim().split(/\\s+/).join('.') +
                    (pseudo || '') + ` (transition ${transition}s, animation ${animation}s)`);
    }
  }
  return [...new Set(moving)].slice(0, 10).concat(document.getAnimations().map(a => 'running: ' + a.constructor.name));
}"""


def focus_ring_share(page, name: str) -> float:
    """Share of the pixels on and 8 px around the focused control that change when it has
    keyboard focus and when it has not (the idea of WCAG 2.4.13). The focused view is kept."""
    from io import BytesIO

    from PIL import Image, ImageChops

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    box = page.evaluate(
        "() => { const r = document.activeElement.getBoundingClientRect();"
        " return {x: r.x, y: r.y, width: r.width, height: r.height}; }"
    )
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    x, y = max(box["x"] - 8, 0), max(box["y"] - 8, 0)
    clip = {"x": x, "y": y, "width": min(box["width"] + 16, width - x), "height": min(box["height"] + 16, height - y)}
    page.evaluate("() => { window.hubFocused = document.activeElement; document.activeElement.blur(); }")
    page.evaluate(SETTLE)
    before = page.screenshot(clip=clip)
    page.keyboard.press("Shift")  # a keyboard user's focus: :focus-visible applies
    page.evaluate("() => window.hubFocused.focus()")
    page.evaluate(SETTLE)
    after = page.screenshot(clip=clip, path=ARTIFACTS / f"{name}-focused.png")
    difference = ImageChops.difference(
        Image.open(BytesIO(before)).convert("L"), Image.open(BytesIO(after)).convert("L")
    )
    changed = sum(1 for value in difference.get_flattened_data() if value > 60)
    return changed / (difference.width * difference.height)


def visibly_drawn(page, selector: str) -> bool:
    """The control's own pixels hold more than one colour: its icon or text shows."""
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(page.locator(selector).first.screenshot())).convert("L")
    low, high = image.getextrema()
    return high - low > 100


HIGH_CONTRAST_VIEWS = [
    # (name, width, page, what to do first, controls that must show, control whose focus must show)
    ("desktop-home", "desktop-1280", "/", None, ["input.md-search__input", ".md-tabs__link"], ".md-tabs__link"),
    (
        "desktop-search",
        "desktop-1280",
        "/",
        "search",
        ["button[for=__search].md-search__icon"],
        "button[for=__search].md-search__icon",
    ),
    (
        "phone-menu",
        "phone-375-menu-open",
        "/roles/funding/",
        "menu",
        ["#__nav_2_title", "button[for=__toc].md-nav__link"],
        "button[for=__toc].md-nav__link",
    ),
    ("phone-menu-sections", "phone-375-menu-open", "/", "menu", ["#__nav_3_label", "#__nav_8_label"], "#__nav_3_label"),
    (
        "phone-header",
        "phone-375-menu-open",
        "/",
        None,
        [".hub-menu-button", ".md-header button[for=__search]"],
        ".md-header button[for=__search]",
    ),
]


def test_high_contrast_and_reduced_motion_keep_controls_and_focus_visible_and_still(browser, hub_server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems = []
    contexts = {}
    try:
        for name, width, path, first, controls, focus in HIGH_CONTRAST_VIEWS:
            if width not in contexts:
                context = browser.new_context(viewport=WIDTHS[width], locale="en-GB")
                contexts[width] = (context, context.new_page())
            page = contexts[width][1]
            page.emulate_media(forced_colors="active", reduced_motion="reduce")
            page.goto(hub_server.url(path), wait_until="load")
            assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
            assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
            if first == "menu":
                page.focus(".hub-menu-button")
                page.keyboard.press("Enter")
            elif first == "search":
                page.keyboard.press("/")
                page.keyboard.press("Escape")
            # Nothing moves: no transition or animation is set to take any time, and none runs.
            moving = page.evaluate(MOTION)
            problems += [f"{name}: moves: {item}" for item in moving]
            page.screenshot(path=ARTIFACTS / f"{name}.png")
            for selector in controls:
                if not visibly_drawn(page, selector):
                    problems.append(f"{name}: {selector} does not show in high contrast")
            page.locator(focus).first.focus()
            changed = focus_ring_share(page, name)
            if changed < 0.05:
                problems.append(f"{name}: focus on {focus} changes only {changed:.0%} of the pixels around it")
    finally:
        for context, _ in contexts.values():
            context.close()
    assert not problems, "\n".join(problems)
