"""YAML that cannot hurt: one pass over the parser's events refuses what an editor's file
must not hold, before anything is built from it (issues 19 and 28).

The pass reads libyaml's event stream iteratively, so it cannot overflow the stack, and
builds no Python object. It refuses:

- anchors and aliases: PyYAML expands aliases while it builds objects, so a few hundred
  bytes could become gigabytes;
- nesting deeper than any data file or front matter needs (the composer recurses, and
  20,000 nested '[' crash it);
- a list or a mapping used as a key (`? [a, b]: x`, `[a]: x`): keys are words;
- a number with more digits than any figure needs (Python's int() of a very long number
  is slow, and an editor never means one);
- .nan and .inf, which would reach search_index.json as NaN;
- characters no editor means to type (control characters, DEL, C1 controls and Unicode
  line and paragraph separators), whether typed raw or as a "\x01" escape.

Data files (core/yaml_reading.py) and page front matter (editorial/frontmatter.py) both
go through `check_yaml_events`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

# libyaml's parser (C) where PyYAML has it; the events are the same either way.
if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser as _EventParser
else:  # pragma: no cover - PyYAML built without libyaml
    _EventParser = yaml.SafeLoader

# Deeper than any data file or front matter needs (the deepest here is about 6).
MAX_DEPTH = 20
# More digits than any figure in the hub's files needs (pay is 5 or 6).
MAX_DIGITS = 30
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
# What YAML reads a plain (unquoted) value as: the rules PyYAML's SafeLoader follows, asked as its
# composer asks them (with the event's own implicit flags).
_RESOLVER = yaml.resolver.Resolver()
_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


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


@dataclass
class _Open:
    """A mapping or list the event pass is inside, and where its next value goes."""

    is_mapping: bool
    path: tuple  # keys and list positions from the top of the file to it
    next_index: int = 0  # a list: the position of its next item
    expecting_key: bool = True  # a mapping: the next value is a key
    key: object = field(default=None)  # a mapping: the key whose value comes next

    def took_key(self, key: object) -> None:
        self.expecting_key, self.key = False, key

    def next_value_path(self) -> tuple:
        """The path of the value that comes next (a list item, or the value of the last key)."""
        if not self.is_mapping:
            self.next_index += 1
            return (*self.path, self.next_index - 1)
        self.expecting_key = True
        return (*self.path, self.key)


def _with_stand_ins(text: str) -> str:
    return CONTROL_CHARACTERS.sub(lambda m: chr(_STAND_IN + ord(m.group()) % 0x10000), text)


def _original(text: str) -> str:
    return _STAND_INS.sub(lambda m: chr(ord(m.group()) - _STAND_IN), text)


def line_at(text: str, index: int) -> int:
    """The 1-based line of the character at `index` in `text`."""
    return text.count("\n", 0, index) + 1


def _anchor_message(event: yaml.Event) -> str:
    sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
    return (
        f"'{sign}{shorten(str(event.anchor), 40)}' is a YAML anchor or alias. The hub's files do not "
        "use them: write the value out in full where it is needed, and delete the '&' and '*' names"
    )


_TOO_DEEP = (
    f"the lists and entries here are nested more than {MAX_DEPTH} deep, far deeper than "
    "any file of the hub needs. Check the brackets '[' '{' and the indentation"
)
_KEY_NOT_TEXT = (
    "a list or an entry is used as a key here, and a key must be a word (such as 'title:'). "
    "Check the brackets '[' '{', a '?' at the start of the line and the indentation"
)


def _scalar_problem(event: yaml.ScalarEvent, value: str) -> str | None:
    """What is wrong with a value, or None. (Control characters are found by the caller.)"""
    if not (event.implicit[0] and event.tag is None):  # quoted or tagged: text, not a number
        return None
    if _NON_FINITE.fullmatch(value):
        return f"'{value}' is not a number the hub can use. Write an ordinary number, such as 1 or 2.5"
    digits = sum(character.isdigit() for character in value)
    if digits > MAX_DIGITS and _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit) in _NUMBERS:
        return (
            f"'{shorten(value, 40)}' is a number of {digits} digits, more than any figure needs "
            f"(at most {MAX_DIGITS}). Check it; if it is text, put it in double quotes"
        )
    return None


def check_yaml_events(text: str) -> None:
    """Refuse anchors, aliases, deep nesting, lists or mappings as keys, numbers of too many
    digits, .nan/.inf and control characters in `text`, before anything is built from it.
    Raises UnsafeYAML; yaml.YAMLError if it is not YAML."""
    items: list[UnsafeYAMLItem] = []
    raw_controls = [m.start() for m in CONTROL_CHARACTERS.finditer(text)]
    parser = _EventParser(_with_stand_ins(text) if raw_controls else text)
    reported: set[int] = set()
    stack: list[_Open] = []
    try:
        while not parser.check_event(yaml.StreamEndEvent):
            event = parser.get_event()
            line = event.start_mark.line + 1
            inside = stack[-1] if stack else None
            as_key = inside is not None and inside.is_mapping and inside.expecting_key
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                items.append(UnsafeYAMLItem(line, (), _anchor_message(event)))
                if isinstance(event, yaml.AliasEvent):
                    if as_key:
                        inside.took_key(None)
                    elif inside is not None:
                        inside.next_value_path()
                    continue
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if as_key:
                    inside.took_key(None)
                    items.append(UnsafeYAMLItem(line, inside.path, _KEY_NOT_TEXT))
                    path = (*inside.path, None)
                else:
                    path = inside.next_value_path() if inside is not None else ()
                stack.append(_Open(isinstance(event, yaml.MappingStartEvent), path))
                if len(stack) > MAX_DEPTH:
                    items.append(UnsafeYAMLItem(line, (), _TOO_DEEP))
                    break
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                value = _original(event.value) if raw_controls else event.value
                if as_key:
                    inside.took_key(value)
                    loc = (*inside.path, value)
                else:
                    loc = inside.next_value_path() if inside is not None else ()
                bad = CONTROL_CHARACTERS.search(value)
                if bad:
                    within = [i for i in raw_controls if event.start_mark.index <= i < event.end_mark.index]
                    reported.update(within)
                    at = line_at(text, within[0]) if within else line
                    items.append(UnsafeYAMLItem(at, loc, f"this text holds {describe_character(bad.group())}"))
                else:
                    problem = _scalar_problem(event, value)
                    if problem is not None:
                        items.append(UnsafeYAMLItem(line, loc, problem))
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
            line = line_at(text, index)
            if not any(item.line == line and not item.loc for item in items):
                items.append(UnsafeYAMLItem(line, (), f"this line holds {describe_character(text[index])}"))
    if items:
        raise UnsafeYAML(items)
