"""The roadmap pathway in Chromium: ticks survive a reload, "clear" removes them, each
step shows its progress, it works from the keyboard, prints as a checklist and passes axe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.learning.roadmap import STORAGE_KEY, load_roadmap
from tests.helpers import AXE_OPTIONS, open_watched_page, wait_until

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ROADMAP = load_roadmap(ROOT / "data/roadmap.yaml", "data/roadmap.yaml")


@pytest.fixture
def roadmap_page(browser, hub_server):
    context, watched = open_watched_page(browser)
    page, errors = watched.page, watched.console_errors
    page.goto(hub_server.url("training/roadmap/"), wait_until="load")
    yield page, errors
    assert not errors
    context.close()


def stored(page):
    raw = page.evaluate(f"window.localStorage.getItem({json.dumps(STORAGE_KEY)})")
    return None if raw is None else json.loads(raw)


def progress_text(page, step_id):
    return page.inner_text(f'[data-roadmap-progress="{step_id}"] span')


def test_a_tick_survives_a_reload(roadmap_page):
    page, _ = roadmap_page
    page.click('label[for="tick-stage-1-evidence"]')
    assert stored(page) == {"version": 1, "ticked": ["stage-1-evidence"]}
    page.reload(wait_until="load")
    assert page.is_checked("#tick-stage-1-evidence")
    assert not page.is_checked("#tick-stage-1-route")
    assert progress_text(page, "stage-1") == "Step 2: 1 of 6 ticked"
    assert page.get_attribute("#stage-1-progress", "value") == "1"


def test_each_step_shows_its_own_progress_and_the_page_a_total(roadmap_page):
    page, _ = roadmap_page
    total = len(ROADMAP.items)
    assert page.inner_text("[data-roadmap-overall]") == f"You have ticked 0 of {total} items."
    for number, step in enumerate(ROADMAP.steps, start=1):
        assert progress_text(page, step.id) == f"Step {number}: 0 of {len(step.needs)} ticked"
    for item in ROADMAP.steps[0].needs:
        page.click(f'label[for="tick-{item.id}"]')
    first = ROADMAP.steps[0]
    assert progress_text(page, first.id) == f"Step 1: {len(first.needs)} of {len(first.needs)} ticked, step complete"
    assert progress_text(page, "stage-2").startswith("Step 4: 0 of")
    assert page.inner_text("[data-roadmap-overall]") == f"You have ticked {len(first.needs)} of {total} items."


def test_clear_my_progress_removes_every_tick_from_page_and_storage(roadmap_page):
    page, _ = roadmap_page
    page.click('label[for="tick-degree"]')
    page.click('label[for="tick-ap-decide"]')
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-roadmap-clear]")
    assert stored(page) is None
    assert page.eval_on_selector_all("input[data-roadmap-item]:checked", "boxes => boxes.length") == 0
    assert page.inner_text("[data-roadmap-status]") == "Your progress has been cleared."
    page.reload(wait_until="load")
    assert page.eval_on_selector_all("input[data-roadmap-item]:checked", "boxes => boxes.length") == 0


def test_cancelling_the_clear_keeps_the_ticks(roadmap_page):
    page, _ = roadmap_page
    page.click('label[for="tick-degree"]')
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-roadmap-clear]")
    assert page.is_checked("#tick-degree")
    assert stored(page) == {"version": 1, "ticked": ["degree"]}


def test_ticking_and_clearing_work_from_the_keyboard(roadmap_page):
    page, _ = roadmap_page
    page.focus("#tick-hcpc")
    page.keyboard.press("Space")
    assert stored(page) == {"version": 1, "ticked": ["hcpc"]}
    page.focus("[data-roadmap-clear]")
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Enter")
    assert stored(page) is None
    assert not page.is_checked("#tick-hcpc")


def test_saved_ticks_for_items_no_longer_on_the_page_are_ignored(roadmap_page):
    page, _ = roadmap_page
    page.evaluate(
        f"window.localStorage.setItem({json.dumps(STORAGE_KEY)}, JSON.stringify({{version: 1, ticked: ['gone', 'degree']}}))"
    )
    page.reload(wait_until="load")
    assert page.is_checked("#tick-degree")
    assert page.inner_text("[data-roadmap-overall]").startswith("You have ticked 1 of")


def test_unreadable_saved_data_starts_afresh(roadmap_page):
    page, _ = roadmap_page
    page.evaluate(f"window.localStorage.setItem({json.dumps(STORAGE_KEY)}, '{{not json')")
    page.reload(wait_until="load")
    assert page.eval_on_selector_all("input[data-roadmap-item]:checked", "boxes => boxes.length") == 0


def test_nothing_is_stored_except_the_one_key_and_no_cookie_is_set(roadmap_page):
    page, _ = roadmap_page
    page.click('label[for="tick-degree"]')
    assert page.evaluate("Object.keys(window.localStorage)") == [STORAGE_KEY]
    assert page.evaluate("Object.keys(window.sessionStorage)") == []
    assert page.evaluate("document.cookie") == ""
    assert page.context.cookies() == []


def test_axe_finds_no_violations_on_the_roadmap_page(roadmap_page):
    page, _ = roadmap_page
    page.click('label[for="tick-degree"]')
    # Ticking scrolls the page, and Material fades its tabs out on scroll: let every
    # transition finish, or axe measures the contrast of a half-faded tab.
    wait_until(page, "document.getAnimations().every(a => a.playState !== 'running')")
    results = Axe().run(
        page,
        options=AXE_OPTIONS,
    )
    assert results.violations_count == 0, results.generate_report()


def test_printed_the_page_is_a_checklist_without_buttons(roadmap_page):
    page, _ = roadmap_page
    page.click('label[for="tick-degree"]')
    page.emulate_media(media="print")
    assert page.locator("[data-roadmap-clear]").is_hidden()
    assert page.locator("[data-roadmap-print]").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator("#tick-degree").is_visible() and page.is_checked("#tick-degree")
    assert page.locator("#tick-ap-eportfolio").is_visible()


def test_without_javascript_the_pathway_is_a_readable_list(browser, hub_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(hub_server.url("training/roadmap/"))
    assert page.locator("[data-hub-roadmap]").is_hidden()
    for step in ROADMAP.steps:
        for item in step.needs:
            assert page.locator(f'label[for="tick-{item.id}"]').is_visible()
    assert "JavaScript is turned off" in page.inner_text("article")
    context.close()
