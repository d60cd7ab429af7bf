"""Load the YAML files editors write and validate them with typed models.

Training-hub staff edit these files by hand. When one is wrong the build must stop
with a message that names the file, the line, the entry and the field, and says how
to fix it. Every data file goes through `load_data_file`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)

# Keys that identify an entry in a list, in the order we prefer them when naming it.
IDENTIFYING_KEYS = ("id", "slug", "date", "term", "name", "title", "heading", "key", "label")


# Plural list names whose singular is not made by dropping the s.
IRREGULAR_SINGULARS = {"series": "series", "criteria": "criterion", "statuses": "status"}


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
        return f"{location}:{where} {self.message}"


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys: PyYAML would silently keep the last one."""


def _construct_mapping_without_duplicates(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the key '{key}' appears twice in the same entry (first on line {seen[key]}); "
                "keep one and delete the other",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_without_duplicates
)
# Dates stay text until the model reads them: PyYAML would otherwise crash on an
# impossible date such as 2026-02-30 without saying where it is.
_UniqueKeyLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


if getattr(yaml, "__with_libyaml__", False):
    # libyaml's parser (C) with the same safe, duplicate-refusing constructor and resolvers:
    # large data files load several times faster.
    from yaml.cyaml import CParser

    class _FastUniqueKeyLoader(CParser, _UniqueKeyLoader):  # type: ignore[misc]
        def __init__(self, stream):
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    _FastUniqueKeyLoader = _UniqueKeyLoader


def parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse YAML text once: its node tree (which knows line numbers) and the data built from
    those same nodes, with libyaml's parser where PyYAML has it. Raises yaml.MarkedYAMLError."""
    loader = _FastUniqueKeyLoader(text)
    try:
        nodes = loader.get_single_node()
        data = loader.construct_document(nodes) if nodes is not None else None
    finally:
        loader.dispose()
    return nodes, data


def read_yaml(path: Path, shown_as: str | None = None) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file, returning the data and its node tree (which knows line numbers)."""
    shown_as = shown_as or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(
            [DataProblem(shown_as, None, "", "the file is missing; restore it from the repository")]
        ) from None
    try:
        nodes, data = parse_yaml(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or "the YAML could not be read"
        raise DataFileError(
            [
                DataProblem(
                    shown_as,
                    line,
                    "",
                    f"{problem}. Check the indentation and that text containing a colon "
                    "is in quotes",
                )
            ]
        ) from None
    return data, nodes


# A cross-reference check run after the model validated: it returns (location, message)
# pairs, the location being the path of keys and list positions to the field at fault,
# such as ("routes", 2, "next_steps"), so the problem is reported with its line and entry.
CrossCheck = Callable[[Any], list[tuple[tuple, str]]]


def load_data_file(
    path: Path, model: type[Model], shown_as: str | None = None, checks: Sequence[CrossCheck] = ()
) -> Model:
    """Read a YAML data file and validate it against `model`, or raise DataFileError.

    `checks` run on the validated model for rules that span entries (an id used in one
    list must exist in another); their problems are reported like the model's own.
    """
    shown_as = shown_as or str(path)
    data, nodes = read_yaml(path, shown_as)
    if data is None:
        raise DataFileError([DataProblem(shown_as, None, "", "the file is empty")])
    try:
        validated = model.model_validate(data)
    except ValidationError as error:
        raise DataFileError(describe_validation_error(error, data, nodes, model, shown_as)) from None
    problems = [
        DataProblem(shown_as, line_of(nodes, loc), describe_location(data, loc), message)
        for check in checks
        for loc, message in check(validated)
    ]
    if problems:
        raise DataFileError(problems)
    return validated


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


def _name_entry(list_key: Any, index: int, entry: Any) -> str:
    noun = _singular(str(list_key)) if list_key else "entry"
    if isinstance(entry, dict):
        for key in IDENTIFYING_KEYS:
            value = entry.get(key)
            if hasattr(value, "isoformat"):
                return f"{noun} {index + 1} ({key} {value.isoformat()})"
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                return f"{noun} {index + 1} ({key} '{value}')"
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
    if kind == "missing":
        return f"this required field is missing. Add '{field}:' with a value."
    if kind in ("value_error", "assertion_error"):
        message = str(item.get("ctx", {}).get("error") or item["msg"])
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "literal_error":
        return f"{item['msg'].replace('Input should be', 'write one of')}; you wrote {item['input']!r}."
    if kind.startswith("date"):
        return (
            f"{item['input']!r} is not a real date. Write it as YYYY-MM-DD, for example 2026-03-29, "
            "and check the day exists in that month."
        )
    if kind in ("string_type", "string_too_short"):
        return f"{item['msg']}; you wrote {item['input']!r}. Write some text here (put it in quotes if unsure)."
    if kind in ("bool_parsing", "bool_type"):
        return f"write true or false here (without quotes); you wrote {item['input']!r}."
    if kind in ("int_parsing", "int_type", "float_parsing", "float_type"):
        return f"write a number here, such as 3; you wrote {item['input']!r}."
    if kind in ("list_type", "dict_type", "model_type"):
        return f"{item['msg']}. Check the indentation and the dashes that start list items."
    return f"{item['msg']}; you wrote {item['input']!r}."


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
        elif str(origin) in ("typing.Annotated",) and args:
            annotation = args[0]
        else:
            return annotation


# ---------------------------------------------------------------------------
# The registry of data files: every file in data/ has exactly one loader.
# Each concern registers its own in macros/__init__.py, for example
#     datafiles.register_loader("glossary.yaml", glossary.load_glossary)
# The check command (macros/check.py) loads every file in data/ through it, and
# reports a file that no loader reads: an editor's new file would otherwise be ignored.
# ---------------------------------------------------------------------------

Loader = Callable[[Path, str], Any]  # (path, shown_as) -> the validated data

DATA_LOADERS: dict[str, Loader] = {}


def register_loader(name: str, loader: Loader) -> None:
    """Say which function validates data/<name> (a path relative to data/, like "events.yaml")."""
    existing = DATA_LOADERS.get(name)
    if existing is not None and existing is not loader:
        raise ValueError(f"two loaders are registered for data/{name}")
    DATA_LOADERS[name] = loader


def data_files(data_dir: Path) -> list[Path]:
    """Every file an editor may have put in data/ (hidden files aside), sorted."""
    if not data_dir.is_dir():
        return []
    return sorted(
        path
        for path in data_dir.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(data_dir).parts)
    )


def check_data_files(data_dir: Path, shown_prefix: str = "data") -> list[DataProblem]:
    """Load every file in data/ with its registered loader; return every problem found."""
    problems: list[DataProblem] = []
    found = set()
    for path in data_files(data_dir):
        name = path.relative_to(data_dir).as_posix()
        found.add(name)
        shown = f"{shown_prefix}/{name}"
        loader = DATA_LOADERS.get(name)
        if loader is None:
            known = ", ".join(f"{shown_prefix}/{n}" for n in sorted(DATA_LOADERS)) or "none"
            guess = difflib.get_close_matches(name, list(DATA_LOADERS), n=1)
            hint = (
                f"If you meant {shown_prefix}/{guess[0]}, rename the file. "
                if guess
                else "If it is new, a developer must add the code that reads it; otherwise delete it. "
            )
            problems.append(
                DataProblem(
                    shown,
                    1,
                    "",
                    f"no part of the hub reads this file, so nothing in it would appear on the site. "
                    f"{hint}The data files the hub reads are: {known}",
                )
            )
            continue
        try:
            loader(path, shown)
        except DataFileError as error:
            problems.extend(error.problems)
    for name in sorted(set(DATA_LOADERS) - found):
        problems.append(
            DataProblem(
                f"{shown_prefix}/{name}",
                None,
                "",
                "the file is missing; restore it from the repository",
            )
        )
    return problems
