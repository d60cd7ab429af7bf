"""What a page's Jinja may be: calls of the hub's macros with literal values, and nothing else.

A page that renders macros (`render_macros: true`) is parsed with Jinja's own parser, and
each piece of it must be one of:

- text (Markdown), a `{# comment #}` or a `{% raw %}` block;
- `{{ macro_name("literal", 2) }}`: one of the hub's macros, called with literal text,
  numbers, true/false or none, by position or by name;
- `{{ macro_name().field }}` or `{{ hub.name }}`: a field of what a macro returns, or of one
  of the few plain values pages read (PAGE_VALUES).

Nothing else: no `{% set %}`, loops, `if`, filters, slicing, arithmetic, or text printed on
its own. So a page cannot keep a macro's HTML and take it apart, cannot loop, and cannot
reach Python: what it prints is the hub's macros' output and its own Markdown, which
page_html.py checks. Anything else is refused with the line and what to write instead.

The calls are then made here, once, so that a macro's own refusal (a misspelt figure id)
is one line at the page's line, not mkdocs-macros' traceback. Pure functions: the caller
(hooks/page_safety.py) hands in the parsed template, the macros and the values.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from mkdocs.exceptions import PluginError

from .problems import DataProblem

# The plain values a page may print, by name. `hub` is mkdocs.yml's `extra.hub` (the hub's
# name, region, contact); `roadmap_storage_key` names the roadmap checklist's saved state.
PAGE_VALUES = ("hub", "roadmap_storage_key")

# The package whose functions are the hub's own macros.
HUB_PACKAGE = __name__.partition(".")[0]

# Literal text given to a macro is an id or a short label: at most this long, and with none
# of the characters that could start HTML or Jinja.
LONGEST_LITERAL = 200
UNSAFE_IN_LITERAL = frozenset("<>&{}\\")
# Brackets nested inside one {{ ... }} before Jinja's parser would recurse too deep.
DEEPEST_BRACKETS = 20

WHAT_A_PAGE_MAY_WRITE = 'a page may only call one of the hub\'s macros, like {{ figure_range("afc-band-7-england") }}'


@dataclass(frozen=True)
class JinjaProblem:
    """One thing in a page's Jinja that may not be there, at `line` of the page's body."""

    line: int
    message: str


def hub_made(callables: Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Of `callables`, those defined in the hub's own `macros` package. mkdocs-macros adds its
    own (`context`, `macros_info`, `pretty`...), which hand a page the whole configuration."""
    return {
        name: function
        for name, function in callables.items()
        # A builtin's bound method (datetime.now) has __module__ None.
        if (getattr(function, "__module__", None) or "").partition(".")[0] == HUB_PACKAGE
    }


def bracket_depth_problem(source: str, starts: tuple[str, ...], ends: tuple[str, ...]) -> JinjaProblem | None:
    """The first place where brackets inside a `{{ ... }}` or `{% ... %}` nest deeper than
    DEEPEST_BRACKETS (Jinja's parser would run out of stack on them), read in one pass."""
    opening = re.compile("|".join(re.escape(start) for start in starts))
    position = 0
    while (found := opening.search(source, position)) is not None:
        end = ends[starts.index(found.group(0))]
        depth, index = 0, found.end()
        while index < len(source) and not (depth == 0 and source.startswith(end, index)):
            character = source[index]
            if character in "([{":
                depth += 1
                if depth > DEEPEST_BRACKETS:
                    line = source.count("\n", 0, index) + 1
                    return JinjaProblem(
                        line, f"brackets are nested more than {DEEPEST_BRACKETS} deep: {WHAT_A_PAGE_MAY_WRITE}"
                    )
            elif character in ")]}" and depth:
                depth -= 1
            index += 1
        position = index + len(end)
    return None


def _literal_problem(value: Any) -> str | None:
    if value is None or isinstance(value, bool | int | float):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
            return "a number given to a macro has too many digits"
        return None
    if isinstance(value, str):
        if len(value) > LONGEST_LITERAL:
            return f"text given to a macro is longer than {LONGEST_LITERAL} characters: write it in the page instead"
        unsafe = sorted(set(value) & UNSAFE_IN_LITERAL)
        if unsafe or any(ord(character) < 32 for character in value):
            shown = " ".join(unsafe) if unsafe else "a control character"
            return f"text given to a macro may not hold {shown}: give the macro a plain id or label"
        return None
    return "a macro takes plain text, numbers, true, false or none"


def _literal(node: nodes.Node) -> tuple[bool, Any]:
    """(True, value) when `node` is a literal: a constant, or a minus sign before a number."""
    if isinstance(node, nodes.Const):
        return True, node.value
    if isinstance(node, nodes.Neg) and isinstance(node.node, nodes.Const):
        value = node.node.value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return True, -value
    return False, None


def _describe(node: nodes.Node) -> str:
    """What `node` is, in an editor's words, for a message."""
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Slice):
        return "a slice [a:b]"
    kinds = {
        nodes.Filter: "a filter (|)",
        nodes.Getitem: "square brackets [...]",
        nodes.BinExpr: "arithmetic",
        nodes.UnaryExpr: "arithmetic",
        nodes.Compare: "a comparison",
        nodes.Concat: "joining with ~",
        nodes.CondExpr: "an if ... else",
        nodes.Test: "a test (is ...)",
        nodes.Const: "text or a number typed inside {{ }}",
        nodes.List: "a list",
        nodes.Tuple: "a list",
        nodes.Dict: "a mapping",
    }
    for kind, words in kinds.items():
        if isinstance(node, kind):
            return words
    return type(node).__name__


class PageJinja:
    """The checks and calls for one page: the hub's macros and the page values by name."""

    def __init__(self, macros: Mapping[str, Callable[..., Any]], values: Mapping[str, Any]):
        self.macros = dict(macros)
        self.values = {name: values[name] for name in PAGE_VALUES if name in values}
        # Each call made by call_problems and what it gave: (name, arguments, keywords) -> result.
        self.results: dict[tuple[Any, ...], Any] = {}

    # -- checking --------------------------------------------------------------------------

    def problems(self, template: nodes.Template) -> list[JinjaProblem]:
        """Each piece of `template` that is not text or an allowed call, in page order."""
        found: list[JinjaProblem] = []
        for statement in template.body:
            if not isinstance(statement, nodes.Output):
                tag = type(statement).__name__.lower()
                found.append(
                    JinjaProblem(
                        statement.lineno,
                        f"{{% {tag} %}} is not allowed in a page (no set, for, if, macro, include or block): "
                        f"write the text itself, or {WHAT_A_PAGE_MAY_WRITE}",
                    )
                )
                continue
            for piece in statement.nodes:
                if not isinstance(piece, nodes.TemplateData):
                    found += self._expression_problems(piece)
        return found

    def _expression_problems(self, node: nodes.Node) -> list[JinjaProblem]:
        if isinstance(node, nodes.Name):
            if node.name in self.values:
                return []
            if node.name in self.macros:
                return [
                    JinjaProblem(node.lineno, f"{node.name} is a macro: write {{{{ {node.name}() }}}} with brackets")
                ]
            return [JinjaProblem(node.lineno, self._unknown(node.name))]
        if isinstance(node, nodes.Getattr):
            if node.attr.startswith("_"):
                return [
                    JinjaProblem(node.lineno, f"'.{node.attr}' is not a field a page may read: {WHAT_A_PAGE_MAY_WRITE}")
                ]
            return self._expression_problems(node.node)
        if isinstance(node, nodes.Call):
            return self._call_problems(node)
        return [
            JinjaProblem(
                node.lineno, f"{_describe(node)} is not allowed inside {{{{ }}}} in a page: {WHAT_A_PAGE_MAY_WRITE}"
            )
        ]

    def _call_problems(self, call: nodes.Call) -> list[JinjaProblem]:
        if not isinstance(call.node, nodes.Name):
            root = call.node
            while isinstance(root, nodes.Getattr | nodes.Getitem | nodes.Call):
                root = root.node
            if isinstance(root, nodes.Name) and root.name not in self.macros and root.name not in self.values:
                return [JinjaProblem(call.lineno, self._unknown(root.name))]
            return [JinjaProblem(call.lineno, f"only a macro can be called, by its name: {WHAT_A_PAGE_MAY_WRITE}")]
        name = call.node.name
        if name not in self.macros:
            return [JinjaProblem(call.lineno, self._unknown(name))]
        if call.dyn_args is not None or call.dyn_kwargs is not None:
            return [JinjaProblem(call.lineno, f"{name}(): write each value out, without * or **")]
        found = []
        for argument in [*call.args, *(keyword.value for keyword in call.kwargs)]:
            is_literal, value = _literal(argument)
            if not is_literal:
                found.append(
                    JinjaProblem(
                        call.lineno,
                        f"{name}() is given {_describe(argument)}: give it literal text in quotes or a number",
                    )
                )
                continue
            problem = _literal_problem(value)
            if problem:
                found.append(JinjaProblem(call.lineno, f"{name}(): {problem}"))
        return found

    def _unknown(self, name: str) -> str:
        known = ", ".join(sorted([*self.macros, *self.values]))
        return f"there is no macro or value called '{name}' (check the spelling): the page may use {known}"

    # -- calling ---------------------------------------------------------------------------

    def call_problems(self, template: nodes.Template) -> list[JinjaProblem]:
        """Each allowed expression in `template` (already checked) worked out once: a macro
        that refuses its arguments, or a field that is not there, is a problem at its line."""
        found = []
        for expression in _expressions(template):
            try:
                value = self._value(expression)
            except _NotAField as error:
                found.append(JinjaProblem(expression.lineno, str(error)))
                continue
            except Exception as error:  # noqa: BLE001 - any macro's refusal becomes one line
                name = _called_name(expression)
                reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                found.append(JinjaProblem(expression.lineno, f"{name}() stopped: {reason}"))
                continue
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                found.append(
                    JinjaProblem(
                        expression.lineno,
                        f"this gives {type(value).__name__}, not text: name one of its fields, like .name",
                    )
                )
        return found

    def _value(self, node: nodes.Node) -> Any:
        if isinstance(node, nodes.Name):
            return self.values[node.name]
        if isinstance(node, nodes.Getattr):
            return _field(self._value(node.node), node.attr)
        assert isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)
        arguments = tuple(_literal(argument)[1] for argument in node.args)
        keywords = {keyword.key: _literal(keyword.value)[1] for keyword in node.kwargs}
        key = (node.node.name, arguments, tuple(sorted(keywords.items())))
        if key not in self.results:
            self.results[key] = self.macros[node.node.name](*arguments, **keywords)
        return self.results[key]


class _NotAField(LookupError):
    pass


def _field(value: Any, name: str) -> Any:
    """`value`'s field `name`: a key of a mapping, or a name the value's class lists in
    PAGE_FIELDS (the fields it offers pages; nothing else of it can be read)."""
    if isinstance(value, Mapping):
        if name in value:
            return value[name]
        fields = sorted(str(key) for key in value)
    else:
        fields = sorted(getattr(type(value), "PAGE_FIELDS", ()))
        if name in fields:
            return getattr(value, name)
    if not fields:
        raise _NotAField(f"'.{name}' cannot be read here: what comes before it has no fields")
    raise _NotAField(f"there is no field '.{name}' (check the spelling): the fields are {', '.join(fields)}")


def _expressions(template: nodes.Template) -> Iterator[nodes.Node]:
    for statement in template.body:
        if isinstance(statement, nodes.Output):
            yield from (piece for piece in statement.nodes if not isinstance(piece, nodes.TemplateData))


def _called_name(node: nodes.Node) -> str:
    while isinstance(node, nodes.Getattr):
        node = node.node
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        return node.node.name
    return getattr(node, "name", "?")


# -- the caller: mkdocs-macros' public `on_pre_page_macros(env)` (wired in macros/__init__.py) --


def _renders_macros(plugin, page) -> bool:
    wanted = page.meta.get("render_macros")
    if wanted is False:
        return False
    return wanted is True or plugin.config["render_by_default"] or plugin.force_page_rendering(page.file.src_path)


# What the page about to render gave for each of its calls, worked out by check_page_macros:
# the macros, as remember_calls wraps them, hand these back when mkdocs-macros renders that
# page, so each call is made once. Cleared for every page.
_THIS_PAGE: dict[tuple[Any, ...], Any] = {}


def remember_calls(env) -> None:
    """Wrap each of the hub's macros in mkdocs-macros' public `env.macros` (from define_env,
    before the plugin hands them to Jinja) so a call checked for this page is not made again."""
    for name, function in hub_made(env.macros).items():
        env.macros[name] = _remembered(name, function)


def _remembered(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def call(*arguments: Any, **keywords: Any) -> Any:
        key = (name, arguments, tuple(sorted(keywords.items())))
        return _THIS_PAGE[key] if key in _THIS_PAGE else function(*arguments, **keywords)

    return call


def page_problems(
    plugin, markdown: str, shown: str, offset: int, results: dict[tuple[Any, ...], Any] | None = None
) -> list[DataProblem]:
    """Every problem in one page's Jinja, at the page file's lines (`offset`: front matter lines).
    With `results`, what each call gave is put there."""
    environment = plugin.env
    deep = bracket_depth_problem(
        markdown,
        (environment.variable_start_string, environment.block_start_string),
        (environment.variable_end_string, environment.block_end_string),
    )
    if deep:
        return [DataProblem(shown, offset + deep.line, "", deep.message)]
    try:
        template = environment.parse(markdown)
    except TemplateSyntaxError as error:
        message = (
            f"the macros on this page cannot be read ({error.message}). Check that each '{{{{' has its "
            "'}}', each '{%' its '%}' and each '{% raw %}' its '{% endraw %}'; to show {{ or {% as text, "
            "remove 'render_macros: true' from the page's front matter"
        )
        return [DataProblem(shown, offset + (error.lineno or 1), "", message)]
    page_jinja = PageJinja(hub_made(plugin.macros), plugin.variables)
    # mkdocs-macros lets front matter keys stand for names in the page: none may take a name
    # the page's calls are checked against (the front matter check also refuses unknown keys).
    shadowing = sorted(set(plugin.page.meta) & (set(page_jinja.macros) | set(page_jinja.values)))
    if shadowing:
        return [
            DataProblem(shown, 1, "", f"the front matter key '{name}' is the name of one of the hub's macros or "
                        "values: delete it")
            for name in shadowing
        ]  # fmt: skip
    found = page_jinja.problems(template) or page_jinja.call_problems(template)
    if results is not None and not found:
        results.update(page_jinja.results)
    return [DataProblem(shown, offset + problem.line, "", problem.message) for problem in found]


def check_page_macros(plugin) -> None:
    """Stop the build, one line a problem, when the page about to render breaks the rules."""
    page = plugin.page
    _THIS_PAGE.clear()
    if page.file.abs_src_path is None or not _renders_macros(plugin, page):
        return
    markdown = plugin.markdown
    source = page.file.content_string
    offset = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
    docs = Path(plugin.conf["docs_dir"])
    shown = f"{docs.name}/{page.file.src_uri}"
    problems = page_problems(plugin, markdown, shown, offset, _THIS_PAGE)
    if problems:
        raise PluginError("A page's macros need fixing:\n" + "\n".join(str(problem) for problem in problems))
