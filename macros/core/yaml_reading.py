"""Reading an editor's YAML file: its bytes as UTF-8 text, the text checked by the event pass
(core/yaml_safety.py), then parsed once into a node tree (which knows line numbers) and the
data built from those same nodes, with a loader that refuses duplicate keys and keeps dates
as text. Each mistake becomes a DataFileError naming the file and the line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from . import yaml_errors
from .problems import DataFileError, DataProblem, describe_path
from .yaml_safety import UnsafeYAML, check_yaml_events, line_at, shorten


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
                f"the key '{shorten(str(key), 60)}' appears twice in the same entry (first on line {seen[key]}); "
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
    """Parse YAML text: the event pass first (check_yaml_events), then one parse into its node
    tree and the data built from those same nodes. Raises UnsafeYAML or yaml.YAMLError."""
    check_yaml_events(text)
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


def unsafe_yaml_problems(error: UnsafeYAML, shown_as: str, first_line: int = 1) -> list[DataProblem]:
    """The event pass's refusals as problems; `first_line` is the file's line of the text's first line."""
    return [
        DataProblem(shown_as, item.line + first_line - 1, describe_path(item.loc), item.message) for item in error.items
    ]


def yaml_error_line(error: yaml.YAMLError, text: str) -> int | None:
    """The 1-based line of a PyYAML error in `text`: where the mistake starts (yaml_errors.py)."""
    if isinstance(error, yaml.MarkedYAMLError):
        return yaml_errors.yaml_error_line(error, text)
    position = getattr(error, "position", None)  # a ReaderError
    return line_at(text, position) if isinstance(position, int) else None


def yaml_error_problem(error: yaml.YAMLError, text: str = "") -> str:
    """What is wrong and what to do, in an editor's words (yaml_errors.py); `text` is the YAML read."""
    if isinstance(error, yaml.MarkedYAMLError):
        return yaml_errors.yaml_error_advice(error, text)
    return "this line holds a character that is not text: delete it and retype the words around it"


def parse_yaml_text(text: str, shown_as: str) -> tuple[Any, yaml.Node | None]:
    """The data and the node tree of an editor's YAML text, or a DataFileError naming the line."""
    try:
        nodes, data = parse_yaml(text)
    except UnsafeYAML as error:
        raise DataFileError(unsafe_yaml_problems(error, shown_as)) from None
    except yaml.YAMLError as error:
        problem = DataProblem(shown_as, yaml_error_line(error, text), "", yaml_error_problem(error, text))
        raise DataFileError([problem]) from None
    return data, nodes
