"""The shared loader every data file goes through: its messages are what editors see."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import BaseModel, ConfigDict, Field, field_validator

from macros.core.datafiles import DataFileError, load_data_file


class Session(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: date
    note: str = ""


class Series(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    online: bool = True
    places: int = 0
    title: str = Field(min_length=1)
    sessions: list[Session] = []

    @field_validator("id")
    @classmethod
    def _lower_case(cls, value: str) -> str:
        if value != value.lower():
            raise ValueError(f"write the id in lower case, like '{value.lower()}'")
        return value


class Calendar(BaseModel):
    model_config = ConfigDict(extra="forbid")
    series: list[Series]


def load(tmp_path, text: str) -> Calendar:
    path = tmp_path / "calendar.yaml"
    path.write_text(text, encoding="utf-8")
    return load_data_file(path, Calendar, "data/calendar.yaml")


def problems(tmp_path, text: str) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, text)
    return [str(problem) for problem in caught.value.problems]


def test_a_valid_file_loads(tmp_path):
    calendar = load(tmp_path, "series:\n  - id: drop-in\n    title: Drop-in\n    sessions:\n      - date: 2026-03-29\n")
    assert calendar.series[0].sessions[0].date == date(2026, 3, 29)


def test_a_typo_in_a_key_names_file_line_entry_field_and_the_allowed_fields(tmp_path):
    text = (
        "series:\n  - id: drop-in\n    title: Drop-in\n    sessions:\n      - date: 2026-03-29\n        noet: hello\n"
    )
    (message,) = problems(tmp_path, text)
    assert message.startswith("data/calendar.yaml:6:")
    assert "series 1 (id 'drop-in')" in message
    assert "session 1 (date '2026-03-29')" in message
    assert "'noet' is not a field we know" in message
    assert "date, note" in message


def test_a_missing_field_says_which_and_how_to_add_it(tmp_path):
    (message,) = problems(tmp_path, "series:\n  - id: drop-in\n")
    assert message.startswith("data/calendar.yaml:2:")
    assert "series 1 (id 'drop-in')" in message
    assert "field 'title'" in message
    assert "Add 'title:'" in message


def test_an_impossible_date_is_named_with_the_format_to_use(tmp_path):
    text = "series:\n  - id: drop-in\n    title: Drop-in\n    sessions:\n      - date: 2026-02-30\n"
    (message,) = problems(tmp_path, text)
    assert ":5:" in message
    assert "not a real date" in message and "YYYY-MM-DD" in message


def test_a_validator_message_is_passed_on_without_pydantic_jargon(tmp_path):
    (message,) = problems(tmp_path, "series:\n  - id: Drop-In\n    title: Drop-in\n")
    assert "write the id in lower case, like 'drop-in'" in message
    assert "Value error" not in message


def test_a_duplicate_key_is_refused_not_silently_overwritten(tmp_path):
    (message,) = problems(tmp_path, "series:\n  - id: a\n    title: One\n    title: Two\n")
    assert "data/calendar.yaml:4:" in message
    assert "'title' appears twice" in message and "line 3" in message


def test_broken_yaml_names_the_line(tmp_path):
    (message,) = problems(tmp_path, "series:\n  - id: a\n   title: [unclosed\n")
    assert message.startswith("data/calendar.yaml:")
    assert "indentation" in message


def test_every_problem_is_reported_at_once(tmp_path):
    text = "series:\n  - id: A\n  - title: x\n"
    found = problems(tmp_path, text)
    assert len(found) == 3
    assert "data/calendar.yaml:2: series 1 (id 'A'), field 'id': write the id in lower case" in found[0]
    assert "data/calendar.yaml:2: series 1 (id 'A'), field 'title': this required field is missing" in found[1]
    assert "data/calendar.yaml:3: series 2 (title 'x'), field 'id': this required field is missing" in found[2]


def test_a_missing_or_empty_file_says_so(tmp_path):
    with pytest.raises(DataFileError, match="missing"):
        load_data_file(tmp_path / "nope.yaml", Calendar, "data/nope.yaml")
    assert "empty" in problems(tmp_path, "# nothing yet\n")[0]


def test_a_problem_with_a_whole_list_names_its_field():
    # A list of entries is named by its entries ("key duty 2"); a problem with the list
    # itself (empty, or a list where a mapping was expected) names the field.
    from macros.core.datafiles import describe_location

    data = {"key_duties": [], "series": [{"id": "a", "tags": ["x"]}]}
    assert describe_location(data, ("key_duties",)) == "field 'key_duties'"
    assert describe_location(data, ("series", 0, "tags")) == "series 1 (id 'a'), field 'tags'"
    assert describe_location(data, ("series", 0, "tags", 0)) == "series 1 (id 'a'), tag 1"
    # An entry with only a label is named by it.
    assert describe_location({"rows": [{"label": "Employer"}]}, ("rows", 0)) == "row 1 (label 'Employer')"


def test_a_wrong_type_says_what_to_write_instead(tmp_path):
    text = "series:\n  - id: a\n    title: A\n    online: maybe\n    places: lots\n"
    online, places = problems(tmp_path, text)
    assert (
        online
        == "data/calendar.yaml:4: series 1 (id 'a'), field 'online': write true or false here (without quotes); you wrote 'maybe'."
    )
    assert (
        places
        == "data/calendar.yaml:5: series 1 (id 'a'), field 'places': write a number here, such as 3; you wrote 'lots'."
    )
