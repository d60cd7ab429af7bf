"""The supervisor checker's data rules that keep it from looping or pointing nowhere, and the
workload panel, met as an editor or a reader meets them."""

from __future__ import annotations

import pytest
import yaml

from macros.core.datafiles import DataFileError
from macros.learning.supervisors import load_supervisors, workload_panel
from tests.unit.test_supervisors_data import VALID


def load(tmp_path, text):
    path = tmp_path / "supervisors.yaml"
    path.write_text(text, encoding="utf-8")
    return load_supervisors(path, "data/supervisors.yaml")


def problems(tmp_path, text) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, text)
    return [str(problem) for problem in caught.value.problems]


def test_an_answer_leading_to_its_own_question_is_refused_so_the_checker_cannot_loop(tmp_path):
    text = VALID.replace("        eligible: gp\n", "        next: sure\n")
    messages = problems(tmp_path, text)
    assert any("'sure'" in m and "field 'next'" in m and "question 2 (id 'sure')" in m for m in messages)


def test_an_answer_naming_an_unknown_question_is_refused(tmp_path):
    text = VALID.replace("        next: sure\n", "        next: surely\n")
    messages = problems(tmp_path, text)
    assert any("question 1 (id 'gp')" in m and "field 'next'" in m and "'surely'" in m for m in messages)


def test_an_answer_naming_an_unknown_outcome_is_refused(tmp_path):
    text = VALID.replace("        not_eligible: no-route\n", "        not_eligible: no-way\n", 1)
    messages = problems(tmp_path, text)
    assert any("question 1 (id 'gp')" in m and "field 'not_eligible'" in m and "'no-way'" in m for m in messages)


def test_a_known_question_further_down_is_accepted(tmp_path):
    data = load(tmp_path, VALID)
    assert data.question("gp").answers[0].next == "sure"


def test_the_workload_panel_shows_every_item_and_its_source(tmp_path):
    text = yaml.safe_load(VALID)
    text["workload"]["items"] = ["a daily debrief", "a weekly tutorial"]
    data = load(tmp_path, yaml.safe_dump(text, sort_keys=False))
    html = workload_panel(data)
    assert "Plan for" in html
    assert "a daily debrief" in html and "a weekly tutorial" in html
    assert html.index("a daily debrief") < html.index("a weekly tutorial")
    assert "Source: A training hub" in html
