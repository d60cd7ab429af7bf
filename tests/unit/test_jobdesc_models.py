"""The job description's data file: the hub's own file is complete, and each kind of mistake
an editor can make stops the build with the file, line, entry and field, and how to fix it."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from macros.core.datafiles import DataFileError
from macros.jobdesc.models import ELEMENT_IDS, FIELD_NAMES, Segment, load_job_description, parse_field_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "job_description.yaml"
SHOWN = "data/job_description.yaml"


@pytest.fixture(scope="module")
def job():
    return load_job_description(DATA, SHOWN)


def test_the_hub_file_has_every_duty_responsibility_and_element(job):
    assert len(job.key_duties) == 17
    assert len(job.administration_and_professional) == 3
    assert job.supervision
    assert [element.id for element in job.person_specification] == list(ELEMENT_IDS)
    counts = {element.id: (len(element.essential), len(element.desirable)) for element in job.person_specification}
    # Built from the RCOT person specification, plus the two FCP criteria from the roadmap FAQs.
    assert counts == {
        "qualifications": (5, 3),
        "knowledge": (6, 8),
        "analytical_skills": (2, 3),
        "communication": (5, 2),
        "personal_attributes": (5, 4),
    }
    for element in job.person_specification:
        for criterion in element.essential + element.desirable:
            assert criterion.assessed and set(criterion.assessed) <= {"application", "interview", "references"}


def test_the_hub_file_names_rcot_as_its_source_and_has_band_7_pay_with_its_year(job):
    assert "Royal College of Occupational Therapists" in job.source.publisher
    assert job.fields.band.default == "7"
    # The salary and pay year are not typed again: they come from data/figures.yaml (jobdesc/pay.py).
    assert job.fields.salary.default == "" and job.fields.pay_year.default == ""
    salary = next(detail for detail in job.post_details if detail.label == "Salary")
    assert "{pay_year}" in salary.text and "NHS Employers" in salary.text


def test_every_field_is_used_somewhere(job):
    text = yaml.safe_dump(job.model_dump(exclude={"fields"}))
    unused = [name for name in FIELD_NAMES if "{" + name + "}" not in text]
    assert not unused


def test_field_text_splits_into_plain_text_and_fields():
    assert parse_field_text("Work at {base} for {employer}.") == (
        Segment(text="Work at "),
        Segment(field="base"),
        Segment(text=" for "),
        Segment(field="employer"),
        Segment(text="."),
    )
    assert parse_field_text("{ hours }") == (Segment(field="hours"),)
    assert parse_field_text("No fields here") == (Segment(text="No fields here"),)


@pytest.mark.parametrize("text", ["{employr}", "a { b", "a } b", "{}", "{{employer}}"])
def test_bad_field_text_is_refused(text):
    with pytest.raises(ValueError):
        parse_field_text(text)


def write_changed(tmp_path, change) -> Path:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "job_description.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def problem_with(tmp_path, change) -> str:
    path = write_changed(tmp_path, change)
    with pytest.raises(DataFileError) as caught:
        load_job_description(path, SHOWN)
    return str(caught.value)


def set_value(*keys, value):
    """A change that sets the value at data[keys[0]][keys[1]]..."""

    def change(data):
        *parents, last = keys
        for key in parents:
            data = data[key]
        data[last] = value

    return change


def set_duty(index, text):
    return set_value("key_duties", index, value=text)


def test_an_unknown_field_name_names_file_line_entry_and_field(tmp_path):
    message = problem_with(tmp_path, set_duty(2, "Work for {employr} with patients."))
    assert message.startswith(SHOWN + ":")
    assert "key duty 3" in message
    assert "'{employr}' is not a template field" in message
    assert "{employer}" in message  # says which names exist


def test_an_unknown_field_in_a_criterion_names_the_element_and_criterion(tmp_path):
    message = problem_with(
        tmp_path, set_value("person_specification", 1, "desirable", 0, "text", value="Worked at {practice}")
    )
    assert "person specification 2 (id 'knowledge'), desirable 1, field 'text'" in message
    assert "'{practice}' is not a template field" in message


def test_an_unclosed_curly_bracket_is_refused(tmp_path):
    message = problem_with(tmp_path, set_duty(0, "Work for {employer with patients."))
    assert "key duty 1" in message and "curly bracket" in message


@pytest.mark.parametrize("empty", ["", "   "])
def test_an_empty_duty_is_refused(tmp_path, empty):
    message = problem_with(tmp_path, set_duty(4, empty))
    assert "key duty 5" in message
    assert "this duty is empty" in message and "delete the whole entry" in message


def test_an_empty_administration_duty_is_refused(tmp_path):
    message = problem_with(tmp_path, set_value("administration_and_professional", 1, value=""))
    assert "administration and professional 2" in message and "this duty is empty" in message


def test_an_empty_criterion_is_refused(tmp_path):
    message = problem_with(tmp_path, set_value("person_specification", 3, "essential", 1, "text", value=" "))
    assert "person specification 4 (id 'communication'), essential 2, field 'text'" in message
    assert "this criterion is empty" in message


@pytest.mark.parametrize("missing", ELEMENT_IDS)
def test_a_missing_element_is_named(tmp_path, missing):
    def change(data):
        data["person_specification"] = [e for e in data["person_specification"] if e["id"] != missing]

    message = problem_with(tmp_path, change)
    assert f"field 'person_specification' has no '{missing}' element" in message


def test_an_element_given_twice_is_refused(tmp_path):
    def change(data):
        # A copy: the same object twice would be written with a YAML anchor, which is refused.
        data["person_specification"].append(copy.deepcopy(data["person_specification"][0]))

    assert "has the 'qualifications' element twice" in problem_with(tmp_path, change)


def test_an_unknown_key_at_the_top_is_named_with_the_allowed_ones(tmp_path):
    message = problem_with(tmp_path, set_value("salary_band", value="7"))
    assert "'salary_band' is not a field we know" in message
    assert "key_duties" in message  # lists the allowed fields


def test_an_unknown_key_in_a_criterion_is_named(tmp_path):
    def change(data):
        criterion = data["person_specification"][0]["essential"][0]
        criterion["asessed"] = criterion.pop("assessed")

    message = problem_with(tmp_path, change)
    assert (
        "person specification 1 (id 'qualifications'), essential 1, field 'asessed': 'asessed' is not a field we know"
        in message
    )
    assert "field 'assessed'" in message and "missing" in message


def test_an_unknown_template_field_definition_is_refused(tmp_path):
    message = problem_with(tmp_path, set_value("fields", "practice_name", value={"label": "Practice", "default": ""}))
    assert "field 'fields', field 'practice_name'" in message and "not a field we know" in message


def test_a_missing_template_field_definition_is_named(tmp_path):
    def change(data):
        del data["fields"]["contact"]

    message = problem_with(tmp_path, change)
    assert "field 'fields', field 'contact'" in message and "missing" in message


def test_an_unknown_way_of_assessing_is_refused(tmp_path):
    message = problem_with(
        tmp_path, set_value("person_specification", 2, "essential", 0, "assessed", value=["interview", "presentation"])
    )
    assert "person specification 3 (id 'analytical_skills'), essential 1" in message
    assert "'application', 'interview' or 'references'" in message and "'presentation'" in message


def test_a_criterion_with_no_way_of_assessing_is_refused(tmp_path):
    message = problem_with(tmp_path, set_value("person_specification", 0, "desirable", 1, "assessed", value=[]))
    assert "person specification 1 (id 'qualifications'), desirable 2, field 'assessed'" in message
    assert "say how this criterion is assessed" in message


def test_a_way_of_assessing_given_twice_is_refused(tmp_path):
    assert "the same way of assessing twice" in problem_with(
        tmp_path, set_value("person_specification", 0, "desirable", 1, "assessed", value=["interview", "interview"])
    )


def test_an_empty_list_of_duties_names_its_field(tmp_path):
    message = problem_with(tmp_path, set_value("key_duties", value=[]))
    assert "field 'key_duties'" in message and "at least 1 item" in message


def test_the_line_number_points_at_the_bad_duty(tmp_path):
    text = DATA.read_text(encoding="utf-8")
    marker = "    Assess risks in people's surroundings"
    assert marker in text
    changed = text.replace(marker, "    Assess risks at {workplace} in people's surroundings")
    path = tmp_path / "job_description.yaml"
    path.write_text(changed, encoding="utf-8")
    lines = changed.splitlines()
    expected_line = next(n for n, line in enumerate(lines) if line.startswith("    Assess risks at {workplace}"))
    with pytest.raises(DataFileError) as caught:
        load_job_description(path, SHOWN)
    # The entry starts on the line with the dash, just above its text.
    assert str(caught.value).startswith(f"{SHOWN}:{expected_line}: key duty 7:")


def test_text_starting_with_an_unquoted_field_says_to_add_quotes(tmp_path):
    text = DATA.read_text(encoding="utf-8")
    assert '    text: "{employer}"\n' in text
    path = tmp_path / "job_description.yaml"
    path.write_text(text.replace('    text: "{employer}"\n', "    text: {employer}\n"), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_job_description(path, SHOWN)
    message = str(caught.value)
    assert "post detail 2 (label 'Employer'), field 'text'" in message
    assert "must be in quotes" in message and '"{employer} ..."' in message
