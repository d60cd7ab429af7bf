"""The YAML mistakes editors make, each with the line and the whole message they must see
(issue 30). One table, read by tests/unit/test_yaml_mistakes.py (the pure functions) and
tests/e2e/test_yaml_mistakes_check.py (the strict build and `make check`).

Each mistake is one edit of one line of the hub's own files, found by its shape (so editing
the content does not break the table), and the mistake is reported at the line of that edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tests.helpers import PROJECT_ROOT

UNCLOSED_QUOTE = (
    "a quote opened on this line is never closed. Add the closing quote (\" or ') at the end of the text, "
    "or remove the opening one"
)
NO_COLON = "this line has no colon after its name. Write 'name: value', with a space after the colon"
INDENTED_TOO_FAR = (
    "this line is indented further than the line above it, so YAML reads it as more of the text above. "
    "Indent it with spaces to the same column as the entries it belongs with"
)
COLON_IN_TEXT = (
    "YAML cannot read the ': ' on this line. If the line is an entry of a list or menu, it may have lost its "
    "'- ' (a dash may be missing); otherwise put text containing a colon in quotes, for example "
    'title: "Recruiting: an OT"'
)
DOES_NOT_LINE_UP = (
    "this line does not line up with the lines above it. Indent it with spaces to the same column as the "
    "entries it belongs with (or add the '- ' that starts a list item)"
)


@dataclass(frozen=True)
class Mistake:
    id: str
    file: str  # as the editor sees it, from the project's root
    line_pattern: str  # a regular expression matching a whole line of the hub's own file (its first such line)
    typed: str  # what the editor typed instead (re.sub's template: \g<name> repeats part of the line)
    message: str  # everything after "file:line: " (make check adds "error: "); {name} repeats part of the line
    after: str = ""  # look only in the block under this top-level line (such as "nav:")
    which: int = 0  # which of the matching lines: 0 the first, -1 the last

    def _match(self) -> tuple[str, re.Match, int]:
        original = (PROJECT_ROOT / self.file).read_text(encoding="utf-8")
        lines = original.split("\n")
        first, end = 0, len(lines)
        if self.after:
            first = lines.index(self.after) + 1
            end = next((n for n in range(first, len(lines)) if re.match(r"[^\s#]", lines[n])), len(lines))
        found = [(m, n) for n in range(first, end) if (m := re.fullmatch(self.line_pattern, lines[n]))]
        assert found, f"{self.id}: no line of {self.file} matches {self.line_pattern!r}"
        match, number = found[self.which]
        return original, match, number

    def text(self) -> str:
        """The file with the mistake made in it."""
        original, match, number = self._match()
        lines = original.split("\n")
        lines[number] = match.expand(self.typed)
        return "\n".join(lines)

    def line(self) -> int:
        """The line the editor changed: where the mistake is."""
        return self._match()[2] + 1

    def whole_message(self) -> str:
        return self.message.format(**self._match()[1].groupdict())

    def expected(self) -> str:
        """The whole line the build prints."""
        return f"{self.file}:{self.line()}: {self.whole_message()}"


# The hub's own files change, so each mistake finds its line by its shape, not by its words.
MISTAKES = [
    Mistake(
        "events-title-quote-never-closed",  # in the middle of the file: another value's quote closes it
        "data/events.yaml",
        r"    title: (?P<title>[^\"'].*)",
        r'    title: "\g<title>',
        UNCLOSED_QUOTE,
    ),
    Mistake(
        "events-source-quote-never-closed",  # near the end: nothing may close it
        "data/events.yaml",
        r"      title: (?P<title>[^\"'].*)",
        r"      title: '\g<title>",
        UNCLOSED_QUOTE,
    ),
    Mistake(
        "events-start-indented-too-far",
        "data/events.yaml",
        r"    start: (?P<time>.*)",
        r"        start: \g<time>",
        INDENTED_TOO_FAR,
    ),
    Mistake(
        "events-start-indented-one-space-too-far",
        "data/events.yaml",
        r"    start: (?P<time>.*)",
        r"     start: \g<time>",
        DOES_NOT_LINE_UP,
    ),
    Mistake(
        "menu-section-without-colon",
        "mkdocs.yml",
        r"  - (?P<name>[^:]+):",
        r"  - \g<name>",
        "this line has no colon after '{name}', so YAML reads the lines under it as part of that name. "
        "Add the colon: '- {name}:'",
        after="nav:",
    ),
    Mistake(
        "menu-last-section-without-colon",  # nothing follows to stop YAML: the menu names a page 'About - ...'
        "mkdocs.yml",
        r"  - (?P<name>[^:]+):",
        r"  - \g<name>",
        "this line has no colon after '{name}', so YAML reads the lines under it as part of that name. "
        "Add the colon: '- {name}:'",
        after="nav:",
        which=-1,
    ),
    Mistake(
        "menu-page-without-dash",
        "mkdocs.yml",
        r"      - (?P<page>[^:]+: \S+\.md)",
        r"        \g<page>",
        COLON_IN_TEXT,
        after="nav:",
    ),
    Mistake(
        "front-matter-title-without-colon",
        "docs/roles/funding.md",
        r"title: (?P<title>[^\"'].*)",
        r"title \g<title>",
        NO_COLON,
    ),
    Mistake(
        "front-matter-title-with-a-colon",
        "docs/roles/funding.md",
        r"title: (?P<title>.*)",
        r"title: Funding: how the role is paid",
        COLON_IN_TEXT,
    ),
    Mistake(
        "front-matter-title-quote-never-closed",
        "docs/roles/funding.md",
        r"title: (?P<title>[^\"'].*)",
        r'title: "\g<title>',
        UNCLOSED_QUOTE,
    ),
]
