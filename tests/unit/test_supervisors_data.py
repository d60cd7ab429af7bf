"""data/supervisors.yaml: the messages an editor sees when it is wrong."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from macros.core.datafiles import DataFileError
from macros.learning.supervisors import load_supervisors

VALID = """\
sources:
  - id: seed
    title: Occupational Therapists
    publisher: A training hub
    url: https://example.org/seed
    checked: 2026-12-04
routes:
  - id: gp
    who: a GP
    next_steps: [contact]
    sources: [seed]
not_eligible:
  - id: no-route
    title: None of the routes applies
    why: You need to be a GP.
    next_steps: [contact]
    sources: [seed]
next_steps:
  - id: contact
    text: Ask the hub.
    contact_hub: true
questions:
  - id: gp
    text: Are you a GP?
    answers:
      - id: "yes"
        text: "Yes"
        next: sure
      - id: "no"
        text: "No"
        not_eligible: no-route
  - id: sure
    text: Are you sure?
    answers:
      - id: "yes"
        text: "Yes"
        eligible: gp
      - id: "no"
        text: "No"
        not_eligible: no-route
workload:
  intro: Plan for
  items: [a daily debrief]
  sources: [seed]
"""


def load(tmp_path, text):
    path = tmp_path / "supervisors.yaml"
    path.write_text(text, encoding="utf-8")
    return load_supervisors(path, "data/supervisors.yaml")


def changed(change) -> str:
    data = yaml.safe_load(VALID)
    change(data)
    return yaml.safe_dump(data, sort_keys=False)


def problems(tmp_path, text) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, text)
    return [str(problem) for problem in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


def test_the_small_valid_file_loads(tmp_path):
    data = load(tmp_path, VALID)
    assert [route.id for route in data.routes] == ["gp"]


def test_an_answer_without_an_outcome_says_what_to_add(tmp_path):
    text = VALID.replace("        eligible: gp\n", "")
    (message,) = problems(tmp_path, text)
    lines = text.splitlines()
    answer_line = lines.index('      - id: "yes"', lines.index("  - id: sure")) + 1
    assert message.startswith(f"data/supervisors.yaml:{answer_line}: ")
    assert "question 2 (id 'sure'), answer 1 (id 'yes')" in message
    assert (
        "each answer needs exactly one of 'next' (a question id), 'eligible' (a route id) or 'not_eligible'" in message
    )


def test_an_answer_with_two_outcomes_says_which_it_has(tmp_path):
    text = VALID.replace("        eligible: gp\n", "        eligible: gp\n        not_eligible: no-route\n")
    (message,) = problems(tmp_path, text)
    assert "you wrote eligible and not_eligible" in message


def test_an_unknown_route_names_the_line_entry_field_and_the_known_ids(tmp_path):
    text = VALID.replace("eligible: gp\n", "eligible: gp-trainer\n")
    messages = problems(tmp_path, text)
    assert (
        f"data/supervisors.yaml:{line_of(text, '        eligible: gp-trainer')}: question 2 (id 'sure'), "
        "answer 1 (id 'yes'), field 'eligible': 'gp-trainer' is not an id in 'routes'. Check its spelling; "
        "the ids there are: gp"
    ) in messages
    # The route nothing leads to any more is reported too, so it cannot vanish from the checker.
    assert any("no answer in the checker leads to the route 'gp'" in m for m in messages)


def test_an_answer_leading_back_up_the_list_is_refused(tmp_path):
    text = VALID.replace("        eligible: gp\n", "        next: gp\n")
    messages = problems(tmp_path, text)
    assert any(
        "field 'next': 'gp' is not further down the list" in m and "never goes round in circles" in m for m in messages
    )


def test_a_question_no_answer_leads_to_is_reported(tmp_path):
    text = VALID.replace("        next: sure\n", "        eligible: gp\n")
    messages = problems(tmp_path, text)
    assert any("question 2 (id 'sure'), field 'id': no answer leads to the question 'sure'" in m for m in messages)


def test_an_unknown_next_step_in_a_route(tmp_path):
    text = VALID.replace(
        "    next_steps: [contact]\n    sources: [seed]\nnot_eligible",
        "    next_steps: [contact, book]\n    sources: [seed]\nnot_eligible",
    )
    (message,) = problems(tmp_path, text)
    assert "route 1 (id 'gp'), next step 2: 'book' is not an id in 'next_steps'" in message
    assert re.match(r"data/supervisors\.yaml:\d+: ", message)


def test_an_unknown_source_in_the_workload(tmp_path):
    text = VALID.replace("  sources: [seed]\n", "  sources: [cambs]\n")
    messages = problems(tmp_path, text)
    assert any("field 'workload', source 1: 'cambs' is not an id in 'sources'" in m for m in messages)


def test_a_next_step_nothing_uses_would_vanish_so_it_is_reported(tmp_path):
    text = changed(lambda d: d["next_steps"].append({"id": "book-course", "text": "Book the course."}))
    (message,) = problems(tmp_path, text)
    assert (
        "next step 2 (id 'book-course'), field 'id': 'book-course' is not used by any route or not_eligible entry"
        in message
    )
    assert "Add its id to one of them, or delete this entry" in message


def test_a_reason_nothing_leads_to_is_reported(tmp_path):
    text = changed(
        lambda d: d["not_eligible"].append(
            {"id": "pre-reg", "title": "T", "why": "W", "next_steps": ["contact"], "sources": ["seed"]}
        )
    )
    (message,) = problems(tmp_path, text)
    assert "no answer in the checker leads to 'pre-reg'" in message


def test_the_same_id_twice(tmp_path):
    # A deep copy: lists shared with the first route would be written with YAML anchors, which are refused.
    text = changed(lambda d: d["routes"].append(copy.deepcopy(d["routes"][0])))
    messages = problems(tmp_path, text)
    assert any(
        "route 2 (id 'gp'), field 'id': the id 'gp' is already used by entry 1 of 'routes'" in m for m in messages
    )


def test_the_same_answer_id_twice_in_a_question(tmp_path):
    text = VALID.replace(
        '        text: "No"\n        not_eligible: no-route\n  - id: sure',
        '        text: "No"\n        not_eligible: no-route\n      - id: "no"\n        text: "Maybe"\n        not_eligible: no-route\n  - id: sure',
    )
    messages = problems(tmp_path, text)
    assert any(
        "question 1 (id 'gp'), answer 3 (id 'no'), field 'id': the id 'no' is already used by entry 2 of 'answers'" in m
        for m in messages
    )


def test_an_id_with_spaces_or_capitals_says_how_to_write_it(tmp_path):
    text = VALID.replace("  - id: gp\n    who", "  - id: GP Trainer\n    who")
    messages = problems(tmp_path, text)
    assert any("'GP Trainer' cannot be an id: use lower-case letters, numbers and single dashes" in m for m in messages)


def test_a_misspelt_field_lists_the_allowed_fields(tmp_path):
    text = VALID.replace("    who: a GP\n", "    who: a GP\n    notes: extra\n")
    (message,) = problems(tmp_path, text)
    assert "'notes' is not a field we know" in message
    assert "who, note, scope, next_steps, sources" in message


def test_a_missing_field(tmp_path):
    text = VALID.replace("    who: a GP\n", "")
    (message,) = problems(tmp_path, text)
    assert "route 1 (id 'gp'), field 'who': this required field is missing" in message


def test_a_source_nobody_has_checked_loads_without_a_date(tmp_path):
    data = load(tmp_path, VALID.replace("    checked: 2026-12-04\n", ""))
    assert data.sources[0].checked is None


def test_a_source_with_no_address_cannot_carry_a_checked_date(tmp_path):
    text = VALID.replace("    url: https://example.org/seed\n", "    note: To find it, ask the hub.\n")
    assert problems(tmp_path, text) == [
        "data/supervisors.yaml:2: source 1 (id 'seed'): a source with no address (url) cannot carry a checked "
        "date, because no one can open it to check it again. Remove 'checked:', and say in 'note:' how to find "
        "the source, such as 'To find it, search for ... on ...'"
    ]


def test_a_link_that_is_not_a_web_address(tmp_path):
    text = VALID.replace(
        "    contact_hub: true\n", "    contact_hub: true\n    link:\n      text: e-LfH\n      url: www.e-lfh.org.uk\n"
    )
    (message,) = problems(tmp_path, text)
    assert (
        "'www.e-lfh.org.uk' is not a web address we can link to. Copy the full address from your browser: it starts with https://"
        in message
    )


def test_a_question_with_one_answer_is_not_a_question(tmp_path):
    text = changed(lambda d: d["questions"][1]["answers"].pop())
    messages = problems(tmp_path, text)
    assert any("question 2 (id 'sure'), field 'answers'" in m for m in messages)
    assert any("List should have at least 2 items after validation, not 1" in m for m in messages)
