"""Every page works under its Content-Security-Policy in Chromium, with no violation (issue 19).

Chromium fires a `securitypolicyviolation` event for each thing the policy blocks; a listener
added before any page script runs collects them. Every page of the site (content pages,
generated session pages, the 404 page) is opened, and every control on it used by keyboard,
in the every-page sweep (tests/browser/test_quality_browser.py). Here: a redirect, a missing
address, and the tools that run script used as a reader uses them: search, the job
description's Word download, the calendar feeds' copy buttons, the roadmap checklist, the
supervisor checker, and print.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import CSP_VIOLATIONS_SCRIPT, csp_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.add_init_script(CSP_VIOLATIONS_SCRIPT)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    context.close()


violations = csp_violations


def test_the_policy_is_enforced_a_stray_inline_script_is_blocked(tab, hub_server):
    page, _ = tab
    page.goto(hub_server.url(""), wait_until="load")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.hubInjected = 1';"
        " document.body.append(s); }"
    )
    assert page.evaluate("window.hubInjected") is None
    assert any(line.startswith("script-src") for line in violations(page))


def test_search_works_under_the_policy(tab, hub_server):
    page, errors = tab
    page.goto(hub_server.url(""), wait_until="load")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("supervisor", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert violations(page) == [] and errors == []


def test_the_job_descriptions_word_download_works_under_the_policy(tab, hub_server):
    page, errors = tab
    page.goto(hub_server.url("recruitment/job-description/"), wait_until="load")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download your version (Word)").click()
    assert info.value.suggested_filename.endswith(".docx")
    assert violations(page) == [] and errors == []


def test_copy_buttons_work_under_the_policy(tab, hub_server):
    page, errors = tab
    page.goto(hub_server.url("events/"), wait_until="load")
    buttons = page.locator("[data-hub-copy]")
    assert buttons.count() > 0
    buttons.first.click()
    assert page.evaluate("navigator.clipboard.readText()").startswith("https://")
    assert violations(page) == [] and errors == []


def test_the_roadmap_checklist_and_print_work_under_the_policy(tab, hub_server):
    page, errors = tab
    page.goto(hub_server.url("training/roadmap/"), wait_until="load")
    page.click('label[for="tick-stage-1-evidence"]')
    assert page.is_checked("#tick-stage-1-evidence")
    page.emulate_media(media="print")
    page.pdf()
    assert violations(page) == [] and errors == []


def test_the_supervisor_checker_works_under_the_policy(tab, hub_server):
    page, errors = tab
    page.goto(hub_server.url("supervision/checker/"), wait_until="load")
    first = page.locator(".hub-checker__form label").first
    first.click()
    page.click("button.hub-checker__continue")
    expect(
        page.locator("[data-question]:not([hidden])").nth(1).or_(page.locator("[data-outcome]:not([hidden])").first)
    ).to_be_visible()
    assert violations(page) == [] and errors == []


def test_every_page_carries_the_policy_with_no_unsafe_source(hub_site):
    pages = sorted(hub_site.site_dir.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        text = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert policy, path
        assert "unsafe" not in policy.group(1)
        assert text.index("Content-Security-Policy") < text.find("<script") or "<script" not in text


def test_a_moved_pages_old_address_and_a_missing_address_load_with_the_policy_and_nothing_blocked(tab, hub_server):
    """Every page and the 404 page are checked in the every-page sweep
    (tests/browser/test_quality_browser.py); here, the two addresses it does not visit."""
    from macros.core.site_output import POLICY
    from tests.browser.every_page import POLICY_AND_INLINE_SCRIPTS

    page, errors = tab
    page.goto(hub_server.url("roles/fcp/"), wait_until="load")
    assert page.url == hub_server.url("roles/first-contact-practitioner/")
    assert page.evaluate(POLICY_AND_INLINE_SCRIPTS) == [POLICY, []]
    assert violations(page) == []
    page.goto(hub_server.url("no-such-page/"), wait_until="load")
    assert violations(page) == []
    assert errors == []


def test_a_moved_pages_old_address_keeps_the_heading_asked_for(tab, hub_server):
    page, errors = tab
    page.goto(hub_server.url("roles/fcp/#how-much-experience-is-needed"), wait_until="load")
    assert page.url == hub_server.url("roles/first-contact-practitioner/#how-much-experience-is-needed")
    assert violations(page) == [] and errors == []
