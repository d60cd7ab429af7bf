"""The roadmap supervisor checker's decision, on the hub's own data/supervisors.yaml.

The expected answers are written out by hand from seed 000 (Gloucestershire Primary
Care Workforce Centre), so a change to the data that changes an answer fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.learning.supervisors import checker, checker_rules, decide, every_path, load_supervisors, routes_list

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data():
    return load_supervisors(ROOT / "data/supervisors.yaml", "data/supervisors.yaml")


# Every way through the checker and where it must lead. Since 2024 (NHS England's notice,
# reproduced by training hubs) no route needs a supervisor course, and nobody is "an FCP
# recognised by NHS England": an FCP who finished stages 1 and 2 and has the evidence is a
# route (Cambridgeshire and Peterborough Training Hub).
NOT_GP = (("gp", "no"), ("ap", "no"), ("fcp", "no"))
EXPECTED = {
    (("gp", "trainer"),): "eligible:gp-trainer",
    (("gp", "not-trainer"),): "eligible:gp",
    (("gp", "no"), ("ap", "yes")): "eligible:recognised-ap",
    (("gp", "no"), ("ap", "no"), ("fcp", "yes")): "eligible:completed-fcp",
    (*NOT_GP, ("macp", "full")): "eligible:macp",
    (*NOT_GP, ("macp", "not-full"), ("masters", "post-registration")): "eligible:post-registration-masters",
    (*NOT_GP, ("macp", "not-full"), ("masters", "pre-registration")): "not-eligible:pre-registration-masters",
    (*NOT_GP, ("macp", "not-full"), ("masters", "no")): "not-eligible:no-route",
    (*NOT_GP, ("macp", "no"), ("masters", "post-registration")): "eligible:post-registration-masters",
    (*NOT_GP, ("macp", "no"), ("masters", "pre-registration")): "not-eligible:pre-registration-masters",
    (*NOT_GP, ("macp", "no"), ("masters", "no")): "not-eligible:no-route",
}


@pytest.mark.parametrize("path", list(EXPECTED), ids=lambda path: "/".join(f"{q}={a}" for q, a in path))
def test_each_path_leads_to_its_answer(data, path):
    decision = decide(data, dict(path))
    assert decision.outcome == EXPECTED[path]
    assert decision.asked == tuple(question for question, _ in path)


def test_every_path_is_listed_and_there_are_no_others(data):
    assert {path: decision.outcome for path, decision in every_path(data)} == EXPECTED


@pytest.mark.parametrize(
    "route", ["gp-trainer", "gp", "recognised-ap", "completed-fcp", "macp", "post-registration-masters"]
)
def test_every_route_in_the_list_can_be_reached(data, route):
    assert route in {route.id for route in data.routes}
    assert any(decision.outcome == f"eligible:{route}" for _, decision in every_path(data))


@pytest.mark.parametrize("reason", ["pre-registration-masters", "no-route"])
def test_every_not_eligible_case_can_be_reached_and_says_why(data, reason):
    assert any(decision.outcome == f"not-eligible:{reason}" for _, decision in every_path(data))
    assert data.reason(reason).why


def test_a_pre_registration_masters_does_not_make_anyone_eligible(data):
    for path, decision in every_path(data):
        if ("masters", "pre-registration") in path:
            assert decision.outcome == "not-eligible:pre-registration-masters"
    assert "pre-registration" in data.reason("pre-registration-masters").title


def test_no_route_sends_anyone_on_a_supervisor_course_any_more(data):
    html = checker(data, {"contact_name": "Test inbox", "contact_email": "test@example.org"})
    assert "2-day" not in html and "Book the" not in html
    assert html.count("You do not need to do a supervisor course") == len(data.routes)
    assert data.route("gp-trainer").next_steps[0] == "top-up"
    assert all("education-provider" in route.next_steps for route in data.routes)


def test_no_route_or_answer_speaks_of_a_recognised_fcp_or_a_badge(data):
    html = checker(data, {"contact_name": "Test inbox", "contact_email": "test@example.org"}) + routes_list(data)
    assert "recognised by the NHS England WT&amp;E centre" not in html
    assert "FCP recognised" not in html and "badge" not in html
    assert "completed stages 1 and 2" in data.route("completed-fcp").who


def test_routes_from_other_professions_state_their_scope_in_the_list_and_the_answer(data):
    html = checker(data, {"contact_name": "Test inbox", "contact_email": "test@example.org"})
    for route_id in ("macp", "completed-fcp", "post-registration-masters", "recognised-ap"):
        scope = data.route(route_id).scope
        assert "own scope of practice" in scope, route_id
        panel = html.split(f'data-outcome="eligible:{route_id}"', 1)[1].split("</section>", 1)[0]
        assert "Your scope:" in panel
    assert "physiotherapists" in data.route("macp").scope
    assert "route for physiotherapists" in routes_list(data)


def test_a_post_registration_masters_answer_is_not_reminded_of_the_pre_registration_rule(data):
    html = checker(data, {"contact_name": "Test inbox", "contact_email": "test@example.org"})
    panel = html.split('data-outcome="eligible:post-registration-masters"', 1)[1].split("</section>", 1)[0]
    assert "pre-registration" not in panel
    assert "pre-registration" in routes_list(data)  # the list still says which master's counts


def test_the_contact_step_says_how_to_ask_once(data):
    html = checker(data, {"contact_name": "Test inbox", "contact_email": "test@example.org"})
    assert "reach the right person" not in html


def test_every_answer_offers_the_hub_contact(data):
    for entry in [*data.routes, *data.not_eligible]:
        assert "contact" in entry.next_steps, entry.id
    assert data.steps(["contact"])[0].contact_hub


def test_the_workload_names_its_source_and_figures(data):
    assert data.workload.items == [
        "2 workplace-based assessments a month",
        "a short debrief every day, of 20 to 30 minutes",
        "no more than 4 trainees for each full-time supervisor",
    ]
    assert [s.publisher for s in data.source_list(data.workload.sources)] == [
        "Cambridgeshire and Peterborough Training Hub"
    ]
    assert all(s.url and s.checked for s in data.source_list(data.workload.sources))


def test_unanswered_questions_are_named_in_order(data):
    assert decide(data, {}).outcome == "unanswered:gp"
    assert decide(data, {"gp": "no"}).outcome == "unanswered:ap"
    assert decide(data, {"gp": "no", "ap": "no", "fcp": "no", "macp": "no"}).outcome == "unanswered:masters"


def test_answers_to_questions_off_the_path_are_ignored(data):
    assert decide(data, {"gp": "trainer", "masters": "no", "macp": "full"}).outcome == "eligible:gp-trainer"


def test_an_answer_the_question_does_not_offer_is_refused(data):
    with pytest.raises(
        ValueError, match="question 'gp' has no answer 'maybe' \\(it offers trainer, not-trainer, no\\)"
    ):
        decide(data, {"gp": "maybe"})


def walk_rules(rules: dict, answers: dict) -> str:
    """What the browser script does with the page's JSON, step for step."""
    question = rules["start"]
    while True:
        leads_to = rules["questions"][question][answers[question]]
        kind, _, target = leads_to.partition(":")
        if kind != "question":
            return leads_to
        question = target


def test_the_rules_given_to_the_browser_give_the_same_answer_as_decide_on_every_path(data):
    rules = checker_rules(data)
    for path, decision in every_path(data):
        assert walk_rules(rules, dict(path)) == decision.outcome


def test_the_route_list_has_one_item_per_route_in_order(data):
    html = routes_list(data)
    items = re.findall(r'<li id="route-([a-z0-9-]+)"><strong>(.*?)</strong>', html)
    assert [item_id for item_id, _ in items] == [route.id for route in data.routes]
    assert "a first contact practitioner (FCP) who has completed stages 1 and 2" in html


def test_the_checker_has_a_result_panel_for_every_outcome_and_the_hub_contact(data):
    html = checker(data, {"contact_name": "Test inbox", "contact_email": "test@example.org"})
    panels = set(re.findall(r'data-outcome="([a-z:-]+)"', html))
    assert panels == {decision.outcome for _, decision in every_path(data)}
    assert html.count('href="mailto:test@example.org"') == len(panels)
    assert '<script type="application/json" data-hub-checker-rules>' in html


def outcome_panel(html: str, outcome: str) -> str:
    start = html.index(f'data-outcome="{outcome}"')
    return html[start : html.index("</section>", start)]


def test_every_answer_cites_the_sources_its_route_or_reason_names(data):
    """Issue 30: the answer that says who can supervise names where that comes from: each of
    the route's (or the reason's) sources in data/supervisors.yaml, with its title, publisher,
    link and the date it was checked, and no source the data does not give it."""
    html = checker(data, {"contact_name": "Test inbox", "contact_email": "test@example.org"})
    entries = [(f"eligible:{r.id}", r.sources) for r in data.routes]
    entries += [(f"not-eligible:{r.id}", r.sources) for r in data.not_eligible]
    for outcome, source_ids in entries:
        panel = outcome_panel(html, outcome)
        cited = re.search(r'<p class="hub-checker__source">(.*?)</p>', panel, re.S)
        assert cited, f"{outcome} cites no source"
        for source in data.source_list(source_ids):
            assert source.title.replace("&", "&amp;") in cited[1], (outcome, source.id)
            assert source.publisher.replace("&", "&amp;") in cited[1], (outcome, source.id)
            assert source.checked_wording in cited[1], (outcome, source.id)
            if source.url:
                assert f'href="{source.url}"' in cited[1], (outcome, source.id)
        others = [s for s in data.sources if s.id not in source_ids and s.url]
        assert not [s.id for s in others if f'href="{s.url}"' in cited[1]], outcome
        # The source follows the eligibility it backs, before the next steps.
        assert panel.index("hub-checker__source") < panel.index("<h3")
