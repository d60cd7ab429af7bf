"""Every content page's front matter: the keys allowed, and the checks editors see.

A page in docs/ starts with a YAML block between two `---` lines. MkDocs itself ignores
front matter it cannot read, and ignores keys it does not know, so a typo such as
`last_reviwed` would silently lose the review date. `check_page` refuses both, with
`docs/page.md:LINE: what is wrong, and how to fix it`.

The allowed keys live in one place: the fields of `PageMeta`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import material
import yaml
from mkdocs.utils import markdown_extensions
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..core.datafiles import (
    CONTROL_CHARACTERS,
    UnsafeYAML,
    check_yaml_events,
    decode_text,
    describe_character,
    parse_yaml,
    unsafe_yaml_problems,
    yaml_error_line,
    yaml_error_problem,
)
from ..core.fields import SingleLine, Source
from ..core.problems import DataFileError, DataProblem, describe_validation_error
from .review import parse_review_period

# The same pattern MkDocs uses (mkdocs.utils.meta.YAML_RE), so we read what it reads.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)

# The text `make new-page` puts where the editor must write: the check refuses it.
PLACEHOLDERS = {
    "description": "Write one sentence here saying what the page tells the reader.",
    "source_title": "Name of the document this page is based on",
    "source_note": "Add url: with its address and checked: with the day you read it, or say here how to find it",
    "body": "Write the page here, in plain English. Expand each abbreviation the first time you use it.",
}

_PLACEHOLDER_NAMES = {
    "description": "description",
    "source_title": "source",
    "source_note": "source note",
    "body": "text",
}

# Material's `hide:` values.
HideWhat = Literal["navigation", "toc", "footer", "path", "tags", "feedback"]


class SearchOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    exclude: bool = False
    # NaN or infinity here would reach search_index.json and stop search on every page.
    boost: float = Field(1.0, allow_inf_nan=False)


class PageMeta(BaseModel):
    """The front matter a content page may carry. Add a key here to allow it everywhere."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # What readers see
    title: SingleLine = ""
    description: SingleLine
    sources: list[Source] = []
    # Who keeps the page current, and when it is next checked
    owner: SingleLine
    last_reviewed: date
    review_in: str | None = None
    next_review: date | None = None
    # How the page is built (MkDocs, Material and mkdocs-macros settings)
    render_macros: bool = False
    hide: list[HideWhat] = []
    search: SearchOptions = SearchOptions()
    status: str = ""
    template: str = ""  # checked in the build, with the title (macros/core/page_meta.py)
    icon: str = ""
    subtitle: SingleLine | None = None

    @field_validator("review_in", mode="before")
    @classmethod
    def _review_period(cls, value):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # `review_in: 12` gets the "write 12 months" message below
        if value is not None:
            parse_review_period(value)  # raises ValueError with the fix
        return value

    @field_validator("icon")
    @classmethod
    def _known_icon(cls, value):
        if value and not _icon_exists(value):
            raise ValueError(
                f"{_quoted(value)} is not an icon the theme has, so the build would stop. Copy its name from "
                "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/ with '/' for the first '-', "
                "for example 'material/account-group', or delete the line"
            )
        return value

    @model_validator(mode="after")
    def _one_review_date(self):
        if self.review_in is None and self.next_review is None:
            raise ValueError(
                "the page has no review date. Add 'review_in: 12 months' (or 6 months, "
                "2 years...) or 'next_review: YYYY-MM-DD' under last_reviewed"
            )
        if self.review_in is not None and self.next_review is not None:
            raise ValueError(
                "the page has both review_in and next_review. Keep one: review_in counts "
                "from last_reviewed, next_review is a fixed date"
            )
        if self.next_review is not None and self.next_review <= self.last_reviewed:
            raise ValueError(
                f"next_review ({self.next_review.isoformat()}) must be after last_reviewed "
                f"({self.last_reviewed.isoformat()})"
            )
        return self


# The theme's icons: Material's, and the hub's own in overrides/.
_MATERIAL = Path(material.__file__).parent / "templates"
_OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
_ICON_NAME = re.compile(r"[a-z0-9]+(?:[-_/][a-z0-9]+)*")


def _icon_exists(name: str) -> bool:
    return bool(_ICON_NAME.fullmatch(name)) and any(
        (folder / ".icons" / f"{name}.svg").is_file() for folder in (_OVERRIDES, _MATERIAL)
    )


def _quoted(value: str) -> str:
    return repr(value if len(value) <= 100 else value[:100] + "...")


ALLOWED_KEYS: tuple[str, ...] = tuple(PageMeta.model_fields)


@dataclass
class PageCheck:
    """What the front matter check found in one page."""

    path: str  # as an editor sees it: docs/roles/index.md
    meta: PageMeta | None = None
    raw: dict[str, Any] = field(default_factory=dict)
    problems: list[DataProblem] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)  # key -> line in the file
    body: str = ""

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def check_page_text(text: str, shown_as: str, today: date | None = None) -> PageCheck:
    """Validate a page's front matter. `today` (the build date) refuses review dates in the future."""
    result = PageCheck(shown_as)
    text = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        opening = "an opening" if not text.startswith("---") else "a closing"
        result.problems.append(
            DataProblem(
                shown_as,
                1,
                "",
                f"the page has no front matter ({opening} '---' line is missing). Start the page "
                "with a '---' line, the keys (title, description, owner, last_reviewed, review_in), "
                "then another '---' line: copy them from CONTRIBUTING.md",
            )
        )
        result.body = text
        return result
    result.body = text[match.end() :]
    block = match.group(1)
    try:
        # One pass with libyaml: every page's front matter is read on every build.
        nodes, raw = parse_yaml(block)
    except UnsafeYAML as error:
        result.problems.extend(unsafe_yaml_problems(error, shown_as, first_line=2))
        return result
    except yaml.YAMLError as error:
        line = yaml_error_line(error, block)
        # +1: the block starts after the opening '---' line.
        result.problems.append(DataProblem(shown_as, line + 1 if line else 1, "", yaml_error_problem(error, block)))
        return result
    if not isinstance(raw, dict):
        result.problems.append(DataProblem(shown_as, 2, "", "the front matter must be 'key: value' lines, one a line"))
        return result
    result.raw = raw
    if isinstance(nodes, yaml.MappingNode):
        result.key_lines = {k.value: k.start_mark.line + 2 for k, _ in nodes.value}
    try:
        result.meta = PageMeta.model_validate(raw)
    except ValidationError as error:
        problems = [
            _page_problem(p, raw, result) for p in describe_validation_error(error, raw, nodes, PageMeta, shown_as)
        ]
        # A misspelt key also leaves the real one missing: say it once, at the misspelling.
        suggested = {m.group(1) for p in problems if (m := re.search(r"Did you mean '([^']+)'\?", p.message))}
        result.problems.extend(
            p for p in problems if not any(p.message.startswith(f"the page has no '{key}'") for key in suggested)
        )
    header_lines = text[: match.end()].count("\n")
    for key, placeholder in PLACEHOLDERS.items():
        if placeholder in block:
            line = block.split(placeholder)[0].count("\n") + 2
        elif placeholder in result.body:
            line = header_lines + result.body.split(placeholder)[0].count("\n") + 1
        else:
            continue
        result.problems.append(
            DataProblem(
                shown_as,
                line,
                "",
                f"the page still has the example text '{placeholder}'. Replace it with "
                f"the page's own {_PLACEHOLDER_NAMES[key]}",
            )
        )
    result.problems.extend(control_character_problems(result.body, header_lines + 1, shown_as))
    if result.meta is not None:
        result.problems.extend(review_before_checks(result.meta, nodes, shown_as, result.line_of("last_reviewed")))
    if result.meta is not None and today is not None and result.meta.last_reviewed > today:
        result.problems.append(
            DataProblem(
                shown_as,
                result.line_of("last_reviewed"),
                "field 'last_reviewed'",
                f"{result.meta.last_reviewed.isoformat()} is in the future. Write the date you "
                f"last checked the page, today ({today.isoformat()}) or earlier",
            )
        )
    return result


def review_before_checks(meta: PageMeta, nodes, shown_as: str, review_line: int) -> list[DataProblem]:
    """A page's review is never earlier than the latest day one of its sources was checked.

    A checked date says someone read the source that day and the page still agreed with it: that
    reading is a review of the page, so `last_reviewed` cannot be older. One problem, at the
    `last_reviewed` line, naming the source checked last and the line of its `checked:`."""
    checked = [(source.checked, index, source) for index, source in enumerate(meta.sources) if source.checked]
    if not checked:
        return []
    latest, index, source = max(checked, key=lambda entry: (entry[0], -entry[1]))
    if meta.last_reviewed >= latest:
        return []
    line = _checked_line(nodes, index)
    where = f" (line {line})" if line else ""
    return [
        DataProblem(
            shown_as,
            review_line,
            "field 'last_reviewed'",
            f"the page was last reviewed on {meta.last_reviewed.isoformat()}, before its source "
            f"'{source.title}' was checked on {latest.isoformat()}{where}. A checked date means someone "
            "read the source that day and found the page still agrees with it, so the page cannot have "
            f"been reviewed earlier. Read the whole page against its sources and set last_reviewed to "
            f"{latest.isoformat()} or later; or, if no one read that source on {latest.isoformat()}, "
            "remove its 'checked:' line",
        )
    ]


def _checked_line(nodes, index: int) -> int | None:
    """The line of sources[index].checked in the page (the block starts on the page's line 2)."""
    if not isinstance(nodes, yaml.MappingNode):
        return None
    for key, value in nodes.value:
        if key.value == "sources" and isinstance(value, yaml.SequenceNode) and index < len(value.value):
            entry = value.value[index]
            if isinstance(entry, yaml.MappingNode):
                for field_key, _ in entry.value:
                    if field_key.value == "checked":
                        return field_key.start_mark.line + 2
    return None


def control_character_problems(body: str, first_line: int, shown_as: str) -> list[DataProblem]:
    """One problem for each line of a page's text holding a character no editor means to type
    (a control character, DEL, a pasted line or paragraph separator): in the page it would be
    invisible, and a calendar or a Word document built from it could refuse it."""
    problems = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        bad = CONTROL_CHARACTERS.search(line)
        if bad:
            problems.append(DataProblem(shown_as, number, "", f"this line holds {describe_character(bad.group())}"))
    return problems


def unsafe_front_matter(text: str, shown_as: str) -> list[DataProblem]:
    """Only the YAML pass's refusals (anchors, aliases, deep nesting, control characters...):
    front matter MkDocs must never read, even in `make check`'s build, which leaves the other
    front matter problems to the check itself."""
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return []
    try:
        check_yaml_events(match.group(1))
    except UnsafeYAML as error:
        return unsafe_yaml_problems(error, shown_as, first_line=2)
    except yaml.YAMLError:
        return []  # MkDocs reads it as no front matter; the check reports it
    return []


def _page_problem(problem: DataProblem, raw: dict, result: PageCheck) -> DataProblem:
    """Adjust a data-file problem for a page: lines count from the page's first line."""
    line = (problem.line + 1) if problem.line else 1
    message = problem.message
    where = problem.where
    unknown = re.match(r"'([^']+)' is not a field we know", message)
    if unknown and unknown.group(1) in raw:
        key = unknown.group(1)
        guess = difflib.get_close_matches(key, ALLOWED_KEYS, n=1)
        did_you_mean = f" Did you mean '{guess[0]}'?" if guess else ""
        message = (
            f"'{key}' is not a front matter key we know.{did_you_mean} Check its spelling or "
            f"remove it. The keys allowed are: {', '.join(ALLOWED_KEYS)}."
        )
        where = ""
        line = result.line_of(key)
    elif message.startswith("this required field is missing") and re.fullmatch(r"field '[^']+'", problem.where):
        missing = problem.where.removeprefix("field '").removesuffix("'")
        message = f"the page has no '{missing}'. {_HOW_TO_ADD.get(missing, 'Add it.')}"
        where = ""
        line = 1
    elif not where:
        line = 1  # a rule across fields: point at the start of the front matter
    return DataProblem(problem.file, line, where, message)


_HOW_TO_ADD = {
    "owner": "Add 'owner:' with the team or inbox that keeps this page current, for example "
    "'owner: Primary Care Training Hub (team@nhs.net)'",
    "last_reviewed": "Add 'last_reviewed: YYYY-MM-DD', the date someone last checked the page is right",
    "description": "Add 'description:' with one sentence saying what the page tells the reader "
    "(search engines and link previews show it)",
}


def read_page(path: Path, shown_as: str) -> str:
    """A page's text as MkDocs reads it (UTF-8, a byte-order mark allowed), or DataFileError
    naming the file and the line that is not UTF-8."""
    return decode_text(path.read_bytes(), shown_as)


def check_page_file(path: Path, shown_as: str, today: date | None = None) -> PageCheck:
    try:
        text = read_page(path, shown_as)
    except DataFileError as error:
        return PageCheck(shown_as, problems=list(error.problems))
    return check_page_text(text, shown_as, today)


def content_pages(docs_dir: Path) -> list[Path]:
    """Every Markdown page under docs/, sorted, as MkDocs would build them (x.markdown too)."""
    return sorted(
        path
        for path in docs_dir.rglob("*")
        if path.name.endswith(markdown_extensions)
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    )


def page_title(check: PageCheck, fallback: str) -> str:
    """The title MkDocs shows: front matter, else the first level-1 heading, else `fallback`."""
    if check.meta is not None and check.meta.title:
        return check.meta.title
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", check.body, re.M)
    return heading.group(1) if heading else fallback
