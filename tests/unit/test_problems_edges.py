"""What an editor reads for the rarer shapes of a mistake: each kind of error pydantic names,
paths through lists, unions and annotated types, and where the data runs out
(macros/core/problems.py). Messages are compared whole."""

from __future__ import annotations

from typing import Annotated

import pytest
import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from macros.core.problems import allowed_fields, describe_location, describe_validation_error, explain, line_of


class Inner(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str = ""
    size: int = 0


def _kept(inner: Inner) -> Inner:
    return inner


class Outer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field("x", min_length=1)
    online: bool = False
    count: int = 0
    extra: dict[str, int] = {}
    checked: Annotated[list[Annotated[Inner, AfterValidator(_kept)]], Field(default_factory=list)]
    plain: list = []


def messages(data) -> list[str]:
    with pytest.raises(ValidationError) as error:
        Outer.model_validate(data)
    return [str(problem) for problem in describe_validation_error(error.value, data, None, Outer, "data/f.yaml")]


def test_each_kind_of_type_mistake_gets_its_advice():
    assert messages({"name": "", "online": [1], "count": [1], "extra": [1]}) == [
        "data/f.yaml: field 'name': String should have at least 1 character; you wrote ''. Write some text here "
        "(put it in quotes if unsure).",
        "data/f.yaml: field 'online': write true or false here (without quotes); you wrote [1].",
        "data/f.yaml: field 'count': write a number here, such as 3; you wrote [1].",
        "data/f.yaml: field 'extra': Input should be a valid dictionary. Check the indentation and the dashes that "
        "start list items.",
    ]


def test_the_fields_allowed_are_found_through_annotated_entries():
    assert messages({"checked": [{"label": "a", "colour": "red"}]}) == [
        "data/f.yaml: checked 1 (label 'a'), field 'colour': 'colour' is not a field we know. Check its spelling "
        "or remove it. The fields allowed here are: label, size."
    ]
    assert allowed_fields(Outer, ("checked", 0)) == ["label", "size"]


def test_where_the_model_cannot_be_followed_no_fields_are_offered():
    assert allowed_fields(Outer, ("plain", 0)) == []
    assert allowed_fields(Outer, ("name", "x")) == []
    assert allowed_fields(Outer, ("nothing",)) == []
    unknown = {"type": "extra_forbidden", "loc": ("nothing", "bad"), "msg": "Extra inputs are not permitted", "input": 1}
    assert explain(unknown, Outer, ("nothing", "bad")) == "'bad' is not a field we know. Check its spelling or remove it."


def test_a_check_names_its_own_message_else_pydantics_without_its_prefix():
    located = ("name",)
    own = {"type": "value_error", "msg": "Value error, pydantic's words", "ctx": {"error": ValueError("the hub's words")}}
    assert explain(own, Outer, located) == "the hub's words"
    assert explain({"type": "value_error", "msg": "Value error, a date is missing"}, Outer, located) == (
        "a date is missing"
    )
    assert explain({"type": "assertion_error", "msg": "Assertion failed, a date is missing"}, Outer, located) == (
        "a date is missing"
    )


def test_a_list_at_the_top_names_its_entries_as_entries():
    assert describe_location([{"colour": "red"}], (0, "colour")) == "entry 1, field 'colour'"


def test_an_entry_past_the_end_of_the_list_is_named_without_its_data():
    assert describe_location({"series": [{"id": "a"}]}, ("series", 1, "title")) == "series 2"
    assert describe_location({"series": []}, ("series", 0)) == "series 1"


def test_steps_pydantic_adds_are_not_named_as_fields():
    data = {"source": {"title": "A"}, "tags": ["a"]}
    assert describe_location(data, ("source", "function-after[_kept(), Inner]", "title")) == "field 'source'"
    assert describe_location(data, ("source", "model-after[Inner]", "title")) == "field 'source'"
    assert describe_location(data, ("source", "Inner", "title")) == "field 'source', field 'Inner'"
    assert describe_location(data, ("tags", "list[str]", 0)) == ""
    assert describe_location(data, ("tags", 0, "x")) == "tag 1"


def test_the_line_of_an_entry_past_the_end_is_the_lists():
    nodes = yaml.compose("owner: me\nseries:\n  - date: 2024-01-01\n")
    assert line_of(nodes, ("series", 1, "title")) == 2
