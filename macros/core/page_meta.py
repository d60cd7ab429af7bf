"""Front matter that would change what a page is: a template that drops the page, or Jinja in
its title (mkdocs-macros renders a title holding `{{`, outside the page's checked Jinja).

The other front matter rules (keys, dates, sources) are in macros/editorial/frontmatter.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .problems import DataProblem

# The templates a page may name in `template:`: those that show the page's own text. The
# theme's others replace it (404.html, redirect.html) or need settings the hub has not got
# (the blog's templates).
PAGE_TEMPLATES = ("main.html",)
JINJA_STARTS = ("{{", "{%", "{#")


def _key_line(source: str, key: str) -> int | None:
    """The line of `key:` in the front matter at the top of `source`."""
    found = re.search(rf"^{re.escape(key)}\s*:", source, re.M)
    return source.count("\n", 0, found.start()) + 1 if found else None


def front_matter_problems(meta: Mapping[str, Any], source: str, shown: str) -> list[DataProblem]:
    problems = []
    template = meta.get("template")
    if template is not None and template not in PAGE_TEMPLATES:
        problems.append(
            DataProblem(
                shown, _key_line(source, "template"), "",
                f"'template: {template}' would replace this page's text with another page: delete the line "
                f"(the ordinary page template is {', '.join(PAGE_TEMPLATES)})",
            )
        )  # fmt: skip
    title = meta.get("title")
    if isinstance(title, str) and any(start in title for start in JINJA_STARTS):
        problems.append(
            DataProblem(
                shown, _key_line(source, "title"), "",
                "a title is shown as typed and cannot hold {{, {% or {#: write the words themselves",
            )
        )  # fmt: skip
    return problems
