"""The job description page in Chromium: the form fills the placeholders and the address,
the address restores them, it works by keyboard, without JavaScript the template shows in
full, and printing gives the document without the site's header or navigation."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

import pypdf
import pytest

from tests.helpers import AXE_OPTIONS, wait_until

pytestmark = pytest.mark.browser

PAGE = "recruitment/job-description/"


def current_query(page) -> dict[str, list[str]]:
    # Read the address from the page itself: Playwright's page.url can lag behind
    # history.replaceState.
    return parse_qs(page.evaluate("location.search").lstrip("?"))


def field_texts(page, name: str) -> list[str]:
    return page.locator(f'.jd-document .jd-field[data-field="{name}"]').all_inner_texts()


def test_typing_in_the_form_fills_the_page_and_the_address(hub_server, watched_page):
    page = watched_page.page
    page.goto(hub_server.url(PAGE), wait_until="load")
    assert field_texts(page, "employer")[0] == "[Employing practice or primary care network]"
    requests_before = len(watched_page.requests)

    page.get_by_label("Employing practice or primary care network").press_sequentially("Severn Vale PCN")
    page.get_by_label("Hours", exact=True).press_sequentially("22.5 hours a week")
    page.locator("#jd-closing_date-day").fill("31")
    page.locator("#jd-closing_date-month").fill("1")
    page.locator("#jd-closing_date-year").fill("2027")

    employer = field_texts(page, "employer")
    assert len(employer) >= 2 and set(employer) == {"Severn Vale PCN"}  # post details and job scope
    assert field_texts(page, "hours") == ["22.5 hours a week"]
    assert field_texts(page, "closing_date") == ["31 January 2027"]
    assert field_texts(page, "base") == ["[Base]"]  # not typed: still a placeholder
    query = current_query(page)
    # The whole-time equivalent is worked out from the hours (37.5 hours a week is 1.0).
    assert query == {
        "employer": ["Severn Vale PCN"],
        "hours": ["22.5 hours a week"],
        "wte": ["0.6"],
        "closing_date": ["2027-01-31"],
    }
    # Nothing left the browser: no new request carries a value or reloads the page (Chromium
    # may fetch the favicon again when the address changes).
    new_requests = watched_page.requests[requests_before:]
    assert all(urlparse(url).path == "/assets/images/favicon.svg" for url in new_requests), new_requests
    assert not watched_page.console_errors

    # Clearing a field brings its placeholder back and takes it out of the address.
    page.get_by_label("Hours", exact=True).fill("")
    assert field_texts(page, "hours") == ["[37.5 hours a week]"]
    assert "hours" not in current_query(page)


def test_reloading_the_address_restores_the_values(hub_server, watched_page):
    page = watched_page.page
    page.goto(
        hub_server.url(PAGE) + "?employer=Stroud%20PCN&base=Stroud%20Health%20Centre&contact=Jo%20Bloggs",
        wait_until="load",
    )
    assert page.get_by_label("Employing practice or primary care network").input_value() == "Stroud PCN"
    assert page.get_by_label("Base").input_value() == "Stroud Health Centre"
    assert set(field_texts(page, "employer")) == {"Stroud PCN"}
    assert field_texts(page, "contact") == ["Jo Bloggs"]
    page.reload(wait_until="load")
    assert field_texts(page, "base") == ["Stroud Health Centre"]
    filled = page.locator(".jd-document .jd-field--filled").count()
    assert filled >= 4


def test_the_form_works_by_keyboard(hub_server, watched_page):
    page = watched_page.page
    page.goto(hub_server.url(PAGE), wait_until="load")
    page.get_by_label("Employing practice or primary care network").focus()
    page.keyboard.type("Cotswold PCN")
    page.keyboard.press("Tab")
    page.keyboard.type("Cirencester")
    assert page.evaluate("document.activeElement.id") == "jd-base"
    page.keyboard.press("Enter")  # submitting must not reload the page or lose the values
    assert field_texts(page, "base") == ["Cirencester"]
    assert current_query(page) == {"employer": ["Cotswold PCN"], "base": ["Cirencester"]}
    # Tab on to the buttons and clear the form with the keyboard.
    page.get_by_role("button", name="Clear the form").focus()
    page.keyboard.press("Enter")
    wait_until(page, "!location.search")
    assert field_texts(page, "base") == ["[Base]"]
    assert "placeholders again" in page.locator("[data-jd-status]").inner_text()


def test_without_javascript_the_page_shows_the_full_template(browser, hub_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(hub_server.url(PAGE) + "?employer=Ignored")
    assert not page.locator("#jd-adapt").is_visible()
    assert page.locator("[data-jd-no-script]").is_visible()
    assert page.locator(".jd-duties li").count() == 20
    assert page.locator(".jd-spec tbody tr").count() > 40
    assert field_texts(page, "employer")[0] == "[Employing practice or primary care network]"
    context.close()


def test_printing_gives_the_document_without_site_chrome(hub_server, watched_page):
    page = watched_page.page
    page.goto(hub_server.url(PAGE) + "?employer=Severn%20Vale%20PCN", wait_until="load")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", "#jd-adapt", ".md-search"):
        assert not page.locator(selector).first.is_visible(), selector
    pdf = page.pdf(format="A4", print_background=True)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "Key duties and responsibilities" in text and "Person specification" in text
    assert "Severn Vale PCN" in text
    for chrome in ("Search the hub", "Table of contents", "Fill in your details", "Drop-in sessions", "Privacy"):
        assert chrome not in text, chrome
    # The person specification's header row repeats on each page it spans.
    pages_with_header = [
        i
        for i, p in enumerate(reader.pages)
        if "Essential or desirable How assessed" in re.sub(r"\s+", " ", p.extract_text())
    ]
    assert len(pages_with_header) >= 2


def test_scrolling_keeps_the_values_in_the_address(hub_server, watched_page):
    # Material's navigation.tracking rewrites the address's #anchor while scrolling: the
    # values in the query must survive it, or a bookmark would lose them.
    page = watched_page.page
    page.goto(hub_server.url(PAGE) + "?employer=Severn%20Vale%20PCN", wait_until="load")
    page.locator("#person-specification").scroll_into_view_if_needed()
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(500)
    page.get_by_label("Base").fill("Tewkesbury")
    page.wait_for_timeout(700)  # Material's tracking updates the #anchor 250 ms after a scroll
    query = current_query(page)
    assert query == {"employer": ["Severn Vale PCN"], "base": ["Tewkesbury"]}


def test_the_job_description_and_form_pass_axe(hub_server, watched_page):
    from axe_playwright_python.sync_playwright import Axe

    page = watched_page.page
    page.goto(hub_server.url(PAGE) + "?employer=Severn%20Vale%20PCN", wait_until="load")
    options = AXE_OPTIONS
    results = Axe().run(page, context={"include": [["article"]]}, options=options)
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
    assert not violations
