"""MkDocs hook: the macros in a page's body run in Jinja's sandbox.

A page with `render_macros: true` is rendered by mkdocs-macros as a Jinja template. Its
own environment is a plain one, in which a page could reach Python itself through an
object's attributes (`{{ cycler.__init__.__globals__ }}` and the like) and run code at
build time: a pull request from a fork could then run anything on the machine that
builds the site. Here that environment is replaced, once its macros and filters are
registered, by a SandboxedEnvironment with the same settings: the hub's macros and
Jinja's own tags and filters work as before, and an attribute that would reach Python's
internals stops the build with a SecurityError naming the page.
"""

from __future__ import annotations

from jinja2.sandbox import SandboxedEnvironment

# The settings mkdocs-macros gives its environment (its `j2_*` options among them).
_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "undefined",
    "finalize",
    "autoescape",
    "loader",
)


def sandboxed_copy(environment) -> SandboxedEnvironment:
    """A SandboxedEnvironment with the settings, extensions, globals, filters and tests of `environment`."""
    if isinstance(environment, SandboxedEnvironment):
        return environment
    sandbox = SandboxedEnvironment(
        extensions=list(environment.extensions),
        **{name: getattr(environment, name) for name in _SETTINGS},
    )
    sandbox.globals.update(environment.globals)
    sandbox.filters.update(environment.filters)
    sandbox.tests.update(environment.tests)
    return sandbox


def on_pre_build(config):
    # mkdocs-macros builds its environment in on_config and renders pages from on_page_markdown:
    # in between, it is swapped for the sandboxed one.
    macros = config.plugins.get("macros")
    if macros is not None:
        macros._env = sandboxed_copy(macros.env)
