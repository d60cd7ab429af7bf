"""The keyboard walk: Tab through a page, check each focus and use each control by its keys
(issue 6). The every-page sweep (tests/browser/every_page.py) walks every page with it, at
each screen size; tests/browser/test_keyboard_browser.py checks that the checks can fail."""

from __future__ import annotations

from dataclasses import dataclass, field

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

# settle() and then the focus state with its control's kind and value (OPERATE), in one call
# to the browser: the walk makes a thousand, and nothing happens between reading the two.
SETTLED_FOCUS_STATE = f"""async () => {{
  await ({FRAME})(); ({SETTLE})();
  const state = ({FOCUS_STATE})();
  if (state) state.control = ({OPERATE})();
  return state;
}}"""


def operate(page, describe: str, control: list) -> str | None:
    """Use the focused control (`describe`d, and its OPERATE reading `control`, as the walk's
    focus state has them) by its keys; return a problem, or None if it responded."""
    kind, *before = control

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
    """What the walk of every page found, at one screen size."""

    viewport: str
    pages: int = 0
    focus: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)  # each stop's focus indicator, as measured
    skip: list[str] = field(default_factory=list)
    unreached: list[str] = field(default_factory=list)
    inoperable: list[str] = field(default_factory=list)


def walk_page(page, path: str, walk: KeyboardWalk) -> None:
    """Tab through the page the tab shows (at `path`), checking each focus and using each
    control by its keys; then check the skip link. What it finds goes into `walk`."""
    walk.pages += 1
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
            problem = operate(page, state["describe"], state["control"])
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
