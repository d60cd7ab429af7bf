"""Accessibility and privacy on every page, in Debian's Chromium (issue 6), at the desktop's
size; tests/browser/test_quality_phone_browser.py runs the same survey at the phone's. The
keyboard walk over every page is tests/browser/test_keyboard_browser.py, and reflow is
tests/browser/test_reflow_browser.py: files of their own, so `make test` runs them in parallel.

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

from tests.helpers import AXE_OPTIONS, content_paths

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


# The survey's viewport. tests/browser/test_quality_phone_browser.py runs the same survey and
# its tests at the phone's size: a file of its own, so a second test process can take it.
VIEWPORT = "desktop-1280"


@pytest.fixture(scope="module")
def survey(request, browser, hub_site, hub_server) -> Survey:
    """Every page opened once at the file's VIEWPORT: axe-core, requests, console errors, storage."""
    viewport = request.module.VIEWPORT
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB")
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    axe = Axe()
    result = Survey(viewport, hub_server.base_url)
    for path in all_pages(hub_site.site_dir):
        requests.clear()
        errors.clear()
        response = page.goto(hub_server.url(path), wait_until="load")
        logged = list(errors)  # before axe runs in the page
        report = axe.run(page, options=AXE_OPTIONS)
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
