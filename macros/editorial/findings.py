"""One problem `make check` reports: `file:line: severity: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.problems import one_line


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    severity: str  # "error", "warning" or "due soon"
    message: str

    def __str__(self) -> str:
        # One line whatever the editor wrote: a line break in a title must not start a line
        # that GitHub Actions would read as a workflow command ('::error ...').
        return one_line(f"{self.file}:{self.line}: {self.severity}: {self.message}")

    def github_annotation(self) -> str:
        """The same finding as a GitHub Actions annotation, shown on the pull request's files,
        escaped as GitHub documents for workflow commands."""
        level = {"error": "error", "warning": "warning"}.get(self.severity, "notice")
        return f"::{level} file={escape_property(self.file)},line={self.line}::{escape_data(self.message)}"


def escape_data(text: str) -> str:
    """A workflow command's message: % first, then CR and LF (GitHub's own toCommandValue)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property (file=...): as a message, and ':' and ',' too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def split_location(text: str) -> tuple[str, str]:
    """ "data/x.yaml:3: what is wrong" -> ("data/x.yaml:3", "what is wrong")."""
    match = re.match(r"^(\S+?:\d+): (.*)$", text, re.S)
    return match.group(1), match.group(2)
