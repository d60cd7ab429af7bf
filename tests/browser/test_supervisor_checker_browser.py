"""The roadmap supervisor checker in Chromium: every path by mouse and by keyboard gives
the answer the Python decision function gives, and the page passes axe."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.learning.supervisors import every_path, load_supervisors
from tests.helpers import AXE_OPTIONS, open_watched_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DATA = load_supervisors(ROOT / "data/supervisors.yaml", "data/supervisors.yaml")
PATHS = every_path(DATA)


def path_id(path) -> str:
    return "/".join(f"{question}={answer}" for question, answer in path)


@pytest.fixture(scope="module")
def checker_page(browser, hub_server):
    context, watched = open_watched_page(browser)
    page, errors = watched.page, watched.console_errors
    page.goto(hub_server.url("supervision/checker/"), wait_until="load")
    yield page, errors
    context.close()


def fresh(checker_page, hub_server):
    page, errors = checker_page
    page.goto(hub_server.url("supervision/checker/"), wait_until="load")
    return page, errors


def shown_outcomes(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-outcome]",
        "panels => panels.filter(p => !p.hidden && !p.closest('[hidden]')).map(p => p.dataset.outcome)",
    )


def shown_questions(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-question]", "sets => sets.filter(f => !f.hidden).map(f => f.dataset.question)"
    )


def active(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


@pytest.mark.parametrize(("path", "decision"), PATHS, ids=[path_id(path) for path, _ in PATHS])
def test_every_path_by_mouse_gives_the_python_answer(checker_page, hub_server, path, decision):
    page, errors = fresh(checker_page, hub_server)
    for question, answer in path:
        page.click(f'label[for="answer-{question}-{answer}"]')
        page.click("button.hub-checker__continue")
    assert shown_questions(page) == [question for question, _ in path]
    assert shown_outcomes(page) == [decision.outcome]
    assert page.locator(f'[data-outcome="{decision.outcome}"] h2').is_visible()
    assert page.locator("button.hub-checker__continue").is_hidden()
    assert not errors


@pytest.mark.parametrize(("path", "decision"), PATHS, ids=[path_id(path) for path, _ in PATHS])
def test_every_path_by_keyboard_gives_the_python_answer(checker_page, hub_server, path, decision):
    page, errors = fresh(checker_page, hub_server)
    # Start where a keyboard user lands after the page's first paragraph: the first question.
    page.focus(f"#question-{path[0][0]}")
    for question, answer in path:
        assert active(page) == f"question-{question}", "focus should move to each new question"
        offered = [a.id for a in DATA.question(question).answers]
        page.keyboard.press("Tab")  # into the radio group, on its first answer
        position = offered.index(answer)
        if position == 0:
            page.keyboard.press("Space")
        for _ in range(position):
            page.keyboard.press("ArrowDown")  # moves to the next answer and chooses it
        assert page.is_checked(f"#answer-{question}-{answer}")
        page.keyboard.press("Tab")  # later questions are hidden, so the next stop is Continue
        assert page.evaluate("document.activeElement.classList.contains('hub-checker__continue')")
        page.keyboard.press("Enter")
    assert shown_outcomes(page) == [decision.outcome]
    # Focus lands on the answer's heading, so a screen reader reads it out.
    assert active(page) == f"outcome-{decision.outcome.replace(':', '-')}"
    assert not errors


def test_start_again_by_keyboard_clears_the_answers(checker_page, hub_server):
    page, _ = fresh(checker_page, hub_server)
    page.click('label[for="answer-gp-no"]')
    page.click("button.hub-checker__continue")
    page.click('label[for="answer-ap-no"]')
    page.click("button.hub-checker__continue")
    page.click('label[for="answer-fcp-yes"]')
    page.click("button.hub-checker__continue")
    assert shown_outcomes(page) == ["eligible:completed-fcp"]
    restart = page.locator("[data-hub-checker-restart]")
    restart.focus()
    page.keyboard.press("Enter")
    assert shown_outcomes(page) == []
    assert shown_questions(page) == ["gp"]
    assert active(page) == "question-gp"
    assert page.eval_on_selector_all("[data-hub-checker] input:checked", "inputs => inputs.length") == 0


def test_continue_without_an_answer_asks_for_one(checker_page, hub_server):
    page, _ = fresh(checker_page, hub_server)
    page.click("button.hub-checker__continue")
    error = page.locator("#question-gp-error")
    assert error.is_visible()
    assert "question-gp-error" in page.get_attribute("#question-gp", "aria-describedby")
    assert active(page) == "answer-gp-trainer"
    page.keyboard.press("Space")
    assert error.is_hidden()


def test_changing_an_earlier_answer_hides_what_no_longer_applies(checker_page, hub_server):
    page, _ = fresh(checker_page, hub_server)
    for question, answer in [
        ("gp", "no"),
        ("ap", "no"),
        ("fcp", "no"),
        ("macp", "no"),
        ("masters", "pre-registration"),
    ]:
        page.click(f'label[for="answer-{question}-{answer}"]')
        page.click("button.hub-checker__continue")
    assert shown_outcomes(page) == ["not-eligible:pre-registration-masters"]
    page.click('label[for="answer-ap-yes"]')
    assert shown_outcomes(page) == []
    assert shown_questions(page) == ["gp", "ap"]
    assert not page.is_checked("#answer-masters-pre-registration")
    page.click("button.hub-checker__continue")
    assert shown_outcomes(page) == ["eligible:recognised-ap"]


def test_the_not_eligible_answer_says_why_and_what_to_do(checker_page, hub_server):
    page, _ = fresh(checker_page, hub_server)
    for question, answer in [
        ("gp", "no"),
        ("ap", "no"),
        ("fcp", "no"),
        ("macp", "no"),
        ("masters", "pre-registration"),
    ]:
        page.click(f'label[for="answer-{question}-{answer}"]')
        page.click("button.hub-checker__continue")
    panel = page.locator('[data-outcome="not-eligible:pre-registration-masters"]')
    text = panel.inner_text()
    assert "You cannot be a roadmap supervisor yet" in text
    assert "A pre-registration master's degree does not count" in text
    assert panel.locator('a[href^="mailto:"]').count() == 1


def test_the_gp_answer_says_no_course_is_needed_and_names_the_education_provider(checker_page, hub_server):
    page, _ = fresh(checker_page, hub_server)
    page.click('label[for="answer-gp-not-trainer"]')
    page.click("button.hub-checker__continue")
    text = page.locator('[data-outcome="eligible:gp"]').inner_text()
    assert "You do not need to do a supervisor course" in text
    assert "2-day" not in text and "backfill" not in text
    assert "education provider" in text
    assert "2 workplace-based assessments a month" in text
    assert "reach the right person" not in text


def test_a_physiotherapist_by_the_macp_route_is_told_about_scope(checker_page, hub_server):
    page, _ = fresh(checker_page, hub_server)
    for question, answer in [("gp", "no"), ("ap", "no"), ("fcp", "no"), ("macp", "full")]:
        page.click(f'label[for="answer-{question}-{answer}"]')
        page.click("button.hub-checker__continue")
    text = page.locator('[data-outcome="eligible:macp"]').inner_text()
    assert "Your scope:" in text and "physiotherapists" in text and "own scope of practice" in text


def test_a_post_registration_masters_is_not_reminded_of_the_pre_registration_rule(checker_page, hub_server):
    page, _ = fresh(checker_page, hub_server)
    for question, answer in [
        ("gp", "no"),
        ("ap", "no"),
        ("fcp", "no"),
        ("macp", "no"),
        ("masters", "post-registration"),
    ]:
        page.click(f'label[for="answer-{question}-{answer}"]')
        page.click("button.hub-checker__continue")
    text = page.locator('[data-outcome="eligible:post-registration-masters"]').inner_text()
    assert "pre-registration" not in text


def axe_violations(page) -> str:
    # Material fades its tabs out as the page scrolls: let that finish, or axe measures a
    # half-transparent tab's contrast.
    page.wait_for_timeout(600)
    results = Axe().run(
        page,
        options=AXE_OPTIONS,
    )
    return "" if results.violations_count == 0 else results.generate_report()


def test_axe_finds_no_violations_on_the_checker_page_in_any_state(checker_page, hub_server):
    page, _ = fresh(checker_page, hub_server)
    reports = [axe_violations(page)]
    page.click("button.hub-checker__continue")  # the error message showing
    reports.append(axe_violations(page))
    for question, answer in [("gp", "no"), ("ap", "no"), ("fcp", "no"), ("macp", "no"), ("masters", "no")]:
        page.click(f'label[for="answer-{question}-{answer}"]')
        page.click("button.hub-checker__continue")
    reports.append(axe_violations(page))  # every question and a "not eligible" answer
    page.click("[data-hub-checker-restart]")
    page.click('label[for="answer-gp-trainer"]')
    page.click("button.hub-checker__continue")
    reports.append(axe_violations(page))  # an "eligible" answer
    assert not "".join(reports), "\n".join(reports)


def test_without_javascript_the_route_list_answers_the_question(browser, hub_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(hub_server.url("supervision/checker/"))
    assert page.locator("[data-hub-checker]").is_hidden()
    routes = page.locator("ul.hub-routes > li")
    assert routes.count() == len(DATA.routes)
    assert all(routes.nth(i).is_visible() for i in range(routes.count()))
    assert "so the questions are not shown" in page.inner_text("article")
    context.close()


def test_on_a_phone_each_new_question_and_the_answer_are_not_hidden_under_the_header(browser, hub_server):
    context = browser.new_context(viewport={"width": 375, "height": 640}, locale="en-GB")
    page = context.new_page()
    page.goto(hub_server.url("supervision/checker/"), wait_until="load")

    def focused_clear_of_header() -> bool:
        return page.evaluate(
            """() => {
                const header = document.querySelector('.md-header').getBoundingClientRect();
                const box = document.activeElement.getBoundingClientRect();
                return box.top >= header.bottom && box.top < window.innerHeight;
            }"""
        )

    for question, answer in [
        ("gp", "no"),
        ("ap", "no"),
        ("fcp", "no"),
        ("macp", "no"),
        ("masters", "post-registration"),
    ]:
        page.check(f"#answer-{question}-{answer}")
        page.focus("button.hub-checker__continue")
        page.keyboard.press("Enter")
        assert focused_clear_of_header(), f"after answering {question}"
    assert shown_outcomes(page) == ["eligible:post-registration-masters"]
    context.close()


def test_the_answer_names_the_source_of_the_eligibility_it_states(checker_page, hub_server):
    """Issue 30: the GP's answer, reached by clicking, shows where the GP route comes from."""
    page, _ = fresh(checker_page, hub_server)
    page.click('label[for="answer-gp-not-trainer"]')
    page.click("button.hub-checker__continue")
    cited = page.locator('[data-outcome="eligible:gp"] .hub-checker__source')
    assert cited.is_visible()
    text = cited.inner_text()
    for source in DATA.source_list(DATA.route("gp").sources):
        assert source.title in text and source.publisher in text and source.checked_wording in text
        if source.url:
            assert cited.locator(f'a[href="{source.url}"]').count() == 1
