"""Accessibility and privacy on every page, in Debian's Chromium (issue 6). The keyboard walk
over every page is tests/browser/test_keyboard_browser.py (its own file, so the two sweeps
run in parallel under `make test`).

The pages are every page in sitemap.xml, every generated page under events/ (the drop-in
session pages) and the 404 page, so pages that other work adds are covered as they land.
Each page is opened once per viewport: axe-core runs on it and every request it makes is
recorded. Findings are fixed in the theme (overrides/, hub.css), never by switching axe
rules off or leaving elements out.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.helpers import AXE_TAGS, content_paths

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "desktop-1280": {"width": 1280, "height": 900},
    "phone-375": {"width": 375, "height": 812},
}


# --- Which pages --------------------------------------------------------------------


def all_pages(site_dir: Path) -> list[str]:
    return content_paths(site_dir) + ["/404.html"]


def test_the_pages_under_test_include_the_sitemap_and_the_session_pages(hub_site, tmp_path):
    paths = content_paths(hub_site.site_dir)
    assert "/" in paths and "/about/accessibility/" in paths and "/events/" in paths
    # A generated session page that is not in the sitemap is found from the site's files.
    fake = tmp_path / "site"
    (fake / "events" / "2027-01-12-drop-in").mkdir(parents=True)
    (fake / "events" / "2027-01-12-drop-in" / "index.html").write_text("<p>x</p>")
    (fake / "sitemap.xml").write_text((hub_site.site_dir / "sitemap.xml").read_text())
    assert "/events/2027-01-12-drop-in/" in content_paths(fake)


# --- One visit per page per viewport: axe, requests, storage ------------------------


@dataclass
class Visit:
    path: str
    status: int | None
    violations: list[dict]
    requests: list[str]
    console_errors: list[str]


@dataclass
class Survey:
    viewport: str
    base_url: str
    visits: list[Visit] = field(default_factory=list)
    cookies: list[dict] = field(default_factory=list)
    local_storage: list[str] = field(default_factory=list)
    session_storage: list[str] = field(default_factory=list)


STORAGE_KEYS = "() => [Object.keys(localStorage), Object.keys(sessionStorage)]"


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def survey(request, browser, hub_site, hub_server) -> Survey:
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="en-GB")
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    axe = Axe()
    result = Survey(request.param, hub_server.base_url)
    for path in all_pages(hub_site.site_dir):
        requests.clear()
        errors.clear()
        response = page.goto(hub_server.url(path), wait_until="load")
        logged = list(errors)  # before axe runs in the page
        report = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        result.visits.append(
            Visit(path, response and response.status, report.response["violations"], list(requests), logged)
        )
    result.cookies = context.cookies()
    result.local_storage, result.session_storage = page.evaluate(STORAGE_KEYS)
    yield result
    context.close()


def describe_violation(path: str, violation: dict) -> str:
    nodes = violation["nodes"]
    lines = [f"{path}: {violation['id']} ({violation['impact']}, {len(nodes)} elements): {violation['help']}"]
    for node in nodes[:3]:
        summary = " ".join(node.get("failureSummary", "").split())
        lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.slow
def test_every_page_has_no_axe_violations(survey):
    assert len(survey.visits) >= 15
    problems = [describe_violation(v.path, violation) for v in survey.visits for violation in v.violations]
    assert not problems, f"axe-core at {survey.viewport}:\n" + "\n".join(problems)


@pytest.mark.slow
def test_every_page_is_served(survey):
    problems = [f"{v.path}: HTTP {v.status}" for v in survey.visits if v.status != 200]
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_no_page_logs_a_console_error(survey):
    problems = [f"{v.path}: console error: {error}" for v in survey.visits for error in v.console_errors]
    assert not problems, f"at {survey.viewport}:\n" + "\n".join(problems)


def third_party(url: str, base_url: str) -> bool:
    return not url.startswith(base_url) and not url.startswith(("data:", "blob:", "about:"))


@pytest.mark.slow
def test_no_page_asks_any_host_but_the_site(survey):
    assert all(v.requests for v in survey.visits), "requests were not recorded"
    problems = [f"{v.path}: {url}" for v in survey.visits for url in v.requests if third_party(url, survey.base_url)]
    assert not problems, f"requests to other hosts at {survey.viewport}:\n" + "\n".join(problems)


def privacy_page_text(hub_site) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", hub_site.read("about/privacy/")))


def unnamed_storage_keys(keys: list[str], privacy_text: str) -> list[str]:
    return [key for key in keys if key not in privacy_text]


def test_storage_keys_must_be_named_on_the_privacy_page():
    text = "The roadmap keeps your ticks under the key ot-hub-roadmap in local storage."
    assert unnamed_storage_keys(["ot-hub-roadmap", "__palette"], text) == ["__palette"]


@pytest.mark.slow
def test_no_cookies_and_no_storage_the_privacy_page_does_not_name(survey, hub_site):
    assert survey.cookies == [], f"cookies were set: {survey.cookies}"
    text = privacy_page_text(hub_site)
    unnamed = unnamed_storage_keys(survey.local_storage + survey.session_storage, text)
    assert not unnamed, f"browser storage keys not named on the privacy page: {unnamed}"


# --- Reflow: 320 px wide, and text at 200% ------------------------------------------

OVERFLOW = """() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .filter(e => !e.closest('[hidden], .md-sidebar, .md-search'))
    .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className);
  return [root.scrollWidth, root.clientWidth, wide];
}"""


def overflowing_pages(page, hub_server, paths) -> list[str]:
    problems = []
    for path in paths:
        page.goto(hub_server.url(path), wait_until="load")
        scroll_width, client_width, wide = page.evaluate(OVERFLOW)
        if scroll_width > client_width:
            problems.append(f"{path}: scrollWidth {scroll_width} > {client_width} (for example {wide})")
    return problems


@pytest.mark.slow
def test_no_horizontal_scrolling_at_320_px(browser, hub_site, hub_server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="en-GB")
    try:
        problems = overflowing_pages(context.new_page(), hub_server, all_pages(hub_site.site_dir))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_no_horizontal_scrolling_with_text_resized_to_200_percent(browser, hub_site, hub_server):
    """The browser's own text size setting (16 px -> 32 px), as a reader who enlarges text has it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    try:
        page = context.new_page()
        page.goto(hub_server.url("/"), wait_until="load")
        normal = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
        cdp = context.new_cdp_session(page)
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        page.reload(wait_until="load")
        enlarged = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
        assert enlarged >= 1.9 * normal, f"text was not enlarged: {normal}px -> {enlarged}px"
        problems = overflowing_pages(page, hub_server, all_pages(hub_site.site_dir))
    finally:
        context.close()
    assert not problems, "\n".join(problems)
