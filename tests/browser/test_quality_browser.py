"""Every page in Debian's Chromium at the desktop's size, loaded once for every check that reads
it (tests/browser/every_page.py): accessibility and privacy (issue 6), what a screen reader
and a keyboard user meet (issues 6 and 15), and the Content-Security-Policy (issues 19 and
28). tests/browser/test_quality_phone_browser.py runs the same tests at the phone's size, and
reflow at 320 px: a file of its own, so a second test process can take it. Reflow with the
browser's text size doubled is read here, at the desktop's size.

Findings are fixed in the theme (overrides/, hub.css), never by switching axe rules off or
leaving elements out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.every_page import (
    EveryPage,
    all_pages,
    chrome_in_print,
    describe_violation,
    normalise,
    privacy_page_text,
    third_party,
    unnamed_storage_keys,
    visit_every_page,
)
from tests.helpers import content_paths

pytestmark = pytest.mark.browser

# The sweep's screen size. tests/browser/test_quality_phone_browser.py imports these tests
# and sets its own.
VIEWPORT = "desktop-1280"

ARTIFACTS = Path(__file__).resolve().parents[2] / ".test-artifacts"


def test_the_pages_under_test_include_the_sitemap_the_session_pages_and_the_404_page(hub_site, tmp_path):
    paths = all_pages(hub_site.site_dir)
    assert "/" in paths and "/about/accessibility/" in paths and "/events/" in paths
    assert paths[-1] == "/404.html"
    assert "/events/rcot-drop-in/2023-09-21/" in paths
    # A generated session page that is not in the sitemap is found from the site's files.
    fake = tmp_path / "site"
    (fake / "events" / "new-series" / "2027-01-12").mkdir(parents=True)
    (fake / "events" / "new-series" / "2027-01-12" / "index.html").write_text("<p>x</p>")
    (fake / "sitemap.xml").write_text((hub_site.site_dir / "sitemap.xml").read_text())
    assert "/events/new-series/2027-01-12/" in content_paths(fake)


@pytest.fixture(scope="module")
def every_page(request, browser, hub_site, hub_server) -> EveryPage:
    swept = visit_every_page(browser, hub_site.site_dir, hub_server, request.module.VIEWPORT)
    # The record of every keyboard stop's focus indicator, to read when a change of style is reviewed.
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"keyboard-walk-{swept.viewport}.txt").write_text(
        "\n".join(swept.walk.indicators) + "\n", encoding="utf-8"
    )
    return swept


# --- axe-core, requests, console errors, storage --------------------------------------


@pytest.mark.slow
def test_every_page_has_no_axe_violations(every_page):
    assert len(every_page.visits) >= 15
    problems = [describe_violation(v.path, violation) for v in every_page.visits for violation in v.violations]
    assert not problems, f"axe-core at {every_page.viewport}:\n" + "\n".join(problems)


@pytest.mark.slow
def test_every_page_is_served(every_page):
    problems = [f"{v.path}: HTTP {v.status}" for v in every_page.visits if v.status != 200]
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_no_page_logs_a_console_error(every_page):
    problems = [f"{v.path}: console error: {error}" for v in every_page.visits for error in v.console_errors]
    assert not problems, f"at {every_page.viewport}:\n" + "\n".join(problems)


@pytest.mark.slow
def test_no_page_asks_any_host_but_the_site(every_page):
    assert all(v.requests for v in every_page.visits), "requests were not recorded"
    problems = [
        f"{v.path}: {url}" for v in every_page.visits for url in v.requests if third_party(url, every_page.base_url)
    ]
    assert not problems, f"requests to other hosts at {every_page.viewport}:\n" + "\n".join(problems)


def test_storage_keys_must_be_named_on_the_privacy_page():
    text = "The roadmap keeps your ticks under the key ot-hub-roadmap in local storage."
    assert unnamed_storage_keys(["ot-hub-roadmap", "__palette"], text) == ["__palette"]


@pytest.mark.slow
def test_after_using_every_control_the_browser_keeps_only_what_the_privacy_page_names(every_page, hub_site):
    """Read after the keyboard walk has used every control on every page."""
    assert every_page.cookies == [], f"cookies were set: {every_page.cookies}"
    unnamed = unnamed_storage_keys(sorted(every_page.storage), privacy_page_text(hub_site))
    assert not unnamed, f"browser storage keys not named on the privacy page: {unnamed}"


# --- The Content-Security-Policy ------------------------------------------------------


@pytest.mark.slow
def test_every_page_has_the_one_policy_first_no_inline_script_and_no_violation(every_page):
    """Issue 28: the policy is the template's, the same on every page, before any script; the
    theme's and the hub's scripts are files (overrides/assets/javascripts/). Issue 19: nothing
    is blocked by the policy while the page loads, axe runs and the walk uses every control."""
    from macros.core.site_output import POLICY

    problems = []
    for visit in every_page.visits:
        if visit.policy != POLICY:
            problems.append(f"{visit.path}: the head's first policy or script is not the policy: {visit.policy!r}")
        problems += [f"{visit.path}: inline script {script}" for script in visit.inline_scripts]
        problems += [f"{visit.path}: blocked: {line}" for line in visit.blocked]
    assert not problems, f"at {every_page.viewport}:\n" + "\n".join(problems)


# --- The accessibility tree (tests/browser/accessibility_tree.py) -----------------------


@pytest.mark.slow
def test_every_focusable_control_has_a_role_and_a_name_and_every_opener_says_if_it_is_open(every_page):
    tree = every_page.tree
    assert len(tree.pages) >= 20
    assert not tree.problems, f"at {tree.width}:\n" + "\n".join(dict.fromkeys(tree.problems))


@pytest.mark.slow
def test_the_navigation_sections_are_buttons_that_say_whether_they_are_open(every_page):
    openers = every_page.tree.openers
    if every_page.viewport.startswith("desktop"):
        # Wide: the search button; the sections of the current tab are headings, always open.
        assert "button 'Search' expanded=False" in openers["/roles/funding/"]
        return
    # The phone menu on a page of "The role": that section is open, with its table of contents.
    funding = openers["/roles/funding/"]
    assert "button 'Menu' expanded=True" in funding
    assert "button 'The role' expanded=True" in funding
    assert "button 'ARRS funding: table of contents' expanded=False" in funding
    # On the home page the menu shows every section, closed.
    home = openers["/"]
    assert "button 'Training' expanded=False" in home and "button 'About' expanded=False" in home


# --- The keyboard walk (tests/browser/keyboard_walk.py) -------------------------------


@pytest.mark.slow
def test_focus_is_always_visible(every_page):
    """Each stop is on screen, uncovered, and shows a focus indicator 2 px wide with 3:1 contrast."""
    walk = every_page.walk
    assert walk.pages >= 15
    assert len(walk.indicators) >= 5 * walk.pages
    problems = list(dict.fromkeys(walk.focus))
    assert not problems, f"at {walk.viewport}:\n" + "\n".join(problems)


@pytest.mark.slow
def test_the_skip_link_comes_first_and_moves_focus_to_the_content(every_page):
    assert not every_page.walk.skip, f"at {every_page.viewport}:\n" + "\n".join(every_page.walk.skip)


@pytest.mark.slow
def test_tab_reaches_every_control(every_page):
    assert not every_page.walk.unreached, f"at {every_page.viewport}:\n" + "\n".join(every_page.walk.unreached)


@pytest.mark.slow
def test_every_control_works_from_the_keyboard(every_page):
    """Buttons that open things, toggling labels, details, selects, tick boxes and text
    fields in the header, menu and content all respond to their keys."""
    assert not every_page.walk.inoperable, f"at {every_page.viewport}:\n" + "\n".join(every_page.walk.inoperable)


@pytest.mark.slow
def test_no_horizontal_scrolling_with_text_resized_to_200_percent(every_page):
    """WCAG 1.4.4: every page, read in this sweep with the browser's own text size setting
    doubled (16 px to 32 px), as a reader who enlarges text has it."""
    for visit in every_page.visits:
        normal, enlarged = visit.enlarged[3:]
        assert enlarged >= 1.9 * normal, f"{visit.path}: text was not enlarged: {normal}px -> {enlarged}px"
    problems = [
        f"{v.path}: scrollWidth {v.enlarged[0]} > {v.enlarged[1]} (for example {v.enlarged[2]})"
        for v in every_page.visits
        if v.enlarged[0] > v.enlarged[1]
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_every_content_page_prints_without_the_site_chrome(every_page):
    """tests/browser/test_quality_print.py: each content page's printout holds its heading and
    none of the site's chrome."""
    printed = [v for v in every_page.visits if v.printed]
    assert len(printed) >= 15 and printed[-1].path != "/404.html"
    problems = []
    for visit in printed:
        out = visit.printed
        assert len([line for line in out.chrome if line.strip()]) >= 10, f"{visit.path}: the site chrome was not found"
        if normalise(out.heading) not in normalise(out.text):
            problems.append(f"{visit.path}: the printout lacks the page's heading {out.heading!r}")
        problems += [
            f"{visit.path}: the printout shows site chrome: {line!r}"
            for line in chrome_in_print(out.text, out.chrome, out.content)
        ]
    assert not problems, "\n".join(problems)
