"""What a screen reader and a keyboard user meet, beyond axe (issue 15).

Chromium's own accessibility tree (the DevTools protocol's Accessibility.getFullAXTree),
read on every page of the sitemap and every drop-in session page, at a desktop width and
at a phone width with the menu open:
- every focusable control has a role and a name;
- every control that opens something (a navigation section, the table of contents, the
  menu, the search) says whether it is open;
- no tick box is exposed that is not a form field (Material's hidden toggles stay hidden).
Then the navigation's buttons and the search by keyboard, the navigation without
JavaScript, and Windows high contrast with reduced motion (screenshots in .test-artifacts/).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.helpers import wait_until

pytestmark = pytest.mark.browser

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT_ROOT / ".test-artifacts" / "accessibility"
WIDTHS = {
    "desktop-1280": {"width": 1280, "height": 900},
    "phone-375-menu-open": {"width": 375, "height": 812},
}

# Ends CSS transitions at once (the phone menu slides), so the tree read is the one the
# reader ends up with.
SETTLE = "() => document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} })"

# Roles that say nothing about what a focusable element is or does.
NO_ROLE = {"", "generic", "none", "presentation", "LabelText", "StaticText", "GenericContainer", "Unknown"}


# --- Which pages --------------------------------------------------------------------


def sitemap_paths(site_dir: Path) -> list[str]:
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.parse(site_dir / "sitemap.xml")
    return [urlparse(loc.text).path for loc in tree.findall(".//s:loc", namespace)]


def session_paths(site_dir: Path) -> list[str]:
    """The drop-in session pages, /events/<series>/<date>/, as the build wrote them."""
    return sorted(
        "/" + page.parent.relative_to(site_dir).as_posix() + "/"
        for page in (site_dir / "events").glob("*/*/index.html")
    )


def pages_under_test(site_dir: Path) -> list[str]:
    paths = sitemap_paths(site_dir)
    return paths + [path for path in session_paths(site_dir) if path not in paths]


def test_the_pages_under_test_are_the_sitemap_and_every_session_page(hub_site, tmp_path):
    paths = pages_under_test(hub_site.site_dir)
    assert "/" in paths and "/about/accessibility/" in paths
    sessions = session_paths(hub_site.site_dir)
    assert sessions and all(path in paths for path in sessions)
    assert "/events/rcot-drop-in/2023-09-21/" in sessions
    # A session page found from the site's files, not from the sitemap.
    fake = tmp_path / "site"
    (fake / "events" / "new-series" / "2027-01-12").mkdir(parents=True)
    (fake / "events" / "new-series" / "2027-01-12" / "index.html").write_text("<p>x</p>")
    assert session_paths(fake) == ["/events/new-series/2027-01-12/"]


# --- Reading the tree ---------------------------------------------------------------

# Marks, on the live page, every visible control that opens or closes something:
# disclosure buttons and summaries, and anything that works one of Material's hidden toggles
# (a <label for> or the buttons toggle-buttons.js puts in their place). Left out, with why:
# the dimmed backdrops (a pointer's way to close the menu or search; Escape does it by
# keyboard), the menu's heading (it holds the link to the home page), and the table of
# contents sidebar's title (where that sidebar shows, it is always open: a heading), and
# whatever neither a pointer nor the keyboard can use (a section's heading on a wide screen).
MARK_OPENERS = """() => {
  const toggles = new Set([...document.querySelectorAll('input.md-toggle')].map(t => t.id));
  const openers = [...document.querySelectorAll('summary, button, [aria-expanded], [aria-haspopup], [for]')]
    .filter(e => e.matches('summary, [aria-expanded], [aria-haspopup]:not([aria-haspopup="false"])')
                 || toggles.has(e.getAttribute('for')))
    .filter(e => !e.matches('.md-overlay, .md-search__overlay, .md-nav--secondary > .md-nav__title'))
    .filter(e => !e.querySelector('a[href]'))
    .filter(e => getComputedStyle(e).pointerEvents !== 'none' || e.tabIndex >= 0)
    .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible');
  openers.forEach((e, n) => { e.dataset.hubOpener = String(n); });
  return openers.length;
}"""


@dataclass
class AXControl:
    role: str
    name: str
    properties: dict


def describe_node(cdp, backend_id: int) -> str:
    node = cdp.send("DOM.describeNode", {"backendNodeId": backend_id})["node"]
    attributes = node.get("attributes", [])
    pairs = dict(zip(attributes[::2], attributes[1::2], strict=False))
    return node["localName"] + "".join(
        f'[{key}="{value}"]' for key, value in pairs.items() if key in ("id", "class", "for", "href", "type")
    )


def read_tree(cdp) -> tuple[list[dict], dict[int, dict]]:
    nodes = [node for node in cdp.send("Accessibility.getFullAXTree")["nodes"] if not node.get("ignored")]
    return nodes, {node["backendDOMNodeId"]: node for node in nodes if "backendDOMNodeId" in node}


def properties_of(node: dict) -> dict:
    return {prop["name"]: prop["value"].get("value") for prop in node.get("properties", [])}


def opener_ids(cdp) -> list[int]:
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-hub-opener]"})["nodeIds"]
    return [cdp.send("DOM.describeNode", {"nodeId": node_id})["node"]["backendNodeId"] for node_id in found]


def tree_problems(cdp) -> tuple[list[str], list[AXControl]]:
    """The three rules, read from Chromium's accessibility tree of the page as it is now."""
    problems: list[str] = []
    controls: list[AXControl] = []
    nodes, by_backend = read_tree(cdp)
    for node in nodes:
        role = node.get("role", {}).get("value", "")
        name = (node.get("name", {}).get("value") or "").strip()
        props = properties_of(node)
        backend = node.get("backendDOMNodeId")
        if role == "RootWebArea" or backend is None:
            continue
        if props.get("focusable"):
            controls.append(AXControl(role, name, props))
            # The element is described (one more call to the browser) only for a problem.
            if role in NO_ROLE:
                html = describe_node(cdp, backend)
                problems.append(f"{html}: focusable with no role (Chromium says {role!r}), name {name!r}")
            elif not name:
                problems.append(f"{describe_node(cdp, backend)}: a {role} with no name")
        if role in ("checkbox", "switch", "menuitemcheckbox"):
            html = describe_node(cdp, backend)
            is_field = html.startswith("input") and 'type="checkbox"' in html and "md-toggle" not in html
            if not is_field or not name:
                problems.append(f"{html}: a {role} {name!r} that is not a named form field")
    for backend in opener_ids(cdp):
        node = by_backend.get(backend)
        html = describe_node(cdp, backend)
        if node is None:
            problems.append(f"{html}: opens something but is not in the accessibility tree")
        elif "expanded" not in properties_of(node):
            role = node.get("role", {}).get("value", "")
            problems.append(f"{html}: a {role} that opens something but does not say whether it is open")
    return problems, controls


@dataclass
class TreeSurvey:
    width: str
    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    openers: dict[str, list[str]] = field(default_factory=dict)  # page: "role name (expanded)"


def open_the_menu(page) -> None:
    """As a reader does: press the menu button."""
    page.locator(".hub-menu-button").click()
    wait_until(page, "() => document.getElementById('__drawer').checked")
    page.evaluate(SETTLE)


@pytest.fixture(scope="module", params=list(WIDTHS))
def tree_survey(request, browser, hub_site, hub_server) -> TreeSurvey:
    """Every page once per width, in one browser tab per width."""
    context = browser.new_context(viewport=WIDTHS[request.param], locale="en-GB")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("Accessibility.enable")
    survey = TreeSurvey(request.param)
    for path in pages_under_test(hub_site.site_dir):
        page.goto(hub_server.url(path), wait_until="load")
        if request.param.startswith("phone"):
            open_the_menu(page)
        page.evaluate(SETTLE)
        page.evaluate(MARK_OPENERS)
        problems, controls = tree_problems(cdp)
        survey.pages.append(path)
        survey.problems += [f"{path}: {problem}" for problem in problems]
        survey.openers[path] = [
            f"{c.role} {c.name!r} expanded={c.properties['expanded']}" for c in controls if "expanded" in c.properties
        ]
    yield survey
    context.close()


def test_every_focusable_control_has_a_role_and_a_name_and_every_opener_says_if_it_is_open(tree_survey):
    assert len(tree_survey.pages) >= 20
    assert not tree_survey.problems, f"at {tree_survey.width}:\n" + "\n".join(dict.fromkeys(tree_survey.problems))


def test_the_navigation_sections_are_buttons_that_say_whether_they_are_open(tree_survey):
    if tree_survey.width.startswith("desktop"):
        # Wide: the search button; the sections of the current tab are headings, always open.
        assert "button 'Search' expanded=False" in tree_survey.openers["/roles/funding/"]
        return
    # The phone menu on a page of "The role": that section is open, with its table of contents.
    funding = tree_survey.openers["/roles/funding/"]
    assert "button 'Menu' expanded=True" in funding
    assert "button 'The role' expanded=True" in funding
    assert "button 'ARRS funding: table of contents' expanded=False" in funding
    # On the home page the menu shows every section, closed.
    home = tree_survey.openers["/"]
    assert "button 'Training' expanded=False" in home and "button 'About' expanded=False" in home


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
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.evaluate(SETTLE)
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
                contexts[width] = context.new_page()
            page = contexts[width]
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
        for page in contexts.values():
            page.context.close()
    assert not problems, "\n".join(problems)
