"""Which line a YAML mistake is on, and what to do about it, in an editor's words.

PyYAML reports two places: `context_mark`, where the thing it was reading began (the
opening quote, the opening bracket, the key with no colon), and `problem_mark`, where it
gave up (for an unclosed quote, the end of the file). The editor's mistake is at the first
for things that open and never close, and at the second for lines that do not line up.

Some mistakes make PyYAML read on, without complaint, into the lines after them, and give up
only there. The text shows them: the value read just before it gave up runs over several
lines and ends on the line where it gave up (`_runaway_value`).

1. A quote that is never closed, with another quote further down the file: the quoted text
   runs on to that quote, and PyYAML gives up on what follows it, many lines below.
2. A name with no colon (a menu section, a front matter key) followed by more lines: the
   name and those lines are read as one text, until a line with ': ' in it.
3. A line indented further than the one above it: it is read as more of the text above,
   until its own ': '.
"""

from __future__ import annotations

import re

import yaml

# (words in PyYAML's context, use the context's line?, what to tell the editor)
_KINDS = (
    ("quoted scalar", True,
     "a quote opened on this line is never closed. Add the closing quote (\" or ') at the end of the text, "
     "or remove the opening one"),
    ("simple key", True,
     "this line has no colon after its name. Write 'name: value', with a space after the colon"),
    ("flow sequence", True, "a '[' opened on this line is never closed. Add the ']' or remove the '['"),
    ("flow mapping", True, "a '{' opened on this line is never closed. Add the '}' or remove the '{'"),
    ("block scalar", True, "the text block that starts on this line is not indented under its name"),
    ("block collection", False,
     "this line does not line up with the list above it. A list item starts with '- ' at the same "
     "indentation as the items before it (a dash may be missing, or the line is indented too little)"),
    ("block mapping", False,
     "this line does not line up with the lines above it. Indent it with spaces to the same column as "
     "the entries it belongs with (or add the '- ' that starts a list item)"),
)  # fmt: skip

UNCLOSED_QUOTE = _KINDS[0][2]
NO_COLON = _KINDS[1][2]
INDENTED_TOO_FAR = (
    "this line is indented further than the line above it, so YAML reads it as more of the text above. "
    "Indent it with spaces to the same column as the entries it belongs with"
)


def no_colon_after(name: str, written: str) -> str:
    """A name with lines under it but no colon (a menu section, a front matter key)."""
    return (
        f"this line has no colon after '{name}', so YAML reads the lines under it as part of that name. "
        f"Add the colon: '{written}:'"
    )


# Nothing but indentation and list dashes before a value: it is in a name's place.
_NAME_PLACE = re.compile(r"^[ ]*(?:-[ ]+)*$")
# A line that starts like 'name:' (after indentation and any dash), and nothing else before the colon.
_STARTS_WITH_NAME = re.compile(r"^[ ]*(?:-[ ]+)?[A-Za-z_][\w-]*:(?:[ ]|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _tokens_before(text: str, line: int, column: int) -> list[yaml.Token]:
    """The tokens PyYAML's scanner read before (line, column), both counted from 0."""
    try:
        scanner = yaml.SafeLoader(text)  # scanning only: nothing is built
    except yaml.YAMLError:  # a character PyYAML's reader refuses: no tokens to read
        return []
    tokens: list[yaml.Token] = []
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if (token.start_mark.line, token.start_mark.column) >= (line, column):
                break
            tokens.append(token)
    except yaml.YAMLError:
        # Tokens scanned but not yet handed out when the scanner gave up.
        tokens += [t for t in scanner.tokens if (t.start_mark.line, t.start_mark.column) < (line, column)]
    finally:
        scanner.dispose()
    return tokens


def _runaway_value(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str] | None:
    """(line from 1, advice) when the value read just before PyYAML gave up ran over several
    lines into the line where it gave up (the three mistakes in the module's docstring)."""
    mark = error.problem_mark
    if mark is None or not text:
        return None
    tokens = _tokens_before(text, mark.line, mark.column)
    scalar = tokens[-1] if tokens else None
    if not isinstance(scalar, yaml.ScalarToken):
        return None
    first, last = scalar.start_mark.line, scalar.end_mark.line
    if first == last or last != mark.line:
        return None
    lines = text.split("\n")
    following = lines[first + 1 : last + 1]
    if scalar.style in ('"', "'"):
        # Closed only by a quote lines below, after taking in lines of names or list items.
        swallowed = any(_STARTS_WITH_NAME.match(line) or line.lstrip(" ").startswith("- ") for line in following)
        return (first + 1, UNCLOSED_QUOTE) if swallowed else None
    if scalar.style is not None:
        return None  # a block scalar (| or >): PyYAML's own context says where it starts
    opening = lines[first]
    in_name_place = bool(_NAME_PLACE.match(opening[: scalar.start_mark.column]))
    if in_name_place:
        if following and following[0].lstrip(" ").startswith("- "):
            name = opening.lstrip(" -").rstrip()
            return first + 1, no_colon_after(name, opening.strip())
        if _indent(lines[last]) <= _indent(opening):
            return first + 1, NO_COLON
    if _STARTS_WITH_NAME.match(lines[last]) and _indent(lines[last]) > _indent(lines[last - 1]):
        return last + 1, INDENTED_TOO_FAR
    return None


def yaml_error_line(error: yaml.MarkedYAMLError, text: str = "") -> int | None:
    """The line (from 1) where the mistake starts, as the editor sees `text`, the YAML read."""
    runaway = _runaway_value(error, text)
    if runaway is not None:
        return runaway[0]
    for words, use_context, _advice in _KINDS:
        if words in (error.context or "") and use_context and error.context_mark is not None:
            return error.context_mark.line + 1
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark else None


def yaml_error_advice(error: yaml.MarkedYAMLError, text: str = "") -> str:
    """What is wrong and how to fix it, in one sentence or two."""
    runaway = _runaway_value(error, text)
    if runaway is not None:
        return runaway[1]
    problem = error.problem or ""
    if "'\\t'" in problem:
        return "this line starts with a tab character. Indent with spaces instead"
    if "cannot start any token" in problem:
        return (
            "this line holds a tab character or starts its value with a character YAML keeps for "
            "itself (@ or `). Indent with spaces, and put a value starting with @ or ` in quotes"
        )
    if "mapping values are not allowed" in problem:
        return (
            "YAML cannot read the ': ' on this line. If the line is an entry of a list or menu, it may "
            "have lost its '- ' (a dash may be missing); otherwise put text containing a colon in quotes, "
            'for example title: "Recruiting: an OT"'
        )
    if "anchor" in problem or "alias" in problem:
        return f"{problem}. Remove the '&' or '*' at the start of the value, or put the value in quotes"
    for words, _use_context, advice in _KINDS:
        if words in (error.context or ""):
            return advice
    return (
        f"{problem or 'the YAML could not be read'}. Check the indentation and that text "
        "containing a colon is in quotes"
    )
