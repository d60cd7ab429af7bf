"""Load the YAML files editors write and validate them with typed models.

Training-hub staff edit these files by hand. When one is wrong the build must stop
with a message that names the file, the line, the entry and the field, and says how
to fix it. Every data file goes through `load_data_file`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from . import yaml_errors
from .problems import DataFileError, DataProblem, describe_location, describe_path, describe_validation_error, line_of

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


# ---------------------------------------------------------------------------
# YAML that cannot hurt (issue 19). Before anything is built from an editor's YAML, one
# pass over libyaml's event stream (iterative, so it cannot overflow the stack) refuses:
# anchors and aliases (PyYAML expands aliases while it builds objects: a few hundred bytes
# could become gigabytes), nesting deeper than any data file needs (the composer recurses
# and crashes on 20,000 nested '['), .nan and .inf (they would reach search_index.json as
# NaN), and characters no editor means to type (control characters, DEL, C1 controls and
# Unicode line and paragraph separators), whether typed raw or as a "\x01" escape.
# ---------------------------------------------------------------------------

# Deeper than any data file or front matter needs (the deepest here is about 6).
MAX_DEPTH = 40
# A value quoted in a message is cut to this many characters.
MAX_SHOWN = 200
# A file with more problems than this is reported with its first ones.
MAX_PROBLEMS = 20

# C0 controls other than tab, line feed and carriage return; DEL; C1 controls (NEL
# included); the Unicode line and paragraph separators; the two non-characters U+FFFE/FFFF.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# Raw control characters are swapped for private-use stand-ins (plane 15) so libyaml's reader
# accepts the text and the event pass can name the entry and field that holds each one.
_STAND_IN = 0xF0000
_STAND_INS = re.compile("[\U000f0000-\U000f009f\U000f2028\U000f2029\U000ffffe\U000fffff]")
_NON_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` cut to `limit` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit} more characters)"


def describe_character(char: str) -> str:
    """What a refused character is and what to do about it, in an editor's words."""
    code = f"U+{ord(char):04X}"
    if char in "\x0b\x0c\x85\u2028\u2029":
        return (
            f"a line break pasted from Word or a web page ({code}): delete it and type a space "
            "(for a new paragraph, where the field allows one, press Enter)"
        )
    if char == "\x7f":
        return (
            f"an invisible delete character ({code}), often pasted with text: delete it and retype the word around it"
        )
    if char in "\ufffe\uffff":
        return f"a character that is not text ({code}): delete it and retype the word around it"
    return (
        f"an invisible control character ({code}), often pasted from another program: "
        "delete it and retype the word around it"
    )


@dataclass(frozen=True)
class UnsafeYAMLItem:
    line: int  # 1-based, in the text given
    loc: tuple  # keys and list positions to the value at fault, () for the file itself
    message: str


class UnsafeYAML(Exception):
    """What the event pass refused, each item with its line and where it is."""

    def __init__(self, items: list[UnsafeYAMLItem]):
        self.items = items
        super().__init__("; ".join(f"line {i.line}: {i.message}" for i in items))


def _with_stand_ins(text: str) -> str:
    return CONTROL_CHARACTERS.sub(lambda m: chr(_STAND_IN + ord(m.group()) % 0x10000), text)


def _original(text: str) -> str:
    return _STAND_INS.sub(lambda m: chr(ord(m.group()) - _STAND_IN), text)


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_yaml_events(text: str) -> None:
    """Refuse anchors, aliases, deep nesting, .nan/.inf and control characters in `text`,
    before anything is built from it. Raises UnsafeYAML; yaml.YAMLError if it is not YAML."""
    items: list[UnsafeYAMLItem] = []
    raw_controls = [m.start() for m in CONTROL_CHARACTERS.finditer(text)]
    parser = _FastUniqueKeyLoader(_with_stand_ins(text) if raw_controls else text)
    reported: set[int] = set()
    # One frame per open mapping or sequence: [kind, path, next index, expecting a key, key]
    stack: list[list] = []

    def path_of_next() -> tuple:
        if not stack:
            return ()
        frame = stack[-1]
        if frame[0] == "seq":
            frame[2] += 1
            return (*frame[1], frame[2] - 1)
        frame[3] = True
        return (*frame[1], frame[4])

    try:
        while not parser.check_event(yaml.StreamEndEvent):
            event = parser.get_event()
            line = event.start_mark.line + 1
            key_position = bool(stack) and stack[-1][0] == "map" and stack[-1][3]
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                items.append(
                    UnsafeYAMLItem(
                        line,
                        (),
                        f"'{sign}{shorten(str(event.anchor), 40)}' is a YAML anchor or alias. The hub's files do not "
                        "use them: write the value out in full where it is needed, and delete the '&' and '*' names",
                    )
                )
                if isinstance(event, yaml.AliasEvent):
                    if not key_position:
                        path_of_next()
                    else:
                        stack[-1][3], stack[-1][4] = False, None
                    continue
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if key_position:
                    stack[-1][3], stack[-1][4] = False, None  # a list or mapping used as a key
                    path = (*stack[-1][1], None)
                else:
                    path = path_of_next()
                kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                stack.append([kind, path, 0, True, None])
                if len(stack) > MAX_DEPTH:
                    items.append(
                        UnsafeYAMLItem(
                            line,
                            (),
                            f"the lists and entries here are nested more than {MAX_DEPTH} deep, far deeper than "
                            "any file of the hub needs. Check the brackets '[' '{' and the indentation",
                        )
                    )
                    break
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                value = _original(event.value) if raw_controls else event.value
                if key_position:
                    stack[-1][3], stack[-1][4] = False, value
                    loc = (*stack[-1][1], value)
                else:
                    loc = path_of_next()
                bad = CONTROL_CHARACTERS.search(value)
                if bad:
                    inside = [i for i in raw_controls if event.start_mark.index <= i < event.end_mark.index]
                    at = _line_at(text, inside[0]) if inside else line
                    reported.update(inside)
                    items.append(UnsafeYAMLItem(at, loc, f"this text holds {describe_character(bad.group())}"))
                elif event.implicit[0] and event.tag is None and _NON_FINITE.fullmatch(event.value):
                    items.append(
                        UnsafeYAMLItem(
                            line,
                            loc,
                            f"'{event.value}' is not a number the hub can use. "
                            "Write an ordinary number, such as 1 or 2.5",
                        )
                    )
            if len(items) >= MAX_PROBLEMS:
                break
    except yaml.YAMLError:
        if not raw_controls:
            raise
        # A control character that broke the YAML itself: the character is the thing to fix.
    finally:
        parser.dispose()
    # Control characters outside any value (in a comment, say): named by their line.
    for index in raw_controls:
        if index not in reported and len(items) < MAX_PROBLEMS:
            line = _line_at(text, index)
            if not any(item.line == line and not item.loc for item in items):
                items.append(UnsafeYAMLItem(line, (), f"this line holds {describe_character(text[index])}"))
    if items:
        raise UnsafeYAML(items)


def parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse YAML text once: its node tree (which knows line numbers) and the data built from
    those same nodes, with libyaml's parser where PyYAML has it. Raises UnsafeYAML (see
    check_yaml_events) or yaml.YAMLError."""
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
    return _line_at(text, position) if isinstance(position, int) else None


def yaml_error_problem(error: yaml.YAMLError, text: str = "") -> str:
    """What is wrong and what to do, in an editor's words (yaml_errors.py); `text` is the YAML read."""
    if isinstance(error, yaml.MarkedYAMLError):
        return yaml_errors.yaml_error_advice(error, text)
    return "this line holds a character that is not text: delete it and retype the words around it"


def parse_yaml_text(text: str, shown_as: str) -> tuple[Any, yaml.Node | None]:
    try:
        nodes, data = parse_yaml(text)
    except UnsafeYAML as error:
        raise DataFileError(unsafe_yaml_problems(error, shown_as)) from None
    except yaml.YAMLError as error:
        problem = DataProblem(shown_as, yaml_error_line(error, text), "", yaml_error_problem(error, text))
        raise DataFileError([problem]) from None
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
