"""What editors type is text: the one rule for showing it in HTML.

Every string from a data file or a page's front matter is text. It becomes HTML in one
of two ways, and nowhere else:

- in a template: the theme's templates (hooks/escaping.py turns autoescaping on) and the
  macros' templates (core/templating.py) escape every value they print unless it is
  `Markup`, which says "this is already HTML";
- in Python, `text_as_html` below, for the few values that leave the templates as HTML
  strings (a page's title, read as HTML by Material's search index).

The HTML that Markdown makes (a page's body, its headings in the table of contents) is
the only HTML that comes from pages, and it is marked `Markup` where it is handed over.
Pure functions: no MkDocs objects.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape


def text_as_html(value: Any) -> Markup:
    """Text (or a number) as HTML that shows it as typed. Already-HTML `Markup` is kept."""
    if isinstance(value, Markup):
        return value
    return escape(str(value))


def html_from_markdown(value: str) -> Markup:
    """HTML that Python-Markdown made (a heading's text, with its entities kept), as Markup."""
    return Markup(value)  # noqa: S704 -- Markdown made it; editors' text in it is already escaped


def page_title_html(
    *, navigation: Any = None, front_matter: Any = None, heading: str | None = None, fallback: Any = None
) -> Markup | None:
    """A page's title as HTML, from the first of MkDocs' sources that gives one.

    MkDocs mixes two kinds: a title from `nav:` in mkdocs.yml, from front matter or from the
    file name is text, but one taken from the page's first heading is already HTML (tags
    removed, entities such as `&amp;` kept). Material prints either kind unescaped. Turned
    into one kind here, the theme prints every title as it was typed.
    """
    for text in (navigation, front_matter):
        if text is not None:
            return text_as_html(text)
    if heading is not None:
        return html_from_markdown(heading)
    if fallback is not None:
        return text_as_html(fallback)
    return None


# The characters Python-Markdown reads as syntax after a backslash, with the hub's extensions
# (markdown.Markdown(...).ESCAPED_CHARS, which `tables` extends with "|"), less ">", which
# markdown_inline_text writes as an entity instead.
MARKDOWN_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!|")


def markdown_inline_text(text: str) -> str:
    """Text to place in Markdown (a heading, say) so that it shows as typed: one line, no HTML,
    no links, emphasis or code made from it. `&`, `<` and `>` become entities, which Markdown
    keeps; every character Markdown could read as syntax gets a backslash, which it removes."""
    one_line = " ".join(str(text).split())
    escaped = "".join(f"\\{character}" if character in MARKDOWN_ESCAPABLE else character for character in one_line)
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def script_json(data: Any) -> str:
    """JSON to place inside a <script> element: no '<', '>' or '&' can end it early or open
    a comment; U+2028 and U+2029 are written as escapes for older JavaScript parsers."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, written in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, written)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
