"""A page's Jinja rules at their edges, each message compared whole: the limits, each
kind of expression refused, what a call gives, and the caller that stops the build
(macros/core/page_jinja.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

import pytest
from jinja2 import Environment
from mkdocs.exceptions import PluginError

from macros.core import page_jinja
from macros.core.page_jinja import (
    PageJinja,
    _literal_problem,
    _renders_macros,
    bracket_depth_problem,
    check_page_macros,
    remember_calls,
)
from macros.core.problems import DataProblem
from tests.unit.test_page_jinja import ALLOWED

PARSER = Environment()
CALLS: list[tuple] = []


def as_hub_macro(function):
    function.__module__ = "macros.testing"
    return function


@dataclass
class Place:
    PAGE_FIELDS = frozenset({"town", "county"})

    town: str = "Stroud"
    county: str = "Gloucestershire"


@as_hub_macro
def echo(*arguments, **keywords) -> str:
    CALLS.append((arguments, keywords))
    return " ".join([*(str(a) for a in arguments), *(f"{k}={v}" for k, v in sorted(keywords.items()))])


@as_hub_macro
def give(kind: str):
    return {"true": True, "none": None, "three": 3, "half": 2.5, "place": Place(), "empty": {}}[kind]


@as_hub_macro
def refuse(kind: str) -> str:
    if kind == "silent":
        raise RuntimeError()
    raise ValueError("\n  the first line\nthe second line")


@as_hub_macro
def place(town: str = "") -> Place:
    if town == "nowhere":
        raise LookupError(f"there is no place '{town}'")
    return Place()


OWN = {"echo": echo, "give": give, "refuse": refuse, "place": place}
OWN_VALUES = {"hub": {"region": "Gloucestershire", "name": "OT hub"}, "roadmap_storage_key": "roadmap"}


def own_problems(source: str) -> list[tuple[int, str]]:
    page = PageJinja(OWN, OWN_VALUES)
    template = PARSER.parse(source)
    return [(p.line, p.message) for p in page.problems(template) or page.call_problems(template)]


DEEP = f"brackets are nested more than 20 deep: {ALLOWED}"


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("{{ " + "(" * 20 + ")" * 20 + " }}", None),
        ("{{ " + "(" * 21 + ")" * 21 + " }}", 1),
        ("{{ " + "[" * 11 + "{" * 10 + " }}", 1),
        ("{{ " + "(a" * 21 + ")" * 21 + " }}", 1),
        ("{{ " + "(" * 11 + "X" + "(" * 10 + " }}", 1),
        ("{{ " + "X" * 30 + " }}", None),
        ("{{ " + "()" * 30 + " }}", None),
        ("\n{% " + "(" * 21 + " %}", 2),
        ("{{ 1 }}\n" + "(" * 30, None),
    ],
)
def test_brackets_are_counted_inside_jinja_only_and_to_the_limit(source, line):
    problem = bracket_depth_problem(source, ("{{", "{%"), ("}}", "%}"))
    assert (problem.line, problem.message) == (line, DEEP) if line else problem is None


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (10**15 - 1, None),
        (-(10**15) + 1, None),
        (10**15, "a number given to a macro has too many digits"),
        (-(10**15), "a number given to a macro has too many digits"),
        (True, None),
        (None, None),
        (2.5, None),
        ("a" * 200, None),
        ("band 7 (top)", None),
        ("a" * 201, "text given to a macro is longer than 200 characters: write it in the page instead"),
        ("a{b&c", "text given to a macro may not hold & {: give the macro a plain id or label"),
        ("a\x1fb", "text given to a macro may not hold a control character: give the macro a plain id or label"),
        ("a\\b\x00", "text given to a macro may not hold \\: give the macro a plain id or label"),
        ((1, 2), "a macro takes plain text, numbers, true, false or none"),
    ],
)
def test_what_literal_a_macro_may_be_given(value, problem):
    assert _literal_problem(value) == problem


def refused(what: str) -> str:
    return f"{what} is not allowed inside {{{{ }}}} in a page: {ALLOWED}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ not hub }}", [(1, refused("arithmetic"))]),
        ("{{ 1 < 2 }}", [(1, refused("a comparison"))]),
        ("{{ hub if hub else 1 }}", [(1, refused("an if ... else"))]),
        ("{{ hub is defined }}", [(1, refused("a test (is ...)"))]),
        ("{{ [1] }}", [(1, refused("a list"))]),
        ("{{ (1, 2) }}", [(1, refused("a list"))]),
        ("{{ {'a': 1} }}", [(1, refused("a mapping"))]),
        ("{{ hub[1:] }}", [(1, refused("a slice [a:b]"))]),
        ("{{ echo(hub[1:]) }}", [(1, "echo() is given a slice [a:b]: give it literal text in quotes or a number")]),
        ("{{ echo(hub['a']) }}", [(1, "echo() is given square brackets [...]: give it literal text in quotes or a number")]),
        ("{{ echo(-true) }}", [(1, "echo() is given arithmetic: give it literal text in quotes or a number")]),
        ("{{ echo(-'a') }}", [(1, "echo() is given arithmetic: give it literal text in quotes or a number")]),
        ("{{ echo(x=hub.name) }}", [(1, "echo() is given Getattr: give it literal text in quotes or a number")]),
        (
            "{{ echo(hub.name, 'a<', hub.region, 'b>') }}",
            [
                (1, "echo() is given Getattr: give it literal text in quotes or a number"),
                (1, "echo(): text given to a macro may not hold <: give the macro a plain id or label"),
                (1, "echo() is given Getattr: give it literal text in quotes or a number"),
                (1, "echo(): text given to a macro may not hold >: give the macro a plain id or label"),
            ],
        ),
        ("{{ echo(**{'a': 1}) }}", [(1, "echo(): write each value out, without * or **")]),
        ("{{ place().town() }}", [(1, f"only a macro can be called, by its name: {ALLOWED}")]),
        ("{{ 'a'.upper() }}", [(1, f"only a macro can be called, by its name: {ALLOWED}")]),
        ("{{ echo()() }}", [(1, f"only a macro can be called, by its name: {ALLOWED}")]),
        (
            "{{ config['a']() }}",
            [(1, "there is no macro or value called 'config' (check the spelling): the page may use echo, give, "
                 "hub, place, refuse, roadmap_storage_key")],
        ),
        ("{{ hub._x }}", [(1, f"'._x' is not a field a page may read: {ALLOWED}")]),
        ("{{ echo }}\n{{ give }}", [(1, "echo is a macro: write {{ echo() }} with brackets"),
                                    (2, "give is a macro: write {{ give() }} with brackets")]),
        ("{% set x = 1 %}{% for i in x %}{% endfor %}", [
            (1, f"{{% assign %}} is not allowed in a page (no set, for, if, macro, include or block): write the text "
                f"itself, or {ALLOWED}"),
            (1, f"{{% for %}} is not allowed in a page (no set, for, if, macro, include or block): write the text "
                f"itself, or {ALLOWED}"),
        ]),
    ],
)  # fmt: skip
def test_each_kind_of_expression_is_refused_by_name(source, expected):
    assert own_problems(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ echo('a', -2, -2.5, none, true) }}", []),
        ("{{ give('three') }} {{ give('half') }}", []),
        ("{{ give('true') }}", [(1, "this gives bool, not text: name one of its fields, like .name")]),
        ("{{ give('none') }}", [(1, "this gives NoneType, not text: name one of its fields, like .name")]),
        ("{{ give('place') }}", [(1, "this gives Place, not text: name one of its fields, like .name")]),
        ("{{ give('place').town }} {{ place().county }}", []),
        (
            "{{ place().secret }}",
            [(1, "there is no field '.secret' (check the spelling): the fields are county, town")],
        ),
        (
            "{{ hub.colour }}",
            [(1, "there is no field '.colour' (check the spelling): the fields are name, region")],
        ),
        ("{{ give('empty').x }}", [(1, "'.x' cannot be read here: what comes before it has no fields")]),
        ("{{ refuse('silent') }}", [(1, "refuse() stopped: RuntimeError")]),
        ("{{ refuse('lines') }}", [(1, "refuse() stopped: the first line")]),
        ("{{ place('nowhere').town }}", [(1, "place() stopped: there is no place 'nowhere'")]),
        (
            "{{ refuse('silent') }}\n{{ hub.colour }}\n{{ give('true') }}\n{{ refuse('lines') }}",
            [
                (1, "refuse() stopped: RuntimeError"),
                (2, "there is no field '.colour' (check the spelling): the fields are name, region"),
                (3, "this gives bool, not text: name one of its fields, like .name"),
                (4, "refuse() stopped: the first line"),
            ],
        ),
    ],
)
def test_each_call_is_made_and_what_it_gives_must_be_text(source, expected):
    assert own_problems(source) == expected


def test_each_call_is_made_once_and_remembered_with_its_values():
    CALLS.clear()
    page = PageJinja(OWN, OWN_VALUES)
    template = PARSER.parse("{{ echo('a', n=-2, m=1) }} {{ echo('a', m=1, n=-2) }} {{ echo(-2.5) }}")
    assert page.problems(template) == [] and page.call_problems(template) == []
    assert CALLS == [(("a",), {"n": -2, "m": 1}), ((-2.5,), {})]
    assert page.results == {("echo", ("a",), (("m", 1), ("n", -2))): "a m=1 n=-2", ("echo", (-2.5,), ()): "-2.5"}


def test_only_the_page_values_are_kept_from_what_mkdocs_macros_offers():
    page = PageJinja(OWN, {**OWN_VALUES, "config": {"secret": 1}})
    assert page.values == OWN_VALUES


# --- the caller: mkdocs-macros' plugin, stood in for with its public properties ---


def fake_page(meta=None, abs_src_path="/site/docs/roles/x.md", content="", src="roles/x.md"):
    return SimpleNamespace(
        meta=meta if meta is not None else {},
        file=SimpleNamespace(abs_src_path=abs_src_path, src_path=src, src_uri=src, content_string=content),
    )


def fake_plugin(page, markdown="", render_by_default=True, forced=()):
    asked = []

    def force_page_rendering(path):
        asked.append(path)
        return path in forced

    return SimpleNamespace(
        env=PARSER, macros=dict(OWN), variables=dict(OWN_VALUES), page=page, markdown=markdown,
        conf={"docs_dir": "/site/pages"}, config={"render_by_default": render_by_default},
        force_page_rendering=force_page_rendering, asked=asked,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("meta", "by_default", "forced", "renders"),
    [
        ({"render_macros": False}, True, ("roles/x.md",), False),
        ({"render_macros": True}, False, (), True),
        ({}, True, (), True),
        ({}, False, ("roles/x.md",), True),
        ({}, False, (), False),
        ({"render_macros": None}, False, (), False),
    ],
)
def test_a_page_renders_macros_as_mkdocs_macros_decides(meta, by_default, forced, renders):
    plugin = fake_plugin(fake_page(meta), render_by_default=by_default, forced=forced)
    assert _renders_macros(plugin, plugin.page) is renders


def test_the_page_asked_about_is_the_page_file():
    plugin = fake_plugin(fake_page(), render_by_default=False)
    _renders_macros(plugin, plugin.page)
    assert plugin.asked == ["roles/x.md"]


SOURCE = "---\ntitle: x\nrender_macros: true\n---\n\nIntro\n{{ echo('a') }}\n{{ nope() }}\n"
KNOWN = "echo, give, hub, place, refuse, roadmap_storage_key"


def test_a_page_breaking_the_rules_stops_the_build_at_the_files_lines():
    markdown = SOURCE.split("---\n", 2)[2]
    plugin = fake_plugin(fake_page({"render_macros": True}, content=SOURCE), markdown)
    with pytest.raises(PluginError) as stopped:
        check_page_macros(plugin)
    assert str(stopped.value) == (
        "A page's macros need fixing:\n"
        f"pages/roles/x.md:8: there is no macro or value called 'nope' (check the spelling): the page may use {KNOWN}"
    )


def test_a_page_whose_text_mkdocs_macros_changed_is_counted_from_its_first_line():
    plugin = fake_plugin(fake_page(content=SOURCE), "Intro\n{{ nope() }}\n{{ nope() }}")
    with pytest.raises(PluginError) as stopped:
        check_page_macros(plugin)
    assert str(stopped.value).splitlines()[1:] == [
        f"pages/roles/x.md:2: there is no macro or value called 'nope' (check the spelling): the page may use {KNOWN}",
        f"pages/roles/x.md:3: there is no macro or value called 'nope' (check the spelling): the page may use {KNOWN}",
    ]


def test_a_good_page_hands_its_calls_to_the_render_and_the_next_page_starts_afresh(monkeypatch):
    monkeypatch.setattr(page_jinja, "_THIS_PAGE", {})
    good = "---\ntitle: x\n---\n{{ echo('b') }}\n"
    check_page_macros(fake_plugin(fake_page(content=good), good.split("---\n", 2)[2]))
    assert page_jinja._THIS_PAGE == {("echo", ("b",), ()): "b"}
    check_page_macros(fake_plugin(fake_page(abs_src_path=None, content=good), good))
    assert page_jinja._THIS_PAGE == {}
    check_page_macros(fake_plugin(fake_page(content=good), good.split("---\n", 2)[2]))
    check_page_macros(fake_plugin(fake_page({"render_macros": False}, content=good), good))
    assert page_jinja._THIS_PAGE == {}


def test_a_page_with_problems_hands_nothing_to_the_render():
    results: dict = {}
    found = page_jinja.page_problems(
        fake_plugin(fake_page()), "{{ echo('a') }}{{ give('true') }}", "d/x.md", 0, results
    )
    assert [str(problem) for problem in found] == [
        "d/x.md:1: this gives bool, not text: name one of its fields, like .name"
    ]
    assert results == {}


def test_front_matter_keys_taking_names_are_each_refused():
    plugin = fake_plugin(fake_page({"hub": 1, "echo": 2, "title": "x"}))
    assert [str(p) for p in page_jinja.page_problems(plugin, "Text", "d/x.md", 3)] == [
        "d/x.md:1: the front matter key 'echo' is the name of one of the hub's macros or values: delete it",
        "d/x.md:1: the front matter key 'hub' is the name of one of the hub's macros or values: delete it",
    ]


def test_a_syntax_error_without_a_line_is_put_at_the_first_line(monkeypatch):
    from jinja2 import TemplateSyntaxError

    class Unreadable(Environment):
        def parse(self, source, name=None, filename=None):
            raise TemplateSyntaxError("unexpected end", None)

    plugin = fake_plugin(fake_page())
    plugin.env = Unreadable()
    assert [str(p) for p in page_jinja.page_problems(plugin, "x", "d/x.md", 4)] == [
        "d/x.md:5: the macros on this page cannot be read (unexpected end). Check that each '{{' has its '}}', "
        "each '{%' its '%}' and each '{% raw %}' its '{% endraw %}'; to show {{ or {% as text, remove "
        "'render_macros: true' from the page's front matter"
    ]


def test_too_deep_brackets_are_reported_before_parsing_at_the_files_line():
    plugin = fake_plugin(fake_page())
    source = "Intro\n{{ " + "(" * 25 + " }}"
    assert [str(p) for p in page_jinja.page_problems(plugin, source, "d/x.md", 4)] == [f"d/x.md:6: {DEEP}"]


def test_remembered_calls_are_handed_back_and_others_made(monkeypatch):
    monkeypatch.setattr(page_jinja, "_THIS_PAGE", {("echo", ("a",), (("k", 1),)): "remembered"})

    def pretty(value):
        return value

    pretty.__module__ = "mkdocs_macros.plugin"
    env = SimpleNamespace(macros={"echo": echo, "pretty": pretty})
    remember_calls(env)
    assert env.macros["pretty"] is pretty
    assert env.macros["echo"] is not echo and env.macros["echo"].__name__ == "echo"
    CALLS.clear()
    assert env.macros["echo"]("a", k=1) == "remembered"
    assert env.macros["echo"]("a", k=2) == "a k=2"
    assert env.macros["echo"]("a") == "a"
    assert CALLS == [(("a",), {"k": 2}), (("a",), {})]


class NoModule:
    """A callable that says it has no module (some of Python's own objects do not)."""

    def __getattribute__(self, name):
        if name == "__module__":
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __call__(self):
        return ""


def test_a_callable_without_a_module_is_not_the_hubs():
    assert page_jinja.hub_made({"odd": NoModule(), "echo": echo}) == {"echo": echo}


def test_a_builtins_method_whose_module_is_none_is_not_the_hubs():
    # A pluglet may register one (env.macro(datetime.now, "now")): it once stopped the check.
    assert datetime.now.__module__ is None
    assert page_jinja.hub_made({"now": datetime.now, "echo": echo}) == {"echo": echo}


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("{{}}", None),
        ("{{ " + "(" * 21 + " }}\nmore\ntext\n", 1),
        ("{{ " + "(" * 12 + ")" + "(" * 10 + " }}", 1),
        ("{{ " + "(" * 12 + ")" * 2 + "(" * 10 + " }}", None),
    ],
)
def test_the_depth_goes_down_one_a_closing_bracket_and_the_line_is_where_it_went_too_deep(source, line):
    problem = bracket_depth_problem(source, ("{{", "{%"), ("}}", "%}"))
    assert (problem.line, problem.message) == (line, DEEP) if line else problem is None


def test_calls_worked_out_on_a_template_not_checked_first_each_become_one_line():
    page = PageJinja(OWN, OWN_VALUES)
    template = PARSER.parse("{{ nope }}\n{{ hub.name.upper() }}\n{{ 1 + 1 }}")
    assert [(p.line, p.message) for p in page.call_problems(template)] == [
        (1, "nope() stopped: 'nope'"),
        (2, "?() stopped: AssertionError"),
        (3, "?() stopped: AssertionError"),
    ]


def test_the_callers_problems_name_no_entry():
    plugin = fake_plugin(fake_page({"echo": 1}))
    assert page_jinja.page_problems(plugin, "x", "d/x.md", 3) == [
        DataProblem(
            "d/x.md", 1, "", "the front matter key 'echo' is the name of one of the hub's macros or values: delete it"
        )
    ]
    plugin = fake_plugin(fake_page())
    assert page_jinja.page_problems(plugin, "{{ " + "(" * 25 + " }}", "d/x.md", 3) == [
        DataProblem("d/x.md", 4, "", DEEP)
    ]
    assert page_jinja.page_problems(plugin, "\n{{ x", "d/x.md", 3) == [
        DataProblem(
            "d/x.md",
            5,
            "",
            "the macros on this page cannot be read (unexpected end of template, expected 'end of print statement'.). "
            "Check that each '{{' has its '}}', each '{%' its '%}' and each '{% raw %}' its '{% endraw %}'; to show "
            "{{ or {% as text, remove 'render_macros: true' from the page's front matter",
        )
    ]
    assert page_jinja.page_problems(plugin, "\n{{ give('true') }}", "d/x.md", 3) == [
        DataProblem("d/x.md", 5, "", "this gives bool, not text: name one of its fields, like .name")
    ]
