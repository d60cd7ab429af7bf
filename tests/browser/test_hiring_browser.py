"""In Chromium: the job description form refuses a closing date that is not real, in the
past or more than 12 months ahead (GOV.UK error summary and inline error, nothing
downloaded), by mouse and by keyboard alone; hours and whole-time equivalent fill each
other; and the cost calculator on the hiring page agrees with the worked example, which
stands alone without JavaScript."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.helpers import open_watched_page

pytestmark = pytest.mark.browser

JOB_PAGE = "recruitment/job-description/"
HIRING_PAGE = "recruitment/hiring-an-ot/"


def downloads_of(page) -> list:
    seen = []
    page.on("download", lambda download: seen.append(download))
    return seen


def type_date(page, day: str, month: str, year: str) -> None:
    for part, text in (("day", day), ("month", month), ("year", year)):
        page.locator(f"#jd-closing_date-{part}").fill(text)


def closing_date_shown(page) -> list[str]:
    return page.locator('.jd-document .jd-field[data-field="closing_date"]').all_inner_texts()


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2027", "Closing date must be a real date"),
        ("10", "3", "12027", "Year must include 4 numbers"),
        ("1", "1", "2020", "Closing date must be today or in the future"),
        ("1", "1", "2099", "Closing date must be within the next 12 months"),
        ("10", "", "2027", "Closing date must include a month"),
    ],
)
def test_a_closing_date_that_cannot_be_is_refused_and_nothing_downloads(
    hub_server, watched_page, day, month, year, message
):
    page = watched_page.page
    page.goto(hub_server.url(JOB_PAGE), wait_until="load")
    downloads = downloads_of(page)
    type_date(page, day, month, year)
    page.get_by_role("button", name="Download your version (Word)").click()
    summary = page.locator("[data-jd-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link", name=message)).to_be_visible()
    expect(page.locator("#jd-closing_date-error")).to_have_text(f"Error: {message}")
    assert page.evaluate("document.activeElement.hasAttribute('data-jd-error-summary')")
    assert closing_date_shown(page) == ["[Closing date]"]  # the page never shows it
    page.get_by_role("button", name="Print or save as PDF").click()
    page.wait_for_timeout(500)
    assert downloads == []
    assert not watched_page.console_errors

    # The summary's link takes the reader to the box to fix; a real date clears the error.
    summary.get_by_role("link", name=message).click()
    assert page.evaluate("document.activeElement.id").startswith("jd-closing_date-")
    good = date.today() + timedelta(days=30)
    type_date(page, str(good.day), str(good.month), str(good.year))
    with page.expect_download():
        page.get_by_role("button", name="Download your version (Word)").click()
    expect(summary).to_be_hidden()
    expect(page.locator("#jd-closing_date-error")).to_be_hidden()
    assert closing_date_shown(page) == [f"{good.day} {good.strftime('%B %Y')}"]


def test_by_keyboard_alone_the_skip_link_reaches_the_form_and_an_impossible_date_stops_the_download(
    hub_server, watched_page
):
    page = watched_page.page
    page.goto(hub_server.url(JOB_PAGE), wait_until="load")
    downloads = downloads_of(page)
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Skip to the form":
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to the form"
    page.keyboard.press("Enter")
    for presses in range(1, 4):  # noqa: B007 (reported below when the form is not reached)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "jd-employer":
            break
    assert page.evaluate("document.activeElement.id") == "jd-employer", presses
    page.keyboard.type("Cotswold PCN")
    while page.evaluate("document.activeElement.id") != "jd-closing_date-day":
        page.keyboard.press("Tab")
    page.keyboard.type("30")
    page.keyboard.press("Tab")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.type("2027")
    while not page.evaluate("document.activeElement.hasAttribute('data-jd-word')"):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("[data-jd-error-summary]")).to_be_focused()
    expect(page.locator("[data-jd-error-summary]")).to_contain_text("Closing date must be a real date")
    page.wait_for_timeout(500)
    assert downloads == []


def test_hours_and_whole_time_equivalent_are_worked_out_from_each_other(hub_server, watched_page):
    page = watched_page.page
    page.goto(hub_server.url(JOB_PAGE), wait_until="load")
    page.locator("#jd-hours").fill("22.5 hours a week")
    expect(page.locator("#jd-wte")).to_have_value("0.6")
    page.locator("#jd-wte").fill("0.8")
    expect(page.locator("#jd-hours")).to_have_value("30 hours a week")
    fields = page.locator('.jd-document .jd-field[data-field="hours"]').all_inner_texts()
    assert fields == ["30 hours a week"]
    # The pay fields start filled in from data/figures.yaml, and can be changed.
    expect(page.locator("#jd-pay_year")).to_have_value("2026/27")
    assert page.locator("#jd-salary").input_value().startswith("£49,387 to £56,515 a year")


def test_the_calculator_agrees_with_the_worked_example(hub_server, watched_page):
    page = watched_page.page
    page.goto(hub_server.url(HIRING_PAGE), wait_until="load")
    table = page.locator(".hub-cost__table").first
    expect(table).to_contain_text("£63,147")
    calculator = page.locator("[data-cost-calculator]").first
    expect(calculator).to_be_visible()
    result = calculator.locator("[data-cost-result]")
    expect(result).to_contain_text(
        "£63,147 a year to the employer (2026/27 pay; employer's NHS pension contribution not confirmed for 2026/27)"
    )
    expect(result).to_contain_text("Enter the most ARRS pays back")
    calculator.get_by_label("Point on band 7 (2026/27 pay)").select_option(label="Top: £56,515 full time")
    calculator.get_by_label("Hours a week").fill("22.5")
    expect(result).to_contain_text("Salary £33,909")
    expect(result).to_contain_text("£43,121 a year to the employer")
    calculator.get_by_label("Most ARRS pays back for this post a year, in pounds").fill("£30,000")
    expect(result).to_contain_text("ARRS pays back £30,000. The cost to your network is £13,121 a year.")
    calculator.get_by_label("Hours a week").fill("40")
    expect(result).to_contain_text("more than 0 and up to 37.5")
    assert not watched_page.console_errors


def test_without_javascript_the_worked_example_stands_alone(browser, hub_server):
    context, watched = open_watched_page(browser, width=375, height=800, java_script_enabled=False)
    try:
        page = watched.page
        page.goto(hub_server.url(HIRING_PAGE))
        expect(page.locator(".hub-cost__table").first).to_be_visible()
        expect(page.locator("[data-cost-calculator]").first).to_be_hidden()
        # What to do first and what it costs a year are near the top on a phone.
        first = page.get_by_role("heading", name="What to do first").bounding_box()
        cost = page.get_by_text("costs the employer about").bounding_box()
        # "What to do first" on the first screen of a phone (375 x 667).
        assert first["y"] < 600 and cost["y"] < 2000, (first, cost)
    finally:
        context.close()
