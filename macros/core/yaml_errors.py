"""Which line a YAML mistake is on, and what to do about it, in an editor's words.

PyYAML reports two places: `context_mark`, where the thing it was reading began (the
opening quote, the opening bracket, the key with no colon), and `problem_mark`, where it
gave up (for an unclosed quote, the end of the file). The editor's mistake is at the first
for things that open and never close, and at the second for lines that do not line up.
"""

from __future__ import annotations

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


def yaml_error_line(error: yaml.MarkedYAMLError) -> int | None:
    """The line (from 1) where the mistake starts, as the editor sees the file."""
    for words, use_context, _advice in _KINDS:
        if words in (error.context or "") and use_context and error.context_mark is not None:
            return error.context_mark.line + 1
    mark = error.problem_mark or error.context_mark
    return mark.line + 1 if mark else None


def yaml_error_advice(error: yaml.MarkedYAMLError) -> str:
    """What is wrong and how to fix it, in one sentence or two."""
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
