"""Amounts in pounds typed by hand into a page's Markdown. Pay and other dated amounts come
from data/figures.yaml through the figure macros, so a new year is one edit: a "£47,810"
typed into a page would stay behind. Pure: the Markdown files in, places out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# £47,810, £5,000, £1.7 billion, £ 300: the pound sign and a digit.
_POUNDS = re.compile(r"£\s?\d[\d,.]*")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class TypedAmount:
    file: str  # as an editor sees it: docs/roles/funding.md
    line: int
    amount: str


def typed_amounts_in(text: str) -> list[tuple[int, str]]:
    """(line, amount) for each £ amount in the page's text, outside its front matter and code blocks."""
    found = []
    lines = text.splitlines()
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    in_code = False
    for number, line in enumerate(lines, 1):
        if in_front_matter:
            if number > 1 and line.strip() in ("---", "..."):
                in_front_matter = False
            continue
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        found.extend((number, match.group(0).rstrip(",.")) for match in _POUNDS.finditer(line))
    return found


def typed_amounts(docs_dir: Path, shown_prefix: str = "docs") -> list[TypedAmount]:
    """Every £ amount typed into a page, in file and line order."""
    amounts = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue  # the front matter check reports a page that is not UTF-8
        shown = f"{shown_prefix}/{path.relative_to(docs_dir).as_posix()}"
        amounts.extend(TypedAmount(shown, line, amount) for line, amount in typed_amounts_in(text))
    return amounts
