"""Load the YAML files editors write and validate them with typed models.

Training-hub staff edit these files by hand. When one is wrong the build must stop
with a message that names the file, the line, the entry and the field, and says how
to fix it. Every data file goes through `load_data_file`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .problems import DataFileError, DataProblem, describe_location, describe_validation_error, line_of
from .yaml_errors import yaml_error_advice, yaml_error_line

Model = TypeVar("Model", bound=BaseModel)


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


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_without_duplicates)
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


def read_bytes(path: Path, shown_as: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(
            [DataProblem(shown_as, None, "", "the file is missing; restore it from the repository")]
        ) from None


def decode_text(content: bytes, shown_as: str) -> str:
    """The file's text: UTF-8, with or without a byte-order mark, or a message saying where
    it is not and what to do."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise DataFileError(
            [
                DataProblem(
                    shown_as,
                    line,
                    "",
                    "this file is not saved as UTF-8 (a character on this line cannot be read). "
                    "Save it again with the encoding set to UTF-8 in your editor",
                )
            ]
        ) from None


def read_yaml(path: Path, shown_as: str | None = None) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file, returning the data and its node tree (which knows line numbers)."""
    shown_as = shown_as or str(path)
    return parse_yaml_text(decode_text(read_bytes(path, shown_as), shown_as), shown_as)


def parse_yaml_text(text: str, shown_as: str) -> tuple[Any, yaml.Node | None]:
    try:
        nodes, data = parse_yaml(text)
    except yaml.MarkedYAMLError as error:
        raise DataFileError([DataProblem(shown_as, yaml_error_line(error), "", yaml_error_advice(error))]) from None
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
    content = read_bytes(path, shown_as)
    key = (str(path.resolve()), model)
    remembered = _VALIDATED.get(key)
    if remembered is not None and remembered[0] == content and remembered[1] == (shown_as, tuple(checks)):
        return remembered[2]
    validated = _validate(content, model, shown_as, checks)
    _VALIDATED[key] = (content, (shown_as, tuple(checks)), validated)
    return validated


# The macros and the generated-files hook ask for the same data file in one build: it is
# validated once per content of the file, so `mkdocs serve` still sees an edit, and there is
# one entry a file, so a long serve session does not grow. (Checks made afresh on each call,
# such as the roadmap's page check, which depends on docs/, never match and always run.)
_VALIDATED: dict[tuple[str, type], tuple[bytes, tuple, Any]] = {}


def forget_validated() -> None:
    """Drop what load_data_file remembers (benchmarks time a first load)."""
    _VALIDATED.clear()


def _validate(content: bytes, model: type[Model], shown_as: str, checks: Sequence[CrossCheck]) -> Model:
    data, nodes = parse_yaml_text(decode_text(content, shown_as), shown_as)
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
