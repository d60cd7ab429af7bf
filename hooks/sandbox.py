"""MkDocs hook: what a page holds is text, never code.

- Before the build, every page's Markdown is checked (macros/core/page_html.py): raw HTML
  outside a short allow-list, event handlers and unsafe link addresses stop the build with
  the file, the line and what to write instead.
- mkdocs-macros builds its environment in on_config and renders pages from
  on_page_markdown: in between, it is replaced by the page environment of
  macros/core/page_sandbox.py, which holds only the hub's own macros and filters and a few
  plain values. A page cannot reach `config`, the theme, the hooks or Python; trying stops
  the build with a message naming the page, and nothing runs. The HTML the hub's macros
  return is marked as the hub's there.
- After Markdown, an editor's page is sanitised with nh3 (macros/core/sanitise.py), all but
  the hub's marked HTML. Generated pages are the hub's own and are left as made.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

_MARK = None


def on_pre_build(config):
    global _MARK
    from macros.core.page_html import docs_html_problems
    from macros.core.page_sandbox import PageValueError, page_environment
    from macros.core.sanitise import HubMark

    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    shown = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else str(docs)
    problems = docs_html_problems(docs, shown)
    if problems:
        raise PluginError("A page holds something only code may hold:\n" + "\n".join(str(p) for p in problems))

    _MARK = HubMark()
    macros = config.plugins.get("macros")
    if macros is not None:
        settings = {key.removeprefix("j2_"): value for key, value in macros.config.items() if key.startswith("j2_")}
        try:
            macros._env = page_environment(macros.macros, macros.filters, macros.variables, settings, _MARK.around)
        except PageValueError as error:
            raise PluginError(f"mkdocs.yml: extra: {error}") from None


def on_page_content(html, page, config, files):
    from macros.core.sanitise import UnbalancedHubMark, sanitise_page

    if page.file.generated_by is not None:
        return html
    try:
        return sanitise_page(html, _MARK)
    except UnbalancedHubMark as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
