"""Every page by keyboard alone, in Debian's Chromium (issue 6): focus always visible, the
skip link first, every control reached and working, and search by keyboard. The pages and
viewports are those of tests/browser/test_quality_browser.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.test_quality_browser import (
    STORAGE_KEYS,
    VIEWPORTS,
    all_pages,
    privacy_page_text,
    unnamed_storage_keys,
)
from tests.helpers import in_browsers_at_once, wait_until

pytestmark = pytest.mark.browser


# --- Keyboard ---------------------------------------------------------------------

# Ends CSS transitions at once, so the styles read are those the reader ends up seeing.
SETTLE = "() => document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} })"
FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
# Numbers every element once, so the walk knows an element it has met (classes change on focus).
MARK = "() => { let n = 0; document.querySelectorAll('body *').forEach(e => { e.dataset.hubWalk = String(n++); }); }"

# The focus indicator, as WCAG 2.4.13 means it: a band at least 2 px wide (the outline, or a
# box-shadow ring past it) whose colour has 3:1 contrast with what is next to it: the colour
# behind the control for a ring outside it, the control's own background for one inside.
FOCUS_INDICATOR = """(e) => {
  const style = getComputedStyle(e);
  const parse = c => { const m = /rgba?\\(([^)]+)\\)/.exec(c || ''); if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const lum = c => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const layers = [];
  for (let n = e.parentElement; n; n = n.parentElement) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let behind = [255, 255, 255, 1];
  for (const layer of layers.reverse()) behind = over(layer, behind);
  const own = over(parse(style.backgroundColor) || [0, 0, 0, 0], behind);
  const bands = [];
  const outline = style.outlineStyle !== 'none' && style.outlineStyle !== 'hidden' ? parseFloat(style.outlineWidth) : 0;
  const offset = parseFloat(style.outlineOffset) || 0;
  if (outline > 0 && style.outlineStyle !== 'auto') {
    const colour = parse(style.outlineColor);
    if (colour) bands.push(['outline', outline, colour, offset >= 0 ? behind : own]);
  }
  const shadows = /(rgba?\\([^)]*\\))\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px(\\s+inset)?/g;
  for (const m of (style.boxShadow || '').matchAll(shadows)) {
    const inset = !!m[6], spread = parseFloat(m[5]);
    // The widest part of the ring the outline does not paint over (inside or outside it).
    const visible = !outline ? spread : inset ? spread - Math.min(outline, Math.max(0, -offset))
      : Math.max(Math.min(Math.max(offset, 0), spread), spread - Math.max(0, offset + outline));
    if (parseFloat(m[2]) === 0 && parseFloat(m[3]) === 0 && visible > 0)
      bands.push([inset ? 'inner ring' : 'ring', visible, parse(m[1]), inset ? own : behind]);
  }
  const described = bands.map(([kind, width, colour, next]) =>
    [kind, width, contrast(colour, next), `${kind} ${width}px rgb(${colour.slice(0, 3).join(',')}) ${contrast(colour, next).toFixed(1)}:1`]);
  return {ok: described.some(([, width, ratio]) => width >= 2 && ratio >= 3),
          text: described.map(d => d[3]).join(', ') || 'none'};
}"""

FOCUS_STATE = (
    """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const describe = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '"';
  const style = getComputedStyle(e);
  const rects = [...e.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  const rect = rects[0] || e.getBoundingClientRect();
  let hidden = null;
  for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) < 0.1) {
      hidden = n.tagName.toLowerCase() + '.' + n.className; break;
    }
  }
  const indicator = ("""
    + FOCUS_INDICATOR
    + """)(e);
  const inView = rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0 &&
    rect.left < innerWidth && rect.top < innerHeight;
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const obscured = !!top && !(e.contains(top) || top.contains(e));
  const operable = !!e.closest('article, .md-header, .md-sidebar--primary') && !e.closest('.md-search');
  return {id: e.dataset.hubWalk || e.outerHTML.slice(0, 120), describe, indicator, inView, hidden,
          obscured: obscured ? (top.tagName.toLowerCase() + '.' + top.className) : null,
          skip: e.classList.contains('md-skip'), operable};
}"""
)


def focus_problems(state: dict) -> list[str]:
    problems = []
    if not state["indicator"]["ok"]:
        problems.append(f"no focus indicator 2 px wide with 3:1 contrast (found: {state['indicator']['text']})")
    if not state["inView"]:
        problems.append("not on screen")
    if state["hidden"]:
        problems.append(f"inside an invisible element {state['hidden']}")
    if state["obscured"]:
        problems.append(f"covered by {state['obscured']}")
    return problems


def settle(page) -> None:
    """Let the page react to the key (two frames), then end its transitions."""
    page.evaluate(f"async () => {{ await ({FRAME})(); ({SETTLE})(); }}")


# settle() and then the focus state, in one call to the browser: the walk makes a thousand.
SETTLED_FOCUS_STATE = f"async () => {{ await ({FRAME})(); ({SETTLE})(); return ({FOCUS_STATE})(); }}"


def walk_focus(page, limit: int = 400):
    """Press Tab until focus leaves the page or comes round again; yield each focus state."""
    seen, previous = set(), None
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(SETTLED_FOCUS_STATE)
        if state is None:
            return
        if state["id"] == previous:  # the parts of one control, such as a date's day, month and year
            continue
        if state["id"] in seen:
            return
        seen.add(state["id"])
        previous = state["id"]
        yield state


def test_the_focus_check_sees_an_invisible_focus(browser):
    page = browser.new_page()
    try:
        page.set_content(
            '<a href="#a" style="outline: none">no ring</a><a href="#b" style="opacity:0">gone</a>'
            '<a href="#c" style="outline: 3px solid #eee">pale ring</a>'
            '<a href="#d" style="outline: 1px solid #000">thin ring</a>'
            '<p style="background: #005EB8"><a href="#e" style="outline: 3px solid #FFB81C">yellow on blue</a>'
            '<a href="#f" style="outline: 3px solid #FFB81C; outline-offset: 0; box-shadow: 0 0 0 6px #212B32">yellow and dark</a></p>'
        )
        page.evaluate(MARK)
        states = list(walk_focus(page))
    finally:
        page.close()
    assert "no focus indicator 2 px wide with 3:1 contrast (found: none)" in focus_problems(states[0])
    assert any("invisible" in problem for problem in focus_problems(states[1]))
    assert "outline 3px rgb(238,238,238) 1.2:1" in " ".join(focus_problems(states[2]))
    assert "no focus indicator" in " ".join(focus_problems(states[3]))
    assert not focus_problems(states[4]), states[4]["indicator"]
    assert states[5]["indicator"]["text"] == "outline 3px rgb(255,184,28) 3.7:1, ring 3px rgb(33,43,50) 2.3:1"


# Visible controls in the header, the menu and the content, by their walk number.
CONTROLS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, label[tabindex], [tabindex]:not([tabindex="-1"])')]
  .filter(e => !e.disabled && e.closest('article, .md-header, .md-sidebar--primary') && !e.closest('[hidden], .md-search'))
  .filter(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                 return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; })
  .filter(e => e.tabIndex >= 0 && !e.matches('input.md-toggle'))
  // A radio group is one Tab stop (arrow keys move within it): expect its checked or first radio.
  .filter(e => { if (e.type !== 'radio' || !e.name) return true;
                 const group = [...(e.form || document).querySelectorAll('input[type=radio]')].filter(r => r.name === e.name);
                 return e === (group.find(r => r.checked) || group[0]); })
  .map(e => [e.dataset.hubWalk, e.outerHTML.slice(0, 160)])"""

OPERATE = """() => {
  const e = document.activeElement;
  const tag = e.tagName.toLowerCase(), type = (e.type || '').toLowerCase();
  if (tag === 'button' && e.hasAttribute('aria-expanded')) return ['expand', e.getAttribute('aria-expanded')];
  if (tag === 'label' && e.htmlFor) { const c = document.getElementById(e.htmlFor); return ['toggle', c ? c.checked : null]; }
  if (tag === 'summary') return ['details', e.parentElement.open];
  if (tag === 'select') return ['select', e.selectedIndex, e.options.length];
  if (type === 'checkbox' || type === 'radio') return ['check', e.checked];
  if (tag === 'input' && type === 'date') return ['date', e.value, e.readOnly];
  if (tag === 'textarea' || (tag === 'input' && !['button', 'submit', 'reset', 'file', 'range', 'color', 'image'].includes(type)))
    return ['text', e.value, e.readOnly];
  return ['other'];
}"""


def operate(page, describe: str) -> str | None:
    """Use the focused control (`describe`d as the walk's focus state has it) by its keys;
    return a problem, or None if it responded."""
    kind, *before = page.evaluate(OPERATE)

    def after():
        settle(page)
        return page.evaluate(OPERATE)[1]

    if kind == "expand":
        # A button that opens something may move focus into what it opened (the menu, the
        # search): Enter or Escape closes it again, and focus must come back to the button.
        walk_id = page.evaluate("() => document.activeElement.dataset.hubWalk")
        button = page.locator(f'[data-hub-walk="{walk_id}"]')
        page.keyboard.press("Enter")
        settle(page)
        changed = button.get_attribute("aria-expanded") != before[0]
        focus_moved = page.evaluate("(id) => document.activeElement.dataset.hubWalk !== id", walk_id)
        page.keyboard.press("Escape" if focus_moved else "Enter")
        settle(page)
        if not changed:
            return f"{describe}: Enter does not open or close it"
        if button.get_attribute("aria-expanded") != before[0]:
            return f"{describe}: Enter then {'Escape' if focus_moved else 'Enter'} does not close it again"
        if page.evaluate("(id) => document.activeElement.dataset.hubWalk !== id", walk_id):
            return f"{describe}: after closing what it opened, focus is not back on it"
        return None
    if kind in ("toggle", "details") and before[0] is not None:
        page.keyboard.press("Enter")
        changed = after() != before[0]
        page.keyboard.press("Enter")  # and back, so the walk goes on through the same page
        after()
        return None if changed else f"{describe}: Enter does not open or close it"
    if kind == "select" and before[1] > 1:
        page.keyboard.press("ArrowDown" if before[0] < before[1] - 1 else "ArrowUp")
        return None if after() != before[0] else f"{describe}: arrow keys do not change it"
    if kind == "check" and not before[0]:
        page.keyboard.press("Space")
        return None if after() else f"{describe}: Space does not tick it"
    if kind == "date" and not before[0] and not before[1]:
        page.keyboard.type("01012027")  # day, month and year (1 January 2027 in either order)
        value = after()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Shift+Tab")  # back to the first part, so the walk goes on from here
        return None if value == "2027-01-01" else f"{describe}: typing a date does not fill it (value {value!r})"
    if kind == "text" and not before[1]:
        page.keyboard.type("Kb")
        value = after()
        return None if value.endswith("Kb") else f"{describe}: typing does not reach it (value {value!r})"
    return None


@dataclass
class KeyboardWalk:
    viewport: str
    pages: int = 0
    focus: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)  # each stop's focus indicator, as measured
    skip: list[str] = field(default_factory=list)
    unreached: list[str] = field(default_factory=list)
    inoperable: list[str] = field(default_factory=list)
    storage: set[str] = field(default_factory=set)
    cookies: list[dict] = field(default_factory=list)

    def add(self, page: KeyboardWalk) -> None:
        """Take in one page's walk (pages are walked in several browsers at once)."""
        self.pages += page.pages
        for name in ("focus", "indicators", "skip", "unreached", "inoperable", "cookies"):
            getattr(self, name).extend(getattr(page, name))
        self.storage |= page.storage


# The walk's viewport. tests/browser/test_keyboard_phone_browser.py runs the same walk and
# its tests at the phone's size: a file of its own, so a second test process can take it.
VIEWPORT = "desktop-1280"

# The walk waits two frames at each of some 900 stops a viewport, so it is spread over
# browsers walking at once (tests/helpers.py in_browsers_at_once): the waits overlap.
WALKING_BROWSERS = 1


def walk_page(page, path: str, url: str, viewport: str) -> KeyboardWalk:
    """Tab through one page, checking each focus and using each control by its keys; then
    check the skip link."""
    walk = KeyboardWalk(viewport, pages=1)
    page.goto(url, wait_until="load")
    page.evaluate(MARK)
    controls = dict(page.evaluate(CONTROLS))
    reached = []
    for state in walk_focus(page):
        reached.append(state["id"])
        walk.indicators.append(f"{path}: {state['describe']}: {state['indicator']['text']}")
        walk.focus += [f"{path}: {state['describe']}: {problem}" for problem in focus_problems(state)]
        if len(reached) == 1 and not state["skip"]:
            walk.skip.append(f"{path}: the first Tab reaches {state['describe']}, not a skip link")
        if state["operable"]:
            problem = operate(page, state["describe"])
            if problem:
                walk.inoperable.append(f"{path}: {problem}")
    if len(reached) < 5:
        walk.focus.append(f"{path}: only {len(reached)} elements reached by Tab")
    walk.unreached += [f"{path}: Tab never reaches {html}" for id_, html in controls.items() if id_ not in reached]
    if page.locator(".md-skip").count():
        page.focus(".md-skip")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        if not page.evaluate("() => !!document.activeElement.closest('.md-content')"):
            state = page.evaluate(FOCUS_STATE)
            walk.skip.append(
                f"{path}: after the skip link, Tab reaches {state and state['describe']}, outside the content"
            )
    local, session = page.evaluate(STORAGE_KEYS)
    walk.storage.update(local + session)
    walk.cookies = page.context.cookies()
    return walk


@pytest.fixture(scope="module")
def keyboard_walk(request, hub_site, hub_server) -> KeyboardWalk:
    """Every page walked by keyboard (walk_page), once per file (so once per viewport), shared
    by the keyboard tests of that file. Each browser walks its pages in one tab, in turn, as a
    reader going from page to page would."""
    viewport = request.module.VIEWPORT

    def walk_pages(browser, paths: list[str]) -> list[KeyboardWalk]:
        context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
        try:
            page = context.new_page()
            return [walk_page(page, path, hub_server.url(path), viewport) for path in paths]
        finally:
            context.close()

    walk = KeyboardWalk(viewport)
    for page_walk in in_browsers_at_once(all_pages(hub_site.site_dir), walk_pages, WALKING_BROWSERS):
        walk.add(page_walk)
    # The record of every stop's focus indicator, to read when a change of style is reviewed.
    artifacts = Path(__file__).resolve().parents[2] / ".test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / f"keyboard-walk-{viewport}.txt").write_text("\n".join(walk.indicators) + "\n", encoding="utf-8")
    return walk


@pytest.mark.slow
def test_focus_is_always_visible(keyboard_walk):
    """Each stop is on screen, uncovered, and shows a focus indicator 2 px wide with 3:1 contrast."""
    assert keyboard_walk.pages >= 15
    assert len(keyboard_walk.indicators) >= 5 * keyboard_walk.pages
    problems = list(dict.fromkeys(keyboard_walk.focus))
    assert not problems, f"at {keyboard_walk.viewport}:\n" + "\n".join(problems)


@pytest.mark.slow
def test_the_skip_link_comes_first_and_moves_focus_to_the_content(keyboard_walk):
    assert not keyboard_walk.skip, f"at {keyboard_walk.viewport}:\n" + "\n".join(keyboard_walk.skip)


@pytest.mark.slow
def test_tab_reaches_every_control(keyboard_walk):
    assert not keyboard_walk.unreached, f"at {keyboard_walk.viewport}:\n" + "\n".join(keyboard_walk.unreached)


@pytest.mark.slow
def test_every_control_works_from_the_keyboard(keyboard_walk):
    """Buttons that open things, toggling labels, details, selects, tick boxes and text
    fields in the header, menu and content all respond to their keys."""
    assert not keyboard_walk.inoperable, f"at {keyboard_walk.viewport}:\n" + "\n".join(keyboard_walk.inoperable)


@pytest.mark.slow
def test_after_using_every_control_the_browser_keeps_only_what_the_privacy_page_names(keyboard_walk, hub_site):
    assert keyboard_walk.cookies == [], f"cookies were set: {keyboard_walk.cookies}"
    unnamed = unnamed_storage_keys(sorted(keyboard_walk.storage), privacy_page_text(hub_site))
    assert not unnamed, f"browser storage keys not named on the privacy page: {unnamed}"


def tab_to(page, selector: str, limit: int = 40) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return True
    return False


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_search_is_opened_used_and_closed_by_keyboard_alone(browser, hub_server, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
    page = context.new_page()
    try:
        page.goto(hub_server.url("/"), wait_until="load")
        # Opened: Tab reaches the search box, and focusing it opens search.
        assert tab_to(page, "input.md-search__input"), "Tab never reaches the search box"
        wait_until(page, "() => document.getElementById('__search').checked")
        settle(page)
        assert not focus_problems(page.evaluate(FOCUS_STATE)), page.evaluate(FOCUS_STATE)
        # Used: typing shows results; the arrow key moves to one and Enter follows it.
        page.keyboard.type("supervisor", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.keyboard.press("ArrowDown")
        settle(page)
        assert page.evaluate("() => !!document.activeElement.closest('.md-search-result__item')"), (
            "ArrowDown does not move to the first result"
        )
        assert not focus_problems(page.evaluate(FOCUS_STATE)), page.evaluate(FOCUS_STATE)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert urlparse(page.url).path != "/", "Enter on a result did not open it"
        # Closed: Escape closes search again.
        page.goto(hub_server.url("/"), wait_until="load")
        assert tab_to(page, "input.md-search__input")
        page.keyboard.type("roadmap", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        page.keyboard.press("Escape")
        wait_until(page, "() => !document.getElementById('__search').checked")
        assert not page.evaluate("() => document.activeElement.matches('input.md-search__input')")
    finally:
        context.close()


def test_the_404_page_search_finds_pages(browser, hub_server):
    context = browser.new_context(viewport=VIEWPORTS["desktop-1280"], locale="en-GB")
    page = context.new_page()
    try:
        page.goto(hub_server.url("/404.html"), wait_until="load")
        assert tab_to(page, "#hub-404-query", limit=80), "Tab never reaches the 404 page's search box"
        page.keyboard.type("supervisor", delay=20)
        page.keyboard.press("Enter")
        wait_until(page, "() => document.getElementById('__search').checked")
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=10_000)
        hrefs = [urlparse(results.nth(i).get_attribute("href") or "").path for i in range(results.count())]
        assert "/supervision/" in hrefs, hrefs
    finally:
        context.close()
