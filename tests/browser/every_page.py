"""One visit to every page per screen size, for every check that reads a page as it loads
(issues 6, 15, 19 and 28). The tests are in tests/browser/test_quality_browser.py (the
desktop's size) and tests/browser/test_quality_phone_browser.py (the phone's).

The pages are every page in sitemap.xml, every generated page under events/ (the drop-in
session pages) and the 404 page, so pages that other work adds are covered as they land.
Each page is loaded once, and in one tab, as a reader going from page to page would:

1. as it loads: the requests it makes, its console errors, the policy first in its head and
   no inline script;
2. axe-core;
3. Chromium's accessibility tree (tests/browser/accessibility_tree.py): at the desktop's
   size as the page loaded; at the phone's with the menu open, so after the walk;
4. the keyboard walk (tests/browser/keyboard_walk.py), which uses every control;
5. whether the page scrolls sideways: at the desktop's size with the browser's text size
   doubled (WCAG 1.4.4), at the phone's with the menu closed again and the window narrowed to
   320 px (WCAG 1.4.10);
6. at the desktop's size, before the walk uses the controls: the page printed to PDF
   (page.pdf, which uses the print style sheet), with the site's chrome and content read
   from the page to compare (tests/browser/test_quality_print.py);
7. after all that: what the Content-Security-Policy blocked, and the browser's storage.

Seven sweeps used to load every page each (axe, the tree, the walk, the policy, reflow at
320 px, reflow with text at 200%, printing): 229 page loads for the hub's 23 pages, now 46. A page load in a warm tab costs about a
quarter of a processor-second, and the suite is bound by the processor (CONTRIBUTING.md).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from tests.browser.accessibility_tree import TreeSurvey, open_the_menu, read_page_tree
from tests.browser.keyboard_walk import KeyboardWalk, settle, walk_page
from tests.helpers import (
    AXE_OPTIONS,
    CSP_VIOLATIONS_SCRIPT,
    content_paths,
    csp_violations,
    forget_csp_violations,
    wait_until,
)

VIEWPORTS = {
    "desktop-1280": {"width": 1280, "height": 900},
    "phone-375": {"width": 375, "height": 812},
}

STORAGE_KEYS = "() => [Object.keys(localStorage), Object.keys(sessionStorage)]"

# The first element in the head that can carry or break a policy, and every inline script
# (JSON data blocks aside), as the page loaded.
POLICY_AND_INLINE_SCRIPTS = """() => {
  const first = document.head.querySelector('meta[http-equiv], script');
  const policy = first && first.tagName === 'META' ? first.content : null;
  const inline = [...document.querySelectorAll('script:not([src])')]
    .filter((s) => !/json/.test(s.type)).map((s) => s.outerHTML.slice(0, 80));
  return [policy, inline];
}"""


# Longer than the 125 ms Material waits after a change of #fragment before it closes the menu
# and search (its bundle's `merge(location$, target$).pipe(delay(125))`). A timer in the page,
# not in the test: the page runs its timers in the order they fall due, whatever the load.
WAIT_FOR_MATERIALS_CLOSE = "() => new Promise(done => setTimeout(done, 250))"


# Where the page is wider than the window: its scroll width, the window's, and the first three
# elements past the window's edge (the hidden menu and search aside).
OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .filter(e => !e.closest('[hidden], .md-sidebar, .md-search'))
    .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className);
  return [root.scrollWidth, root.clientWidth, wide];
}"""
REFLOW_WINDOW = {"width": 320, "height": 640}
# The browser's own text size setting doubled (16 px to 32 px), as a reader who enlarges text
# has it, and back. Chromium lays the open page out again at once: on 8 December 2026 every
# page read the same (OVERFLOW and the text's size) so as when loaded at 200%.
ENLARGED_TEXT = {"fontSizes": {"standard": 32, "fixed": 26}}
NORMAL_TEXT = {"fontSizes": {"standard": 16, "fixed": 13}}
TEXT_SIZE = "() => parseFloat(getComputedStyle(document.querySelector('.md-typeset') || document.body).fontSize)"


# The site's chrome, which a printout must not show, and the page's own content: the article,
# less the editors' data links at its foot (chrome here).
CHROME = ".md-skip, .md-header, .md-tabs, .md-sidebar, .md-search, .md-top, .md-footer, .hub-data-sources"
PRINT_READING = """(selector) => {
  const chrome = [...document.querySelectorAll(selector)].flatMap(e => (e.innerText || '').split('\\n'));
  const article = document.querySelector('article');
  const links = article.querySelector('.hub-data-sources');
  const content = links ? article.innerText.replace(links.innerText, '') : article.innerText;
  const heading = article.querySelector('h1').innerText.replace('¶', '').trim();
  return [chrome, content, heading];
}"""


@dataclass
class Printout:
    chrome: list[str]  # the lines of the page's chrome, as the screen shows them
    content: str
    heading: str
    text: str  # the PDF's text (pypdf)


def printout(page) -> Printout:
    chrome, content, heading = page.evaluate(PRINT_READING, CHROME)
    pdf = page.pdf(format="A4", print_background=False)
    text = "\n".join(p.extract_text() or "" for p in PdfReader(BytesIO(pdf)).pages)
    return Printout(chrome, content, heading, text)


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def chrome_in_print(pdf_text: str, chrome_lines: list[str], content_text: str) -> list[str]:
    """The chrome lines (not also in the content) that the printed text contains."""
    printed, content = normalise(pdf_text), normalise(content_text)
    found = []
    for line in dict.fromkeys(normalise(line) for line in chrome_lines):
        if len(line) < 4 or line in content:
            continue
        if re.search(rf"(?<!\w){re.escape(line)}(?!\w)", printed):
            found.append(line)
    return found


def all_pages(site_dir: Path) -> list[str]:
    return content_paths(site_dir) + ["/404.html"]


@dataclass
class Visit:
    path: str
    status: int | None
    violations: list[dict]  # axe-core's
    requests: list[str]
    console_errors: list[str]
    policy: str | None  # the content of the head's first policy element, if it comes first
    inline_scripts: list[str]
    blocked: list[str]  # what the Content-Security-Policy blocked, to the end of the visit
    overflow: list | None = None  # at the phone's size: OVERFLOW's reading in a 320 px window
    # at the desktop's size: OVERFLOW's reading with the text doubled, then the text's size
    # before and with it doubled
    enlarged: list | None = None
    printed: Printout | None = None  # at the desktop's size, for every page but the 404 page


@dataclass
class EveryPage:
    viewport: str
    base_url: str
    tree: TreeSurvey
    walk: KeyboardWalk
    visits: list[Visit] = field(default_factory=list)
    cookies: list[dict] = field(default_factory=list)
    storage: set[str] = field(default_factory=set)  # localStorage and sessionStorage keys


def visit_every_page(browser, site_dir: Path, server, viewport: str) -> EveryPage:
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
    page = context.new_page()
    page.add_init_script(CSP_VIOLATIONS_SCRIPT)
    cdp = context.new_cdp_session(page)
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    # axe-core from each page's start, in the tab's own copy: Axe.run would send its 500 kB to
    # the page before every run (about 0.1 processor-seconds a page, measured 8 December 2026).
    page.add_init_script(Axe().axe_script)
    phone = viewport.startswith("phone")
    result = EveryPage(viewport, server.base_url, TreeSurvey(viewport), KeyboardWalk(viewport))
    try:
        content = set(content_paths(site_dir))
        for path in all_pages(site_dir):
            requests.clear()
            errors.clear()
            response = page.goto(server.url(path), wait_until="load")
            logged = list(errors)  # before axe runs in the page
            policy, inline = page.evaluate(POLICY_AND_INLINE_SCRIPTS)
            report = page.evaluate("(options) => axe.run(options)", AXE_OPTIONS)
            if not phone:
                read_page_tree(page, cdp, path, result.tree)
                printed = printout(page) if path in content else None
            walk_page(page, path, result.walk)
            if not phone:
                enlarged = enlarged_text_overflow(page, cdp)
            if phone:
                # The walk ends on the skip link, which changes the address's #fragment; Material
                # closes the menu 125 ms after that. Wait in the page, so its timer runs first.
                page.evaluate(WAIT_FOR_MATERIALS_CLOSE)
                open_the_menu(page)
                read_page_tree(page, cdp, path, result.tree)
                overflow = narrowed_overflow(page, VIEWPORTS[viewport])
            # The walk took far longer than a policy violation takes to be reported.
            blocked = csp_violations(page, wait_ms=0)
            forget_csp_violations(page)  # so the next page's are its own
            result.visits.append(
                Visit(
                    path,
                    response and response.status,
                    report["violations"],
                    list(requests),
                    logged,
                    policy,
                    inline,
                    blocked,
                    overflow if phone else None,
                    None if phone else enlarged,
                    None if phone else printed,
                )
            )
            local, session = page.evaluate(STORAGE_KEYS)
            result.storage.update(local + session)
        result.cookies = context.cookies()
    finally:
        context.close()
    return result


def narrowed_overflow(page, window: dict) -> list:
    """Close the menu (Escape, as a reader would), narrow the window to 320 px, read OVERFLOW
    once the page has laid itself out again, and give the window back its size."""
    page.keyboard.press("Escape")
    wait_until(page, "() => !document.getElementById('__drawer').checked")
    page.set_viewport_size(REFLOW_WINDOW)
    settle(page)
    reading = page.evaluate(OVERFLOW)
    page.set_viewport_size(window)
    return reading


def enlarged_text_overflow(page, cdp) -> list:
    """Double the browser's text size, read OVERFLOW once the page has laid itself out again,
    and give the text back its size: [scroll width, window width, wide elements, text size
    before, text size doubled]."""
    normal = page.evaluate(TEXT_SIZE)
    cdp.send("Page.setFontSizes", ENLARGED_TEXT)
    settle(page)
    reading = [*page.evaluate(OVERFLOW), normal, page.evaluate(TEXT_SIZE)]
    cdp.send("Page.setFontSizes", NORMAL_TEXT)
    return reading


def privacy_page_text(hub_site) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", hub_site.read("about/privacy/")))


def unnamed_storage_keys(keys: list[str], privacy_text: str) -> list[str]:
    return [key for key in keys if key not in privacy_text]


def third_party(url: str, base_url: str) -> bool:
    return not url.startswith(base_url) and not url.startswith(("data:", "blob:", "about:"))


def describe_violation(path: str, violation: dict) -> str:
    nodes = violation["nodes"]
    lines = [f"{path}: {violation['id']} ({violation['impact']}, {len(nodes)} elements): {violation['help']}"]
    for node in nodes[:3]:
        summary = " ".join(node.get("failureSummary", "").split())
        lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)
