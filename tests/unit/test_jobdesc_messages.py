"""data/job_description.yaml's refusals, each message compared whole with the entry it
names (the line is left out: it moves as the hub's file is edited)."""

from __future__ import annotations

import copy

import pytest

from macros.core.datafiles import DataFileError
from macros.jobdesc.models import Segment, load_job_description, parse_field_text
from tests.unit.test_jobdesc_models import DATA, SHOWN, set_duty, set_value, write_changed

NOT_A_FIELD = (
    "is not a template field. Use one of {employer}, {base}, {hours}, {wte}, {band}, {salary}, {pay_year}, "
    "{reporting_to}, {closing_date}, {contact}, or remove the curly brackets"
)
UNCLOSED = (
    "a curly bracket is not closed or not opened. Write a field as {employer}, with one bracket on each side, "
    "or remove the bracket"
)
PERSON_SPECIFICATION = "field 'person_specification'"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{employr}", f"'{{employr}}' {NOT_A_FIELD}"),
        ("{ bse }", f"'{{ bse }}' {NOT_A_FIELD}"),
        ("{}", f"'{{}}' {NOT_A_FIELD}"),
        ("a { b", UNCLOSED),
        ("a } b", UNCLOSED),
        ("{{employer}}", UNCLOSED),
        ("{employer} }", UNCLOSED),
    ],
)
def test_bad_field_text_is_refused_with_the_fix(text, message):
    with pytest.raises(ValueError) as refused:
        parse_field_text(text)
    assert str(refused.value) == message


def test_text_ending_in_a_field_has_no_empty_piece_after_it():
    assert parse_field_text("For {employer}") == (Segment(text="For "), Segment(field="employer"))
    assert parse_field_text("") == ()


def problems(tmp_path, change) -> list[tuple[str, str]]:
    with pytest.raises(DataFileError) as refused:
        load_job_description(write_changed(tmp_path, change), SHOWN)
    assert all(problem.file == SHOWN and problem.line for problem in refused.value.problems)
    return [(problem.where, problem.message) for problem in refused.value.problems]


def drop_element(element_id):
    def change(data):
        data["person_specification"] = [e for e in data["person_specification"] if e["id"] != element_id]

    return change


def repeat_element(index):
    def change(data):
        data["person_specification"].append(copy.deepcopy(data["person_specification"][index]))

    return change


EMPTY = "is empty. Write the {0}, or delete the whole entry (the dash too)"
CRITERION = "person specification 1 (id 'qualifications'), desirable 2, field 'assessed'"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (set_duty(4, "  "), ("key duty 5", "this duty " + EMPTY.format("duty"))),
        (set_value("job_scope", 0, value=" "), ("job scope 1", "this paragraph " + EMPTY.format("paragraph"))),
        (
            set_value("person_specification", 3, "essential", 1, "text", value=" "),
            (
                "person specification 4 (id 'communication'), essential 2, field 'text'",
                "this criterion " + EMPTY.format("criterion"),
            ),
        ),
        (
            set_value("post_details", 0, "text", value=""),
            ("post detail 1 (label 'Job title'), field 'text'", "this text " + EMPTY.format("text")),
        ),
        (
            set_value("fields", "band", "default", value="{band}"),
            ("field 'fields', field 'band'", "a default value cannot use another field: remove the curly brackets"),
        ),
        (
            set_value("fields", "band", "default", value="7}"),
            ("field 'fields', field 'band'", "a default value cannot use another field: remove the curly brackets"),
        ),
        (
            set_value("person_specification", 0, "desirable", 1, "assessed", value=[]),
            (
                CRITERION,
                "say how this criterion is assessed: write one or more of application, interview, references, "
                "for example [application, interview]",
            ),
        ),
        (
            set_value("person_specification", 0, "desirable", 1, "assessed", value=["interview", "interview"]),
            (
                CRITERION,
                "this names the same way of assessing twice: list each of application, interview, references once",
            ),
        ),
        (
            drop_element("knowledge"),
            (
                PERSON_SPECIFICATION,
                "field 'person_specification' has no 'knowledge' element. Add it back (id: knowledge, with a title "
                "and its essential criteria)",
            ),
        ),
        (
            repeat_element(1),
            (PERSON_SPECIFICATION, "field 'person_specification' has the 'knowledge' element twice: keep one"),
        ),
        (
            set_value("key_duties", 0, value={"employer": None}),
            (
                "key duty 1",
                'text that starts with a curly bracket must be in quotes: write "{employer} ..." (with the double '
                "quotes), or start the text on the next line after >-",
            ),
        ),
        (set_duty(0, "Work for {employer with patients."), ("key duty 1", UNCLOSED)),
    ],
)
def test_each_refusal_names_the_entry_and_says_how_to_fix_it(tmp_path, change, expected):
    assert problems(tmp_path, change) == [expected]


def test_of_several_repeated_elements_the_first_in_order_is_named(tmp_path):
    def change(data):
        elements = data["person_specification"]
        elements += [copy.deepcopy(elements[4]), copy.deepcopy(elements[1])]

    assert problems(tmp_path, change) == [
        (PERSON_SPECIFICATION, "field 'person_specification' has the 'knowledge' element twice: keep one")
    ]


def test_a_mapping_of_two_keys_is_not_taken_for_an_unquoted_field(tmp_path):
    assert problems(tmp_path, set_value("key_duties", 0, value={"employer": None, "base": None})) == [
        ("key duty 1", "Input should be a valid string; you wrote {'employer': None, 'base': None}. Write some text "
         "here (put it in quotes if unsure).")
    ]  # fmt: skip
    assert problems(tmp_path, set_value("key_duties", 0, value={"employer": "x"})) == [
        ("key duty 1", "Input should be a valid string; you wrote {'employer': 'x'}. Write some text here (put it "
         "in quotes if unsure).")
    ]  # fmt: skip


def test_spaces_and_line_breaks_in_text_are_read_as_single_spaces(tmp_path):
    path = write_changed(tmp_path, set_duty(0, "  Work for\n  {employer}   with patients. "))
    assert load_job_description(path, SHOWN).key_duties[0] == "Work for {employer} with patients."


def test_the_template_fields_come_in_the_forms_order():
    job = load_job_description(DATA, SHOWN)
    names = [name for name, _ in job.fields.items()]
    assert names == [
        "employer", "base", "hours", "wte", "band", "salary", "pay_year", "reporting_to", "closing_date", "contact"
    ]  # fmt: skip
