"""One problem `make check` reports: `file:line: severity: message`."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    severity: str  # "error", "warning" or "due soon"
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"

    def github_annotation(self) -> str:
        """The same finding as a GitHub Actions annotation, shown on the pull request's files."""
        level = {"error": "error", "warning": "warning"}.get(self.severity, "notice")
        message = self.message.replace("%", "%25").replace("\n", "%0A")
        return f"::{level} file={self.file},line={self.line}::{message}"


def split_location(text: str) -> tuple[str, str]:
    """ "data/x.yaml:3: what is wrong" -> ("data/x.yaml:3", "what is wrong")."""
    match = re.match(r"^(\S+?:\d+): (.*)$", text, re.S)
    return match.group(1), match.group(2)
