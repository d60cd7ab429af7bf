"""The YAML mistakes editors make, each with the line and the whole message they must see
(issue 30). One table, read by tests/unit/test_yaml_mistakes.py (the pure functions) and
tests/e2e/test_yaml_mistakes_check.py (the strict build and `make check`).

Each mistake is one edit of one of the hub's own files, and the mistake is reported at the
line of that edit, whatever else moves in the file.
"""

from __future__ import annotations

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
    old: str  # a whole line of the hub's own file
    new: str  # what the editor typed instead
    message: str  # everything after "file:line: " (make check adds "error: ")

    def text(self) -> str:
        """The file with the mistake made in it."""
        original = (PROJECT_ROOT / self.file).read_text(encoding="utf-8")
        assert original.count(f"\n{self.old}\n") == 1, f"{self.id}: {self.old!r} is not one whole line of {self.file}"
        return original.replace(f"\n{self.old}\n", f"\n{self.new}\n", 1)

    def line(self) -> int:
        """The line the editor changed: where the mistake is."""
        original = (PROJECT_ROOT / self.file).read_text(encoding="utf-8")
        return original[: original.index(f"\n{self.old}\n")].count("\n") + 2

    def expected(self) -> str:
        """The whole line the build prints."""
        return f"{self.file}:{self.line()}: {self.message}"


MISTAKES = [
    Mistake(
        "events-title-quote-never-closed",
        "data/events.yaml",
        "    title: Occupational therapists in primary care drop-in",
        '    title: "Occupational therapists in primary care drop-in',
        UNCLOSED_QUOTE,
    ),
    Mistake(
        "events-source-quote-never-closed-at-the-end",
        "data/events.yaml",
        "      title: Occupational Therapists",
        "      title: 'Occupational Therapists",
        UNCLOSED_QUOTE,
    ),
    Mistake(
        "events-start-indented-too-far",
        "data/events.yaml",
        '    start: "12:30"',
        '        start: "12:30"',
        INDENTED_TOO_FAR,
    ),
    Mistake(
        "events-start-indented-one-space-too-far",
        "data/events.yaml",
        '    start: "12:30"',
        '     start: "12:30"',
        DOES_NOT_LINE_UP,
    ),
    Mistake(
        "menu-section-without-colon",
        "mkdocs.yml",
        "  - The role:",
        "  - The role",
        "this line has no colon after 'The role', so YAML reads the lines under it as part of that name. "
        "Add the colon: '- The role:'",
    ),
    Mistake(
        "menu-page-without-dash",
        "mkdocs.yml",
        "      - ARRS funding: roles/funding.md",
        "        ARRS funding: roles/funding.md",
        COLON_IN_TEXT,
    ),
    Mistake(
        "front-matter-title-without-colon",
        "docs/roles/funding.md",
        "title: How the role is funded (ARRS)",
        "title How the role is funded (ARRS)",
        NO_COLON,
    ),
    Mistake(
        "front-matter-title-with-a-colon",
        "docs/roles/funding.md",
        "title: How the role is funded (ARRS)",
        "title: Funding: how the role is paid",
        COLON_IN_TEXT,
    ),
    Mistake(
        "front-matter-title-quote-never-closed",
        "docs/roles/funding.md",
        "title: How the role is funded (ARRS)",
        'title: "How the role is funded (ARRS)',
        UNCLOSED_QUOTE,
    ),
]
