"""The job description's data: typed models for data/job_description.yaml and its template fields.

Text in the file may name a template field in curly brackets, `{employer}`. Each text is
parsed here into segments (plain text and field references) so the web page, the Word
document and the PDF all mark the same placeholders, and a misspelt field name stops the
build with the file, line, entry and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from ..core.datafiles import load_data_file
from ..core.fields import SingleLine, Source

# The template fields, in the order the form and the command offer them. The names are
# fixed because the page's form and the command for adapted documents use them; the data
# file gives each its label, default and hint.
FIELD_NAMES = (
    "employer",
    "base",
    "hours",
    "wte",
    "band",
    "salary",
    "pay_year",
    "reporting_to",
    "closing_date",
    "contact",
)

# The person specification's elements, in order. Every one must be in the file.
ELEMENT_IDS = ("qualifications", "knowledge", "analytical_skills", "communication", "personal_attributes")

HOW_ASSESSED = ("application", "interview", "references")

_FIELD_REFERENCE = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Segment:
    """A piece of text: plain words, or a reference to a template field (`field` set)."""

    text: str = ""
    field: str | None = None


def parse_field_text(text: str) -> tuple[Segment, ...]:
    """Split text into plain segments and `{field}` references; raise ValueError on a bad one."""
    segments: list[Segment] = []
    position = 0
    for match in _FIELD_REFERENCE.finditer(text):
        _check_plain(text[position : match.start()])
        if match.start() > position:
            segments.append(Segment(text=text[position : match.start()]))
        name = match.group(1).strip()
        if name not in FIELD_NAMES:
            raise ValueError(
                f"'{{{match.group(1)}}}' is not a template field. Use one of "
                f"{', '.join('{' + n + '}' for n in FIELD_NAMES)}, or remove the curly brackets"
            )
        segments.append(Segment(field=name))
        position = match.end()
    _check_plain(text[position:])
    if position < len(text):
        segments.append(Segment(text=text[position:]))
    return tuple(segments)


def _check_plain(text: str) -> None:
    if "{" in text or "}" in text:
        raise ValueError(
            "a curly bracket is not closed or not opened. Write a field as {employer}, "
            "with one bracket on each side, or remove the bracket"
        )


def _unquoted_field(value):
    """YAML reads an unquoted `{employer}` at the start of a value as a mapping: say so."""
    if isinstance(value, dict) and len(value) == 1 and next(iter(value.values())) is None:
        name = next(iter(value))
        raise ValueError(
            f'text that starts with a curly bracket must be in quotes: write "{{{name}}} ..." '
            "(with the double quotes), or start the text on the next line after >-"
        )
    return value


def _text(what: str):
    """A validator for text that may use fields and must not be empty."""

    def check(value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError(f"this {what} is empty. Write the {what}, or delete the whole entry (the dash too)")
        parse_field_text(value)
        return value

    return AfterValidator(check)


_QUOTED = BeforeValidator(_unquoted_field)
DutyText = Annotated[str, _QUOTED, _text("duty")]
ParagraphText = Annotated[str, _QUOTED, _text("paragraph")]
CriterionText = Annotated[str, _QUOTED, _text("criterion")]
DetailText = Annotated[str, _QUOTED, _text("text")]
PlainText = SingleLine  # titles and labels: one line each


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TemplateField(_Strict):
    label: PlainText
    default: str = ""
    hint: str = ""

    @model_validator(mode="after")
    def _default_has_no_field(self):
        if "{" in self.default or "}" in self.default:
            raise ValueError("a default value cannot use another field: remove the curly brackets")
        return self


class TemplateFields(_Strict):
    employer: TemplateField
    base: TemplateField
    hours: TemplateField
    wte: TemplateField
    band: TemplateField
    salary: TemplateField
    pay_year: TemplateField
    reporting_to: TemplateField
    closing_date: TemplateField
    contact: TemplateField

    def items(self) -> list[tuple[str, TemplateField]]:
        return [(name, getattr(self, name)) for name in FIELD_NAMES]


class PostDetail(_Strict):
    label: PlainText
    text: DetailText


class Criterion(_Strict):
    text: CriterionText
    assessed: list[Literal["application", "interview", "references"]]

    @field_validator("assessed")
    @classmethod
    def _assessed_once_each(cls, assessed: list[str]) -> list[str]:
        if not assessed:
            raise ValueError(
                "say how this criterion is assessed: write one or more of application, "
                "interview, references, for example [application, interview]"
            )
        if len(set(assessed)) != len(assessed):
            raise ValueError(
                "this names the same way of assessing twice: list each of application, interview, references once"
            )
        return assessed


class Element(_Strict):
    id: Literal["qualifications", "knowledge", "analytical_skills", "communication", "personal_attributes"]
    title: PlainText
    essential: list[Criterion] = Field(min_length=1)
    desirable: list[Criterion] = []


class JobDescription(_Strict):
    title: PlainText
    source: Source
    fields: TemplateFields
    post_details: list[PostDetail] = Field(min_length=1)
    job_scope: list[ParagraphText] = Field(min_length=1)
    key_duties: list[DutyText] = Field(min_length=1)
    administration_and_professional: list[DutyText] = Field(min_length=1)
    supervision: list[ParagraphText] = Field(min_length=1)
    person_specification: list[Element]

    @field_validator("person_specification")
    @classmethod
    def _every_element_once(cls, elements: list[Element]) -> list[Element]:
        ids = [element.id for element in elements]
        for element_id in ELEMENT_IDS:
            if element_id not in ids:
                raise ValueError(
                    f"field 'person_specification' has no '{element_id}' element. Add it back "
                    f"(id: {element_id}, with a title and its essential criteria)"
                )
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"field 'person_specification' has the '{repeated[0]}' element twice: keep one")
        return elements


DATA_FILE = "job_description.yaml"


def load_job_description(path: Path, shown_as: str | None = None) -> JobDescription:
    return load_data_file(path, JobDescription, shown_as)
