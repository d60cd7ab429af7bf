"""The Jinja environment a page's macros run in: built from an allow-list, never copied.

mkdocs-macros renders a page with a plain Jinja environment and hands every template its
own variables: `config` (whose `hooks` hold imported modules, each with `os`, and whose
`theme.get_env()` is an unsandboxed environment), `plugin`, `environment`, `git`, `page`,
`navigation`, `files` and more. From any of those Python can be reached. So the page
environment here is an ImmutableSandboxedEnvironment that holds only:

- the hub's own macros and filters (registered by macros/*/macros.py);
- Jinja's own filters and tests, less `safe` (an editor's text must never be marked HTML);
- the few plain values pages need (PAGE_VALUES), copied as plain data;

and a page template ignores the variables mkdocs-macros passes when it renders. Pages
cannot `include`, `import` or `extends` anything: the loader refuses every name.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from jinja2 import BaseLoader, StrictUndefined, TemplateNotFound
from jinja2.sandbox import ImmutableSandboxedEnvironment

# The plain values a page may print, by name. `hub` is mkdocs.yml's `extra.hub` (the hub's
# name, region, contact); `roadmap_storage_key` names the roadmap checklist's saved state.
PAGE_VALUES = ("hub", "roadmap_storage_key")

# The package whose functions are the hub's own macros and filters.
HUB_PACKAGE = __name__.partition(".")[0]

# Jinja filters a page may not use: `safe` would let a page's text through as HTML.
REFUSED_FILTERS = frozenset({"safe"})

# mkdocs-macros' `j2_*` settings (the delimiters) carried over, so pages read the same.
_DELIMITERS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
)


class PageValueError(TypeError):
    """A value offered to pages is not plain data (text, numbers, lists, mappings)."""


def plain_copy(value: Any, where: str) -> Any:
    """A copy of `value` made only of str, int, float, bool, None, dates, lists and dicts."""
    if value is None or isinstance(value, bool | int | float | str | date):
        return value
    if isinstance(value, Mapping):
        return {str(key): plain_copy(item, f"{where}.{key}") for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_copy(item, f"{where}[{index}]") for index, item in enumerate(value)]
    raise PageValueError(f"{where} is a {type(value).__name__}, not plain data: pages may not reach it")


class NoPageIncludes(BaseLoader):
    """Pages include nothing: not docs/, not the theme, not the macros' templates."""

    def get_source(self, environment, template):
        raise TemplateNotFound(
            template,
            f"a page cannot include, import or extend another file ({template!r}): "
            "write the text in the page, or ask a maintainer for a macro",
        )


class PageEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox pages render in. Its templates render with its allow-listed globals only."""


class PageTemplate(PageEnvironment.template_class):
    def render(self, *args: Any, **kwargs: Any) -> str:
        # mkdocs-macros passes its whole variable set (config, page, plugin...) here:
        # a page sees only the environment's globals, so all of it is dropped.
        return super().render()


PageEnvironment.template_class = PageTemplate


def hub_made(callables: Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Of `callables`, those defined in the hub's own `macros` package. mkdocs-macros adds its
    own (`context`, `macros_info`, `pretty`...), which hand a page the whole configuration."""
    return {
        name: function
        for name, function in callables.items()
        if getattr(function, "__module__", "").partition(".")[0] == HUB_PACKAGE
    }


def marked(function: Callable[..., Any], mark: Callable[[str], str]) -> Callable[..., Any]:
    """`function`, whose HTML results come back passed through `mark` (the hub's HTML mark)."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        return mark(result) if isinstance(result, str) and "<" in result else result

    return call


def page_environment(
    macros: Mapping[str, Callable[..., Any]],
    filters: Mapping[str, Callable[..., Any]],
    values: Mapping[str, Any],
    settings: Mapping[str, Any] | None = None,
    mark: Callable[[str], str] | None = None,
) -> PageEnvironment:
    """The page environment: the hub's `macros` and `filters`, and of `values` only PAGE_VALUES.
    With `mark`, the HTML the hub's macros return is marked as the hub's (sanitise.py)."""
    delimiters = {name: value for name, value in (settings or {}).items() if name in _DELIMITERS and value}
    environment = PageEnvironment(loader=NoPageIncludes(), undefined=StrictUndefined, **delimiters)
    # Jinja's own globals (cycler, joiner, namespace, lipsum, dict) go; `range` stays.
    environment.globals = {"range": environment.globals["range"]}
    for name in REFUSED_FILTERS:
        environment.filters.pop(name, None)
    environment.globals.update({name: plain_copy(values[name], name) for name in PAGE_VALUES if name in values})
    hub_macros = hub_made(macros)
    if mark is not None:
        hub_macros = {name: marked(function, mark) for name, function in hub_macros.items()}
    environment.globals.update(hub_macros)
    environment.filters.update(hub_made(filters))
    return environment
