"""A page's Jinja is calls of the hub's macros with literal values, and nothing else (issue 28).

Parsed with Jinja's own parser (a plain Environment, mkdocs-macros' delimiters), checked by
macros/core/page_jinja.py. Messages are compared whole: they are what an editor reads.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment

from macros.core.page_jinja import (
    DEEPEST_BRACKETS,
    PageJinja,
    bracket_depth_problem,
    hub_made,
)

PARSER = Environment()


@dataclass
class Facts:
    PAGE_FIELDS = frozenset({"kind"})

    kind: str = "monthly online"
    secret: str = "not for pages"


def figure_range(figure_id: str, hours: float = 37.5) -> str:
    if figure_id != "band-7":
        raise ValueError(f"there is no figure '{figure_id}' in data/figures.yaml")
    return "£49,387 to £56,515"


def drop_in_facts(series_id: str | None = None) -> Facts:
    return Facts()


def whole_facts() -> Facts:
    return Facts()


MACROS = {"figure_range": figure_range, "drop_in_facts": drop_in_facts, "whole_facts": whole_facts}
VALUES = {"hub": {"name": "OT hub", "region": "Gloucestershire"}, "roadmap_storage_key": "roadmap", "config": {}}
KNOWN = "drop_in_facts, figure_range, hub, roadmap_storage_key, whole_facts"
ALLOWED = 'a page may only call one of the hub\'s macros, like {{ figure_range("afc-band-7-england") }}'


def problems(source: str) -> list[tuple[int, str]]:
    page = PageJinja(MACROS, VALUES)
    template = PARSER.parse(source)
    return [(p.line, p.message) for p in page.problems(template) or page.call_problems(template)]


@pytest.mark.parametrize(
    "source",
    [
        "Plain Markdown with no Jinja at all.",
        '{{ figure_range("band-7") }}',
        "{{ figure_range('band-7', 22.5) }}",
        '{{ figure_range(figure_id="band-7", hours=30) }}',
        "{{ drop_in_facts().kind }}",
        '{{ drop_in_facts("rcot").kind }} and {{ drop_in_facts(none).kind }}',
        "{{ hub.name }}, {{ hub.region }} ({{ roadmap_storage_key }})",
        "{# a note for editors #}{% raw %}{{ shown as typed }}{% endraw %}",
        "{{- hub.name -}}",
    ],
)
def test_what_pages_need_is_allowed(source):
    assert problems(source) == []


# (page Jinja, the (line, whole message) pairs an editor sees)
REFUSED = [  # fmt: skip
    (
        "{% set m = figure_range('band-7') %}{{ m[0:5] }}",
        [
            (
                1,
                f"{{% assign %}} is not allowed in a page (no set, for, if, macro, include or block): write the text itself, or {ALLOWED}",
            ),
            (1, f"a slice [a:b] is not allowed inside {{{{ }}}} in a page: {ALLOWED}"),
        ],
    ),
    (
        "Intro\n{% for i in range(9) %}x{% endfor %}",
        [
            (
                2,
                f"{{% for %}} is not allowed in a page (no set, for, if, macro, include or block): write the text itself, or {ALLOWED}",
            )
        ],
    ),
    (
        "{% if hub %}x{% endif %}",
        [
            (
                1,
                f"{{% if %}} is not allowed in a page (no set, for, if, macro, include or block): write the text itself, or {ALLOWED}",
            )
        ],
    ),
    (
        '{% include "x.svg" %}',
        [
            (
                1,
                f"{{% include %}} is not allowed in a page (no set, for, if, macro, include or block): write the text itself, or {ALLOWED}",
            )
        ],
    ),
    (
        "{{ figure_range('band-7') | safe }}",
        [(1, f"a filter (|) is not allowed inside {{{{ }}}} in a page: {ALLOWED}")],
    ),
    ("{{ figure_range('band-7')[0:3] }}", [(1, f"a slice [a:b] is not allowed inside {{{{ }}}} in a page: {ALLOWED}")]),
    ("{{ hub['name'] }}", [(1, f"square brackets [...] is not allowed inside {{{{ }}}} in a page: {ALLOWED}")]),
    ("{{ 'a' * 1000000000 }}", [(1, f"arithmetic is not allowed inside {{{{ }}}} in a page: {ALLOWED}")]),
    (
        "{{ '\\x3cscript>' }}",
        [(1, f"text or a number typed inside {{{{ }}}} is not allowed inside {{{{ }}}} in a page: {ALLOWED}")],
    ),
    ("{{ hub.name ~ 'x' }}", [(1, f"joining with ~ is not allowed inside {{{{ }}}} in a page: {ALLOWED}")]),
    (
        "{{ config.hooks }}",
        [(1, f"there is no macro or value called 'config' (check the spelling): the page may use {KNOWN}")],
    ),
    (
        "\n\n{{ figure_rnage('band-7') }}",
        [(3, f"there is no macro or value called 'figure_rnage' (check the spelling): the page may use {KNOWN}")],
    ),
    ("{{ cycler.__init__.__globals__ }}", [(1, "'.__globals__' is not a field a page may read: " + ALLOWED)]),
    (
        "{{ cycler.__init__.__globals__.os.system('x') }}",
        [(1, f"there is no macro or value called 'cycler' (check the spelling): the page may use {KNOWN}")],
    ),
    ("{{ hub.name.upper() }}", [(1, f"only a macro can be called, by its name: {ALLOWED}")]),
    ("{{ figure_range }}", [(1, "figure_range is a macro: write {{ figure_range() }} with brackets")]),
    (
        "{{ figure_range(hub.name) }}",
        [(1, "figure_range() is given Getattr: give it literal text in quotes or a number")],
    ),
    ("{{ figure_range(*['band-7']) }}", [(1, "figure_range(): write each value out, without * or **")]),
    (
        "{{ figure_range('\\x3cscript>') }}",
        [(1, "figure_range(): text given to a macro may not hold < >: give the macro a plain id or label")],
    ),
    (
        "{{ figure_range('" + "a" * 201 + "') }}",
        [(1, "figure_range(): text given to a macro is longer than 200 characters: write it in the page instead")],
    ),
    (
        "{{ figure_range(10 ** 20) }}",
        [(1, "figure_range() is given arithmetic: give it literal text in quotes or a number")],
    ),
    (
        "{{ figure_range(100000000000000000000) }}",
        [(1, "figure_range(): a number given to a macro has too many digits")],
    ),
    ("{{ figure_range('band-8') }}", [(1, "figure_range() stopped: there is no figure 'band-8' in data/figures.yaml")]),
    (
        "{{ figure_range('band-7', colour=1) }}",
        [(1, "figure_range() stopped: figure_range() got an unexpected keyword argument 'colour'")],
    ),
    ("{{ drop_in_facts().secret }}", [(1, "there is no field '.secret' (check the spelling): the fields are kind")]),
    ("{{ hub.colour }}", [(1, "there is no field '.colour' (check the spelling): the fields are name, region")]),
    ("{{ hub.name.upper }}", [(1, "'.upper' cannot be read here: what comes before it has no fields")]),
    ("{{ whole_facts() }}", [(1, "this gives Facts, not text: name one of its fields, like .name")]),
    ("{{ (figure_range('band-7')) }}", []),
]


@pytest.mark.parametrize(("source", "expected"), REFUSED)
def test_anything_else_is_refused_at_its_line_with_what_to_write(source, expected):
    assert problems(source) == expected


def test_every_problem_on_a_page_is_reported_in_page_order():
    source = "{{ hub.name }}\n{{ 1 + 1 }}\n\n{% set x = 1 %}"
    assert [line for line, _ in problems(source)] == [2, 4]


def test_only_the_hubs_own_functions_are_macros():
    # Functions made here: changing the module's figure_range would carry over to the
    # tests run after this one, and to a second run in the same process (mutmut makes one).
    def pretty(value):  # mkdocs-macros' own filter, which writes raw HTML
        return value

    def figure_range_hub(figure_id: str) -> str:
        return figure_id

    pretty.__module__ = "mkdocs_macros.plugin"
    assert hub_made({"pretty": pretty, "figure_range": figure_range}) == {}
    figure_range_hub.__module__ = "macros.figures.macros"
    assert hub_made({"pretty": pretty, "figure_range": figure_range_hub}) == {"figure_range": figure_range_hub}


def test_brackets_nested_past_the_limit_are_refused_before_jinja_parses_them():
    starts, ends = ("{{", "{%"), ("}}", "%}")
    deep = "Intro\n\n{{ " + "(" * 3000 + ")" * 3000 + " }}"
    problem = bracket_depth_problem(deep, starts, ends)
    assert (problem.line, problem.message) == (
        3,
        f"brackets are nested more than {DEEPEST_BRACKETS} deep: {ALLOWED}",
    )
    assert bracket_depth_problem("{{ f((1)) }} and ((((((((((((((((((((((( in prose", starts, ends) is None


def test_a_line_of_braces_is_read_once():
    # 150,000 `{` (issue 28): one pass finds the depth problem at once, instead of Jinja recursing.
    problem = bracket_depth_problem("{" * 150_000, ("{{",), ("}}",))
    assert problem is not None and problem.line == 1


# --- generated pages: what the check allows is exactly what the grammar of allowed pages makes ---

literal = st.one_of(
    st.from_regex(r"[a-z0-9 .'-]{0,20}", fullmatch=True).map(repr),
    st.integers(min_value=-999, max_value=999).map(str),
    st.sampled_from(["true", "false", "none", "2.5"]),
)
allowed_call = st.builds(
    lambda name, args: f"{name}({', '.join(args)})",
    st.sampled_from(["figure_range", "drop_in_facts"]),
    st.lists(literal, max_size=2),
)
allowed_expression = st.one_of(
    allowed_call.filter(lambda call: call.startswith("figure_range")),
    allowed_call.filter(lambda call: call.startswith("drop_in_facts")).map(lambda call: call + ".kind"),
    st.sampled_from(["hub.name", "hub.region", "roadmap_storage_key"]),
)
prose = st.from_regex(r"[A-Za-z0-9 ,.\n#*-]{0,30}", fullmatch=True)
allowed_page = st.lists(
    st.one_of(prose, allowed_expression.map(lambda expression: "{{ " + expression + " }}")), max_size=6
).map("".join)

forbidden_piece = st.sampled_from(
    [
        "{% set x = 1 %}",
        "{% for i in range(3) %}x{% endfor %}",
        "{{ hub.name | upper }}",
        "{{ hub.name[0] }}",
        "{{ 6 * 7 }}",
        "{{ 'text' }}",
        "{{ config }}",
        "{{ lipsum() }}",
        "{{ hub.name if hub else '' }}",
        "{{ figure_range(hub.name) }}",
        "{{ drop_in_facts().__class__ }}",
        "{{ range(10) }}",
        "{{ [1, 2] }}",
        "{% macro m() %}{% endmacro %}",
        "{{ hub.name ~ hub.region }}",
        "{{ not hub }}",
        "{{ figure_range('<b>') }}",
    ]
)


@settings(max_examples=150, deadline=None)
@given(allowed_page)
def test_pages_made_only_of_text_and_allowed_calls_pass(source):
    found = [(line, message) for line, message in problems(source) if "stopped:" not in message]
    assert found == []


@settings(max_examples=150, deadline=None)
@given(allowed_page, forbidden_piece, allowed_page)
def test_a_page_with_any_forbidden_piece_is_refused_at_that_piece(before, piece, after):
    source = before + "\n" + piece + "\n" + after
    found = problems(source)
    piece_line = before.count("\n") + 2
    assert found, source
    assert any(line == piece_line for line, _ in found), (source, found)


# --- page_problems: the caller's view (mkdocs-macros' public properties, stood in for) ---


def hub_figure_range(figure_id: str, hours: float = 37.5) -> str:
    """figure_range as if the hub's macros package made it (figure_range itself is left as it is)."""
    return figure_range(figure_id, hours)


hub_figure_range.__module__ = "macros.figures.macros"


def fake_plugin(meta=None):
    from types import SimpleNamespace

    return SimpleNamespace(
        env=PARSER, macros={"figure_range": hub_figure_range}, variables={"hub": VALUES["hub"]},
        page=SimpleNamespace(meta=meta or {}),
    )  # fmt: skip


def test_the_caller_counts_the_front_matter_and_reports_jinja_syntax_at_its_line():
    from macros.core.page_jinja import page_problems

    found = page_problems(fake_plugin(), "Text\n\n{% raw %}\n{{ x\n", "docs/t.md", 6)
    assert [str(problem) for problem in found] == [
        "docs/t.md:9: the macros on this page cannot be read (Missing end of raw directive). Check that each '{{' "
        "has its '}}', each '{%' its '%}' and each '{% raw %}' its '{% endraw %}'; to show {{ or {% as text, "
        "remove 'render_macros: true' from the page's front matter"
    ]
    found = page_problems(fake_plugin(), "Line\n{{ figure_range('nope') }}\n", "docs/t.md", 6)
    assert [str(problem) for problem in found] == [
        "docs/t.md:8: figure_range() stopped: there is no figure 'nope' in data/figures.yaml"
    ]


def test_a_front_matter_key_cannot_stand_for_a_macro_or_value():
    from macros.core.page_jinja import page_problems

    found = page_problems(fake_plugin({"hub": {"name": "<script>"}}), "{{ hub.name }}", "docs/t.md", 5)
    assert [str(problem) for problem in found] == [
        "docs/t.md:1: the front matter key 'hub' is the name of one of the hub's macros or values: delete it"
    ]
