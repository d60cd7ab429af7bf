"""tests/reused_tabs.py: a tab handed to the next test carries nothing of the test before;
a tab with init scripts goes only to a test that adds the same ones; and a test that changed
something that could outlive it (a clock, a media setting) hands nothing on."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

OPTIONS = {"viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}
PAGE = "training/roadmap/"

LEFT_BEHIND = """async () => [
  Object.keys(localStorage), Object.keys(sessionStorage), document.cookie,
  (await indexedDB.databases()).map((database) => database.name),
  (await caches.keys()), [...document.querySelectorAll(':hover')].map((e) => e.tagName),
  (await navigator.permissions.query({name: 'clipboard-read'})).state,
]"""
NOTHING_LEFT = [[], [], "", [], [], [], "prompt"]
COUNTING_SCRIPT = "window.hubInitRuns = (window.hubInitRuns || 0) + 1;"
INIT_RUNS = "() => window.hubInitRuns || 0"


def leave_things_behind(page) -> None:
    page.evaluate(
        """async () => { localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1');
                         document.cookie = 'left=1; path=/'; indexedDB.open('left');
                         await caches.open('left'); }"""
    )
    page.locator("article a[href]").first.hover()


def test_the_next_test_gets_the_same_tab_with_nothing_of_the_test_before(browser, hub_server):
    context = browser.new_context(**OPTIONS)
    context.grant_permissions(["clipboard-read"])
    page = context.new_page()
    heard: list[str] = []
    page.on("console", lambda message: heard.append(message.text))
    page.goto(hub_server.url(PAGE), wait_until="load")
    leave_things_behind(page)
    left = page.evaluate(LEFT_BEHIND)
    assert left[:5] + left[6:] == [["left"], ["left"], "left=1", ["left"], ["left"], "granted"]
    assert page.evaluate(LEFT_BEHIND)[5], "the mouse hovers nothing: the check of it below would prove nothing"
    first_tab = page._page
    context.close()

    again = browser.new_context(**OPTIONS)
    page = again.new_page()
    assert page._page is first_tab, "the tab was not handed on"
    assert page.url == "about:blank"
    page.goto(hub_server.url(PAGE), wait_until="load")
    assert page.evaluate(LEFT_BEHIND) == NOTHING_LEFT
    page.evaluate("() => console.log('for the next test only')")
    assert heard == [], "the last test's listener still hears the tab"
    again.close()


def test_a_tab_whose_clock_was_set_is_not_handed_on(browser, hub_server):
    context = browser.new_context(**OPTIONS)
    page = context.new_page()
    page.clock.set_fixed_time("2028-01-01T12:00:00Z")
    page.goto(hub_server.url(PAGE), wait_until="load")
    assert page.evaluate("() => new Date().getFullYear()") == 2028
    first_tab = page._page
    context.close()

    again = browser.new_context(**OPTIONS)
    page = again.new_page()
    assert page._page is not first_tab
    page.goto(hub_server.url(PAGE), wait_until="load")
    assert page.evaluate("() => new Date().getFullYear()") < 2028
    again.close()


@pytest.mark.parametrize("change", ["emulate_media", "set_viewport_size", "route", "clock"])
def test_any_change_the_list_does_not_name_uses_the_tab_up(browser, change):
    context = browser.new_context(**OPTIONS)
    page = context.new_page()
    getattr(page, change)
    assert context.used_up
    context.close()
    assert page.is_closed()


def test_a_tab_with_an_init_script_goes_only_to_a_test_that_adds_the_same_script(browser, hub_server):
    def open_tab(script: str | None):
        context = browser.new_context(**OPTIONS)
        page = context.new_page()
        heard: list[str] = []
        page.on("console", lambda message: heard.append(message.text))
        if script:
            page.add_init_script(script)
        page.goto(hub_server.url(PAGE), wait_until="load")
        page.evaluate("() => console.log('heard')")
        return context, page, heard

    context, page, heard = open_tab(COUNTING_SCRIPT)
    scripted_tab = page._page
    assert page.evaluate(INIT_RUNS) == 1 and heard == ["heard"]
    context.close()

    context, page, heard = open_tab(None)
    assert page._page is not scripted_tab
    assert page.evaluate(INIT_RUNS) == 0 and heard == ["heard"]
    context.close()

    context, page, heard = open_tab(COUNTING_SCRIPT)
    assert page._page is scripted_tab, "the tab that runs the script was not handed on"
    assert page.evaluate(INIT_RUNS) == 1, "the script ran twice: it was added to the tab again"
    assert heard == ["heard"], "a listener added before the script did not move with the tab"
    context.close()


def test_an_init_script_added_after_the_first_page_uses_the_tab_up(browser, hub_server):
    context = browser.new_context(**OPTIONS)
    page = context.new_page()
    page.goto(hub_server.url(PAGE), wait_until="load")
    page.add_init_script(COUNTING_SCRIPT)
    assert context.used_up
    context.close()


def test_a_listener_the_test_removed_stays_removed_when_the_tab_is_swapped(browser, hub_server):
    context = browser.new_context(**OPTIONS)
    page = context.new_page()
    page.add_init_script(COUNTING_SCRIPT)  # a tab that runs the script, kept for the next test
    page.goto(hub_server.url(PAGE), wait_until="load")
    scripted_tab = page._page
    context.close()

    context = browser.new_context(**OPTIONS)
    page = context.new_page()
    heard: list[str] = []

    def listener(message):
        heard.append(message.text)

    page.on("console", listener)
    page.remove_listener("console", listener)
    page.add_init_script(COUNTING_SCRIPT)
    assert page._page is scripted_tab
    page.goto(hub_server.url(PAGE), wait_until="load")
    page.evaluate("() => console.log('heard')")
    assert heard == []
    context.close()
    assert not context.used_up
