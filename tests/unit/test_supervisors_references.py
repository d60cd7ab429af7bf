"""data/supervisors.yaml's rules across entries, checked where each problem points
(cross_reference_problems): the location decides the line and the entry an editor is sent
to, so each is tested exactly, as are the sources and steps that count as used."""

from __future__ import annotations

import pytest
import yaml
from test_supervisors_data import VALID, load

from macros.core.datafiles import DataFileError
from macros.learning.supervisors import SupervisorData, checker, cross_reference_problems, decide


def data_with(change) -> SupervisorData:
    raw = yaml.safe_load(VALID)
    change(raw)
    return SupervisorData.model_validate(raw)


def locations(change) -> list[tuple]:
    return [loc for loc, _ in cross_reference_problems(data_with(change))]


def test_the_valid_file_has_no_problems():
    assert cross_reference_problems(data_with(lambda d: None)) == []


def test_an_unknown_source_in_a_reason_points_at_that_reason():
    def change(d):
        d["not_eligible"][0]["sources"] = ["seed", "cambs"]

    [(loc, message)] = cross_reference_problems(data_with(change))
    assert loc == ("not_eligible", 0, "sources", 1)
    assert message == "'cambs' is not an id in 'sources'. Check its spelling; the ids there are: seed"


def test_an_unknown_next_step_in_a_reason_points_at_that_reason():
    def change(d):
        d["not_eligible"][0]["next_steps"] = ["book"]

    assert ("not_eligible", 0, "next_steps", 0) in locations(change)


def test_an_unknown_question_points_at_the_answer_s_next():
    def change(d):
        d["questions"][0]["answers"][0]["next"] = "unsure"

    problems = cross_reference_problems(data_with(change))
    assert problems[0] == (
        ("questions", 0, "answers", 0, "next"),
        "'unsure' is not an id in 'questions'. Check its spelling; the ids there are: gp, sure",
    )


def test_an_unknown_reason_points_at_the_answer_s_not_eligible():
    def change(d):
        d["questions"][0]["answers"][1]["not_eligible"] = "too-busy"

    problems = cross_reference_problems(data_with(change))
    assert problems[0] == (
        ("questions", 0, "answers", 1, "not_eligible"),
        "'too-busy' is not an id in 'not_eligible'. Check its spelling; the ids there are: no-route",
    )


def test_a_question_nobody_reaches_says_how_to_point_an_answer_at_it():
    def change(d):
        d["questions"][0]["answers"][0] = {"id": "yes", "text": "Yes", "eligible": "gp"}

    problems = cross_reference_problems(data_with(change))
    assert problems == [
        (
            ("questions", 1, "id"),
            "no answer leads to the question 'sure', so nobody would be asked it. "
            "Point an answer to it with 'next: sure', or delete it",
        )
    ]


def test_a_route_and_a_reason_nobody_reaches_point_at_their_ids():
    def change(d):
        d["questions"][1]["answers"][0] = {"id": "yes", "text": "Yes", "not_eligible": "no-route"}
        d["questions"][0]["answers"][1] = {"id": "no", "text": "No", "next": "sure"}
        d["not_eligible"].append(
            {"id": "pre-reg", "title": "T", "why": "W", "next_steps": ["contact"], "sources": ["seed"]}
        )

    problems = cross_reference_problems(data_with(change))
    assert problems == [
        (
            ("routes", 0, "id"),
            "no answer in the checker leads to the route 'gp', so the checker and the list would disagree. "
            "Add 'eligible: gp' to an answer in questions",
        ),
        (
            ("not_eligible", 1, "id"),
            "no answer in the checker leads to 'pre-reg', so it would never be shown. "
            "Add 'not_eligible: pre-reg' to an answer in questions, or delete it",
        ),
    ]


@pytest.mark.parametrize("user", ["route", "reason", "workload"])
def test_a_source_used_only_by_a_reason_or_the_workload_counts_as_used(user):
    def change(d):
        d["sources"].append(
            {"id": "other", "title": "Other", "publisher": "P", "url": "https://example.org/", "checked": "2026-12-04"}
        )
        d["routes"][0]["sources"] = ["other"] if user == "route" else ["seed"]
        d["not_eligible"][0]["sources"] = ["other"] if user == "reason" else ["seed"]
        d["workload"]["sources"] = ["other"] if user == "workload" else ["seed"]

    assert cross_reference_problems(data_with(change)) == []


def test_unused_steps_and_sources_point_at_their_own_lists():
    def change(d):
        d["sources"].append(
            {"id": "spare", "title": "Spare", "publisher": "P", "url": "https://example.org/", "checked": "2026-12-04"}
        )
        d["next_steps"].append({"id": "spare-step", "text": "Spare"})

    problems = cross_reference_problems(data_with(change))
    assert [loc for loc, _ in problems] == [("next_steps", 1, "id"), ("sources", 1, "id")]
    assert problems[0][1].startswith("'spare-step' is not used by any route or not_eligible entry,")
    assert problems[1][1].startswith("'spare' is not used by any route, not_eligible entry or the workload,")


def test_an_answer_with_no_outcome_says_only_what_to_add(tmp_path):
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, VALID.replace("        eligible: gp\n", ""))
    [problem] = caught.value.problems
    assert problem.message.endswith(
        "each answer needs exactly one of 'next' (a question id), 'eligible' (a route id) "
        "or 'not_eligible' (an id from not_eligible)"
    )


def test_the_checker_follows_an_answer_to_the_question_it_names():
    data = data_with(lambda d: None)
    assert decide(data, {"gp": "yes", "sure": "yes"}).outcome == "eligible:gp"
    assert decide(data, {"gp": "yes", "sure": "no"}).asked == ("gp", "sure")
    assert decide(data, {"gp": "yes"}).outcome == "unanswered:sure"
    assert data.question("sure").id == "sure"


def test_an_unanswered_checker_names_the_questions_asked_so_far():
    data = data_with(lambda d: None)
    assert decide(data, {}).asked == ("gp",)
    assert decide(data, {"gp": "yes"}).asked == ("gp", "sure")


def test_the_checker_page_carries_the_question_tree_its_script_follows():
    import json
    import re

    html = checker(data_with(lambda d: None), {"contact_email": "hub@nhs.net", "contact_name": "hub", "name": "Hub"})
    embedded = re.search(r"<script type=\"application/json\" data-hub-checker-rules>(.*?)</script>", html, re.S)
    assert json.loads(embedded.group(1)) == {
        "start": "gp",
        "questions": {
            "gp": {"yes": "question:sure", "no": "not-eligible:no-route"},
            "sure": {"yes": "eligible:gp", "no": "not-eligible:no-route"},
        },
    }
