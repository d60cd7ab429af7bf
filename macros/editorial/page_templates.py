"""A page that renders macros (`render_macros: true`) is a Jinja template: a syntax mistake
in it, such as an unclosed `{% raw %}`, is reported at the page's own line.

The hook (hooks/editorial.py) checks each such page before mkdocs-macros renders it, so the
build stops with `docs/page.md:LINE: ...` rather than a message that names no line of the file.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..core.problems import DataProblem

# Only parsed, never rendered: the same delimiters as mkdocs-macros' defaults (mkdocs.yml sets none).
_PARSER = jinja2.Environment(autoescape=True)


def lines_before_markdown(page_text: str) -> int:
    """How many lines MkDocs removes from the top of a page (front matter, blank lines) before
    the macros see its Markdown."""
    from .frontmatter import FRONT_MATTER

    text = page_text.removeprefix("\ufeff").replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return 0
    rest = text[match.end() :]
    return text[: len(text) - len(rest.lstrip("\n"))].count("\n")


def template_syntax_problem(markdown: str, page_text: str, shown_as: str) -> DataProblem | None:
    """The syntax mistake in a page's macros, at the line of the page file, or None."""
    try:
        _PARSER.parse(markdown)
    except jinja2.TemplateSyntaxError as error:
        line = (error.lineno or 1) + lines_before_markdown(page_text)
        return DataProblem(
            shown_as,
            line,
            "",
            f"the macros on this page cannot be read ({error.message}). Check that each '{{{{' has its "
            "'}}', each '{%' its '%}' and each '{% raw %}' its '{% endraw %}'; to show {{ or {% as text, "
            "remove 'render_macros: true' from the page's front matter",
        )
    return None


def page_template_problem(path: Path, markdown: str, shown_as: str) -> DataProblem | None:
    try:
        page_text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        page_text = ""
    return template_syntax_problem(markdown, page_text, shown_as)
