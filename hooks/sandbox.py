"""MkDocs hook: a page's macros run in a sandbox built from an allow-list.

mkdocs-macros builds its environment in on_config and renders pages from on_page_markdown:
in between, it is replaced by the page environment of macros/core/page_sandbox.py, which
holds only the hub's own macros and filters and a few plain values. A page cannot reach
`config`, the theme, the hooks or Python; trying stops the build with a message naming
the page, and nothing runs.
"""

from __future__ import annotations


def on_pre_build(config):
    from macros.core.page_sandbox import page_environment

    macros = config.plugins.get("macros")
    if macros is not None:
        settings = {key.removeprefix("j2_"): value for key, value in macros.config.items() if key.startswith("j2_")}
        macros._env = page_environment(macros.macros, macros.filters, macros.variables, settings)
