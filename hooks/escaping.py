"""MkDocs hook: the theme shows what editors type as text, never as HTML to run.

MkDocs renders theme templates (Material's and overrides/) without autoescaping, so
`{{ page.title }}`, `{{ page.meta.description }}` or `{{ config.site_name }}` used to print
whatever they held as raw HTML. Here autoescaping is turned on for the whole theme, which
makes the safe thing the default for every template, including Material's own partials
and any added later. The values that really are HTML are then marked `Markup` once, here:

- the page's body (`page.content`) and its table of contents, both made by Markdown;
- each page's title, made one kind (HTML of the text) whichever source MkDocs took it
  from, and never read as a template by the macros plugin. The front matter title is
  also kept as that HTML in `page.meta["title"]`: Material's search plugin copies it into
  the search index, which the browser reads as HTML.

The rules themselves are pure functions in macros/core/escaping.py.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority


def on_env(env, config, files):
    # Set before any theme template is loaded: autoescaping is fixed when a template compiles.
    env.autoescape = True
    return env


class _TitleNotTemplate(str):
    """A title the macros plugin leaves alone. mkdocs-macros renders a page's title as Jinja
    when it holds `{{`, `{%` or `{#` (its has_j2() test is `marker in title`); a title is text,
    so that test finds nothing here."""

    def __contains__(self, item) -> bool:
        return False


@event_priority(100)  # before the macros plugin reads the page
def on_page_markdown(markdown, page, config, files):
    # A `nav:` title is stored on the page itself; keep it apart from what macros may set.
    page.hub_navigation_title = vars(page).get("title")
    title = page.title
    if isinstance(title, str):
        page.title = _TitleNotTemplate(title)
    return markdown


def on_page_content(html, page, config, files):
    """After Markdown: the title and the table of contents as HTML, before any page is drawn
    (every page's title appears in the navigation of every other page)."""
    from macros.core.escaping import html_from_markdown, page_title_html, text_as_html

    meta = page.meta
    front_matter = meta.get("title")
    heading = getattr(page, "_title_from_render", None)
    title = page_title_html(
        navigation=getattr(page, "hub_navigation_title", None),
        front_matter=front_matter,
        heading=heading,
        # MkDocs' own choice, ignoring anything set on the page: the file name, or "Home".
        fallback=type(page).title.func(page),
    )
    if front_matter is not None:
        meta["title"] = text_as_html(front_matter)
    if title is not None:
        page.title = title
    _mark_toc(page.toc, html_from_markdown)
    return html


def _mark_toc(items, mark) -> None:
    for item in items:
        item.title = mark(item.title)
        _mark_toc(item.children, mark)


@event_priority(-100)  # last: Material's search plugin rewrites page.content in its on_page_context
def on_page_context(context, page, config, nav):
    from macros.core.escaping import html_from_markdown

    if page.content is not None:
        page.content = html_from_markdown(page.content)
    return context
