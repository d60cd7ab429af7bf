"""A session page in real Chromium: the .ics action downloads a file that parses to the
right instants, and the Google and Outlook actions carry the same instants in UTC."""

from __future__ import annotations

from datetime import UTC
from urllib.parse import parse_qs, urlparse

import icalendar
import pytest

from tests.helpers import AXE_OPTIONS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def events_server(events_fixture_server):
    """The events fixture as the end-to-end tests build it: on 25 October 2026 at noon."""
    return events_fixture_server.base_url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="en-GB", accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


# Sessions still to come on the build's date (GMT, so UK time is UTC). The moved session
# keeps its address and carries its new date and time; the other has times of its own.
# The British Summer Time instants are checked in tests/unit/test_events_logic.py.
@pytest.mark.parametrize(
    ("path", "start", "end"),
    [
        ("events/rcot-drop-in/2026-10-26/", "20261102T130000Z", "20261102T133000Z"),
        ("events/rcot-drop-in/2026-11-21/", "20261121T150000Z", "20261121T153000Z"),
    ],
)
def test_the_session_page_actions_carry_the_right_instants(events_server, page, tmp_path, path, start, end):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(events_server + path, wait_until="load")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download a calendar file (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    event = next(iter(icalendar.Calendar.from_ical(saved.read_bytes()).walk("VEVENT")))
    assert event.decoded("DTSTART").astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") == start
    assert event.decoded("DTEND").astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") == end

    google = page.get_by_role("link", name="Add to Google Calendar").get_attribute("href")
    assert parse_qs(urlparse(google).query)["dates"] == [f"{start}/{end}"]
    iso = lambda stamp: f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[9:11]}:{stamp[11:13]}:{stamp[13:15]}Z"  # noqa: E731
    for name, host in [
        ("Add to Outlook (work or school account)", "outlook.office.com"),
        ("Add to Outlook.com (personal account)", "outlook.live.com"),
    ]:
        link = urlparse(page.get_by_role("link", name=name).get_attribute("href"))
        assert link.netloc == host
        query = parse_qs(link.query)
        assert (query["startdt"], query["enddt"]) == ([iso(start)], [iso(end)])
    assert not errors


def test_the_drop_in_page_fits_a_phone_screen(events_server, page):
    page.goto(events_server + "events/", wait_until="load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways: {width}px wide"
    assert page.get_by_text("Monday 2 November 2026").first.is_visible()


@pytest.mark.parametrize("path", ["events/", "events/rcot-drop-in/2026-10-26/", "events/rcot-drop-in/2026-03-30/", ""])
def test_the_drop_in_content_has_no_accessibility_violations(events_server, page, path):
    """axe-core on the page's content (the theme's header and search are checked elsewhere)."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto(events_server + path, wait_until="load")
    options = AXE_OPTIONS
    result = Axe().run(page, context={"include": [["article"]]}, options=options)
    violations = [f"{v['id']}: {[node['target'] for node in v['nodes']]}" for v in result.response["violations"]]
    assert not violations, "\n".join(violations)
