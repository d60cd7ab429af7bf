"""What an editor reads when a data file is wrong: the file, the line, the entry, the field
and the advice, each message compared whole (macros/core/problems.py)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from macros.core.problems import DataFileError, DataProblem, describe_path, describe_validation_error, line_of, one_line


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    title: str
    checked: date


class Session(_Strict):
    date: date
    title: str = ""
    count: int = 0
    ratio: float = 1.0
    online: bool = False
    kind: Literal["talk", "workshop"] = "talk"
    tags: list[str] = []
    source: Source | None = None
    extra_info: Annotated[dict[str, Source] | None, Field(None)] = None

    @field_validator("title")
    @classmethod
    def _a_real_title(cls, title: str) -> str:
        if title == "x":
            raise ValueError("a title of x says nothing: write the session's name")
        if title == "y":  # a check written as an assertion
            raise AssertionError("y is not a title")
        return title


class SessionsFile(_Strict):
    series: list[Session] = Field(min_length=1)
    owner: str


def messages(text: str) -> list[str]:
    data = yaml.safe_load(text)
    with pytest.raises(ValidationError) as error:
        SessionsFile.model_validate(data)
    problems = describe_validation_error(error.value, data, yaml.compose(text), SessionsFile, "data/f.yaml")
    return [str(problem) for problem in problems]


ONE = "data/f.yaml:{}: series 1 (date '2024-02-30'), {}"


def test_each_kind_of_mistake_gets_its_own_advice():
    text = (
        "owner: me\nseries:\n"
        '  - date: "2024-02-30"\n    title: x\n    count: three\n    ratio: lots\n    online: maybe\n'
        "    kind: party\n    tags: one\n    colour: red\n"
        "  - date: 2024-01-01\n    title: y\n    source:\n      title: S\n"
        "  - date: 2024-01-02\n    title: [1]\n    source: []\n    extra_info:\n"
        "      a: {title: T, checked: 2024-01-01, bad: 1}\n"
        '  - title: ""\n'
    )
    assert messages(text) == [
        ONE.format(
            3,
            "field 'date': '2024-02-30' is not a real date. Write it as YYYY-MM-DD, for example 2026-03-29, "
            "and check the day exists in that month.",
        ),
        ONE.format(4, "field 'title': a title of x says nothing: write the session's name"),
        ONE.format(5, "field 'count': write a number here, such as 3; you wrote 'three'."),
        ONE.format(6, "field 'ratio': write a number here, such as 3; you wrote 'lots'."),
        ONE.format(7, "field 'online': write true or false here (without quotes); you wrote 'maybe'."),
        ONE.format(8, "field 'kind': write one of 'talk' or 'workshop'; you wrote 'party'."),
        ONE.format(
            9, "field 'tags': Input should be a valid list. Check the indentation and the dashes that start list items."
        ),
        ONE.format(
            10,
            "field 'colour': 'colour' is not a field we know. Check its spelling or remove it. The fields allowed "
            "here are: date, title, count, ratio, online, kind, tags, source, extra_info.",
        ),
        "data/f.yaml:12: series 2 (date 2024-01-01), field 'title': y is not a title",
        "data/f.yaml:13: series 2 (date 2024-01-01), field 'source', field 'checked': this required field is "
        "missing. Read the source again, and if it still says what the page says, add 'checked: YYYY-MM-DD' with "
        "today's date.",
        "data/f.yaml:16: series 3 (date 2024-01-02), field 'title': Input should be a valid string; you wrote [1]. "
        "Write some text here (put it in quotes if unsure).",
        "data/f.yaml:17: series 3 (date 2024-01-02), field 'source': Input should be a valid dictionary or "
        "instance of Source. Check the indentation and the dashes that start list items.",
        "data/f.yaml:19: series 3 (date 2024-01-02), field 'extra_info', field 'a', field 'bad': 'bad' is not a "
        "field we know. Check its spelling or remove it. The fields allowed here are: title, checked.",
        "data/f.yaml:20: series 4 (title ''), field 'date': this required field is missing. Add 'date:' with a value.",
    ]


def test_what_was_written_is_quoted_and_cut_when_long():
    text = "owner: me\nseries:\n  - date: 2024-01-01\n    count: " + "9" * 250 + "x\n    ratio: [1]\n    online: 3\n"
    assert messages(text) == [
        "data/f.yaml:4: series 1 (date 2024-01-01), field 'count': write a number here, such as 3; you wrote '"
        + "9" * 199
        + "... (53 more characters).",
        "data/f.yaml:5: series 1 (date 2024-01-01), field 'ratio': write a number here, such as 3; you wrote [1].",
        "data/f.yaml:6: series 1 (date 2024-01-01), field 'online': write true or false here (without quotes); "
        "you wrote 3.",
    ]


def test_a_problem_with_a_whole_list_names_the_list_and_the_rest_is_pydantics_own_words():
    assert messages("owner: me\nseries: []\n") == [
        "data/f.yaml:2: field 'series': List should have at least 1 item after validation, not 0; you wrote []."
    ]


def test_a_file_that_is_not_a_mapping_is_named_at_its_first_line():
    assert messages("- a\n") == [
        "data/f.yaml:1: Input should be a valid dictionary or instance of SessionsFile. Check the indentation "
        "and the dashes that start list items."
    ]


def test_a_problem_prints_on_one_line_whatever_the_text_holds():
    assert one_line("a\rb\nc\vd\fe\x85f\u2028g\u2029h\ti") == "a\\rb\\nc\\vd\\fe\\x85f\\u2028g\\u2029h\ti"
    assert str(DataProblem("f.yaml", 3, "series 1", "one\ntwo")) == "f.yaml:3: series 1: one\\ntwo"


@pytest.mark.parametrize(
    ("problem", "shown"),
    [
        (DataProblem("f.yaml", 3, "series 1", "m"), "f.yaml:3: series 1: m"),
        (DataProblem("f.yaml", None, "", "m"), "f.yaml: m"),
        (DataProblem("f.yaml", 0, "field 'a'", "m"), "f.yaml: field 'a': m"),
    ],
)
def test_a_problem_shows_the_line_and_the_entry_only_when_known(problem, shown):
    assert str(problem) == shown


def test_a_file_error_shows_each_problem_on_its_own_line():
    problems = [DataProblem("f.yaml", 1, "", "one"), DataProblem("f.yaml", 2, "", "two")]
    error = DataFileError(problems)
    assert error.problems == problems
    assert str(error) == "f.yaml:1: one\nf.yaml:2: two"


@pytest.mark.parametrize(
    ("loc", "words"),
    [
        (("series", 1, "title"), "series 2, field 'title'"),
        (("criteria", 0), "criterion 1"),
        (("key_duties", 2), "key duty 3"),
        (("entries", 0, "statuses", 1), "entry 1, status 2"),
        (("sessions", 0, 1), "session 1, entry 2"),
        ((0, "x"), "entry 1, field 'x'"),
        ((None, "k"), "field 'k'"),
        (("x" * 61,), "field '" + "x" * 60 + "... (1 more characters)'"),
        (("x" * 60,), "field '" + "x" * 60 + "'"),
        (("address", 0), "address 1"),
    ],
)
def test_a_path_is_named_in_words_before_any_data_is_built(loc, words):
    assert describe_path(loc) == words


def test_without_a_node_tree_there_is_no_line():
    assert line_of(None, ("series", 0)) is None


def test_the_line_is_that_of_the_deepest_part_of_the_path_found():
    nodes = yaml.compose("owner: me\nseries:\n  - date: 2024-01-01\n    title: a\n")
    assert line_of(nodes, ()) == 1
    assert line_of(nodes, ("series", 0, "title")) == 4
    assert line_of(nodes, ("series", 0, "colour")) == 3
    assert line_of(nodes, ("series", 5, "title")) == 2
    assert line_of(nodes, ("series", "a")) == 2
    assert line_of(nodes, ("missing", 0)) == 1
