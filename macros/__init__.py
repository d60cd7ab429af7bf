"""The hub's macros for mkdocs-macros. This file only wires: each concern is a sub-package
that declares its data files, generated files and macros (see core/concerns.py).

Pages render macros only when they opt in with `render_macros: true` in their front
matter, so an editor who types `{{` in ordinary text sees it printed as typed.
"""

from mkdocs.exceptions import PluginError

from . import editorial, events, figures, glossary, jobdesc, learning
from .core.concerns import register_macros, wire
from .core.page_jinja import check_page_macros, remember_calls
from .core.problems import DataFileError

# The order is the order of the generated files handed to MkDocs.
CONCERNS = (
    glossary.CONCERN,
    jobdesc.CONCERN,
    editorial.CONCERN,
    events.CONCERN,
    learning.ROADMAP,
    learning.SUPERVISORS,
    figures.CONCERN,
)

wire(CONCERNS)


def define_env(env):
    """Called by mkdocs-macros once per build: register each concern's macros."""
    try:
        for concern in CONCERNS:
            register_macros(concern, env)
    except DataFileError as error:
        # PluginError makes MkDocs print the message alone, without a traceback.
        raise PluginError(f"A data file needs fixing:\n{error}") from None
    remember_calls(env)  # each call a page's check made is not made again when the page renders


def on_pre_page_macros(env):
    """Called for every page before its macros run: a page may only call the hub's macros."""
    check_page_macros(env)


def on_post_page_macros(env):
    """Called for every page after its macros ran (the glossary adds its tooltips)."""
    for concern in CONCERNS:
        if concern.after_page is not None:
            concern.after_page(env)
