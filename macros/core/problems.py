"""What is wrong in a data file or front matter, in words an editor can act on: the file,
the line, the entry and the field, and how to fix it.

pydantic's errors name a path of keys and list positions; these functions turn that path
into a line (from the YAML node tree) and into words ("series 'rcot-drop-in', session 2
(date 2023-10-19), field 'end'"), and the error into advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

# Keys that identify an entry in a list, in the order we prefer them when naming it.
IDENTIFYING_KEYS = ("id", "slug", "date", "term", "name", "title", "heading", "key", "label")


# Plural list names whose singular is not made by dropping the s.
IRREGULAR_SINGULARS = {"series": "series", "criteria": "criterion", "statuses": "status"}


# Line breaks of every kind. A problem is printed on one line: an editor's text carrying a
# line break must not start a line of its own (GitHub reads a line starting '::' as a command).
_LINE_BREAKS = str.maketrans({"\r": "\\r", "\n": "\\n", "\v": "\\v", "\f": "\\f",
                              "\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"})  # fmt: skip


def one_line(text: str) -> str:
    """`text` with its line breaks written as \\n (as Python writes them), so it prints on one line."""
    return text.translate(_LINE_BREAKS)


class DataFileError(Exception):
    """One or more problems in a data file, each on its own line as `file:line: message`."""

    def __init__(self, problems: list[DataProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class DataProblem:
    file: str
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        location = f"{self.file}:{self.line}" if self.line else self.file
        where = f" {self.where}:" if self.where else ""
        return one_line(f"{location}:{where} {self.message}")


def describe_validation_error(
    error: ValidationError, data: Any, nodes: yaml.Node | None, model: type[BaseModel], shown_as: str
) -> list[DataProblem]:
    """Turn pydantic's errors into problems an editor can act on."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        problems.append(
            DataProblem(
                file=shown_as,
                line=line_of(nodes, loc),
                where=describe_location(data, loc),
                message=explain(item, model, loc),
            )
        )
    return problems


def describe_location(data: Any, loc: tuple) -> str:
    """Name the entry and field in words: "series 'rcot-drop-in', session 2023-10-19, field 'end'"."""
    parts = []
    current = data
    parent_key = None
    for position, step in enumerate(loc):
        if isinstance(step, int) and isinstance(current, list):
            entry = current[step] if step < len(current) else None
            parts.append(_name_entry(parent_key, step, entry))
            current = entry
        elif isinstance(current, dict) and step in current:
            parent_key = step
            current = current[step]
            # A list of entries is named by its entries ("series 2"), unless the problem
            # is with the list itself (empty, say): then name the field.
            if not isinstance(current, list) or position == len(loc) - 1:
                parts.append(f"field '{step}'")
        else:
            # pydantic adds steps of its own (model-level checks, tagged unions);
            # name only the keys the editor wrote.
            if isinstance(step, str) and not step.startswith(("function-", "model-")) and isinstance(current, dict):
                parts.append(f"field '{step}'")
            current = None
    return ", ".join(parts)


def describe_path(loc: tuple) -> str:
    """Name the entry and field from the path alone, before any data is built: "series 2, field 'title'"."""
    parts = []
    for position, step in enumerate(loc):
        if isinstance(step, int):
            parent = loc[position - 1] if position and isinstance(loc[position - 1], str) else None
            parts.append(f"{_singular(parent) if parent else 'entry'} {step + 1}")
        elif step is not None and not (position + 1 < len(loc) and isinstance(loc[position + 1], int)):
            parts.append(f"field '{_cut(str(step), 60)}'")
    return ", ".join(parts)


def _cut(text: str, limit: int = 200) -> str:
    """Editors' text quoted in a message, cut to `limit` characters."""
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text) - limit} more characters)"


def _shown_input(value: Any) -> str:
    return _cut(repr(value))


def _name_entry(list_key: Any, index: int, entry: Any) -> str:
    noun = _singular(str(list_key)) if list_key else "entry"
    if isinstance(entry, dict):
        for key in IDENTIFYING_KEYS:
            value = entry.get(key)
            if hasattr(value, "isoformat"):
                return f"{noun} {index + 1} ({key} {value.isoformat()})"
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                return f"{noun} {index + 1} ({key} '{_cut(str(value), 60)}')"
    return f"{noun} {index + 1}"


def _singular(word: str) -> str:
    word = word.replace("_", " ")
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def line_of(nodes: yaml.Node | None, loc: tuple) -> int | None:
    """The line (1-based) of the deepest part of `loc` found in the YAML node tree."""
    if nodes is None:
        return None
    node = nodes
    line = node.start_mark.line + 1
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    line = key_node.start_mark.line + 1
                    node = value_node
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def explain(item: dict, model: type[BaseModel], loc: tuple) -> str:
    """Say what is wrong and how to fix it, in plain words."""
    kind = item["type"]
    field = next((step for step in reversed(loc) if isinstance(step, str)), "")
    if kind == "extra_forbidden":
        allowed = allowed_fields(model, loc[:-1])
        hint = f" The fields allowed here are: {', '.join(allowed)}." if allowed else ""
        return f"'{field}' is not a field we know. Check its spelling or remove it.{hint}"
    if kind == "missing" and field == "checked":
        return (
            "this required field is missing. Read the source again, and if it still says what the page "
            "says, add 'checked: YYYY-MM-DD' with today's date."
        )
    if kind == "missing":
        return f"this required field is missing. Add '{field}:' with a value."
    if kind in ("value_error", "assertion_error"):
        message = str(item.get("ctx", {}).get("error") or item["msg"])
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "literal_error":
        return f"{item['msg'].replace('Input should be', 'write one of')}; you wrote {_shown_input(item['input'])}."
    if kind.startswith("date"):
        return (
            f"{_shown_input(item['input'])} is not a real date. Write it as YYYY-MM-DD, for example 2026-03-29, "
            "and check the day exists in that month."
        )
    if kind in ("string_type", "string_too_short"):
        return (
            f"{item['msg']}; you wrote {_shown_input(item['input'])}. "
            "Write some text here (put it in quotes if unsure)."
        )
    if kind in ("bool_parsing", "bool_type"):
        return f"write true or false here (without quotes); you wrote {_shown_input(item['input'])}."
    if kind in ("int_parsing", "int_type", "float_parsing", "float_type"):
        return f"write a number here, such as 3; you wrote {_shown_input(item['input'])}."
    if kind in ("list_type", "dict_type", "model_type"):
        return f"{item['msg']}. Check the indentation and the dashes that start list items."
    return f"{item['msg']}; you wrote {_shown_input(item['input'])}."


def allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names of the model found by following `loc` from `model`."""
    current: Any = model
    for step in loc:
        current = _unwrap(current)
        if isinstance(step, int):
            args = get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and step in current.model_fields:
            current = current.model_fields[step].annotation
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] so we can see the model inside."""
    while True:
        origin = get_origin(annotation)
        args = [a for a in get_args(annotation) if a is not type(None)]
        if origin is not None and origin not in (list, dict, tuple) and len(args) == 1:
            annotation = args[0]
        elif origin is Annotated and args:
            annotation = args[0]
        else:
            return annotation
