"""What editors type is shown as typed, never run (issue 12), in real Chromium.

One build with the hostile corpus (tests/hostile.py) in the events data, every page's
front matter and the learning tools' data. A session page, a content page, the roadmap
and the supervisor checker are opened, the hostile title is searched for with real key
presses, and the job description form is given hostile values in its address: no
dialog opens (the corpus calls alert()), no console error, and no element the corpus
made exists in the live page, search results included.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hostile import CORPUS, build_hostile_site, shown

from tests.helpers import CSP_VIOLATIONS_SCRIPT, csp_violations, serve_directory

pytestmark = pytest.mark.browser

# The selector for anything the corpus could have made in a live page.
PAYLOAD_SELECTOR = "[data-hostile], [onerror], [onload], img[src='x'], iframe, a[href^='javascript:']"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    build = build_hostile_site(["events", "front-matter", "learning"], tmp_path_factory.mktemp("hostile-browser"))
    server = serve_directory(build.site_dir)
    yield f"http://127.0.0.1:{server.server_address[1]}/", build
    server.shutdown()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.add_init_script(CSP_VIOLATIONS_SCRIPT)
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, dialogs, errors
    context.close()


def settle(page) -> None:
    """Give an injected handler every chance to run: load, idle, a moment."""
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)


def assert_nothing_ran(page, dialogs, errors) -> None:
    settle(page)
    assert dialogs == []
    assert errors == []
    assert page.locator(PAYLOAD_SELECTOR).count() == 0
    assert csp_violations(page) == []


def typed_title(build, file: str, field: str) -> str:
    return build.injection.text_of(build.injection.labels_in(file, field)[0])


@pytest.mark.parametrize(
    "path",
    [
        "events/rcot-drop-in/2026-11-21/",
        "events/cymraeg-gaidhlig/2027-01-20/",
        "events/",
        "about/accessibility/",
        "roles/",
    ],
)
def test_a_page_built_from_hostile_text_runs_none_of_it(hostile_server, tab, path):
    base, _ = hostile_server
    page, dialogs, errors = tab
    page.goto(base + path, wait_until="load")
    assert_nothing_ran(page, dialogs, errors)
    # The corpus is on the page as text to read (the session's title, the page's sources, ...).
    assert "<img src=x onerror=alert('hostile') data-hostile>" in page.locator("body").inner_text()


def test_the_session_page_shows_its_title_as_typed(hostile_server, tab):
    base, build = hostile_server
    page, dialogs, errors = tab
    page.goto(base + "events/rcot-drop-in/2026-11-21/", wait_until="load")
    title = shown(typed_title(build, "data/events.yaml", "series.[].title"))
    assert shown(page.locator("h1").first.inner_text()).startswith(title)
    assert shown(page.title()).startswith(title)
    assert_nothing_ran(page, dialogs, errors)


def test_searching_for_the_hostile_title_runs_none_of_it(hostile_server, tab):
    base, build = hostile_server
    page, dialogs, errors = tab
    page.goto(base + "about/accessibility/", wait_until="load")
    page.keyboard.press("/")  # Material's keyboard shortcut for search
    label = build.injection.labels_in("data/events.yaml", "series.[].title")[0]
    page.locator("input.md-search__input").press_sequentially(f"{label} img src onerror alert hostile", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert_nothing_ran(page, dialogs, errors)
    # The results show the title as text: its tags are there to read, not made into elements.
    titles = shown(" ".join(page.locator(".md-search-result__article h1").all_inner_texts()))
    assert label in titles and "<img src=x onerror=alert('hostile') data-hostile>" in titles
    # Opening a result runs nothing either.
    results.first.locator("a").first.click()
    assert_nothing_ran(page, dialogs, errors)


def test_the_roadmap_and_the_checker_built_from_hostile_text_run_none_of_it(hostile_server, tab):
    base, build = hostile_server
    page, dialogs, errors = tab
    page.goto(base + "training/roadmap/", wait_until="load")
    page.locator("input[data-roadmap-item]").first.check()  # the progress script saves and redraws
    assert_nothing_ran(page, dialogs, errors)
    page.goto(base + "supervision/checker/", wait_until="load")
    # Answer every question with its first answer until a result shows (the script shows panels).
    for _ in range(10):
        result = page.locator("[data-hub-checker-result]")
        if result.is_visible():
            break
        page.locator("fieldset[data-question]:visible input[type=radio]").last.check()
        page.locator(".hub-checker__continue").click()
    assert page.locator("[data-hub-checker-result]").is_visible()
    assert "<img src=x onerror=alert('hostile') data-hostile>" in page.locator("[data-hub-checker-result]").inner_text()
    assert_nothing_ran(page, dialogs, errors)


def test_the_job_description_form_shows_hostile_values_as_typed(hostile_server, tab):
    base, _ = hostile_server
    page, dialogs, errors = tab
    value = CORPUS[:180]
    page.goto(f"{base}recruitment/job-description/?employer={quote(value)}", wait_until="load")
    assert_nothing_ran(page, dialogs, errors)
    assert shown(value)[:60] in shown(page.locator("article").inner_text())


# --- Page bodies (issue 19) -------------------------------------------------------------
