"""The built site keeps the promise: one policy on every page and no script of its own (issue 28)."""

from __future__ import annotations

import pytest
from jinja2 import Environment, FileSystemLoader

from macros.core.site_output import POLICY, POLICY_META, page_problems, site_problems
from tests.helpers import PROJECT_ROOT

PAGE = (
    '<!doctype html>\n<html><head>\n<meta charset="utf-8">\n'
    + POLICY_META
    + "\n<title>x</title>\n</head>\n<body>{}</body></html>\n"
)


def render_policy(live_reload: bool) -> str:
    environment = Environment(loader=FileSystemLoader(PROJECT_ROOT / "overrides"))
    template = environment.get_template("partials/content-policy.html")
    return template.render(config={"extra": {"hub_live_reload": live_reload}}).strip()


def test_the_template_writes_the_policy_the_check_expects():
    assert render_policy(False) == POLICY_META


def test_only_mkdocs_serve_allows_its_inline_live_reload_script():
    assert render_policy(True) == POLICY_META.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


def test_the_policy_runs_only_the_sites_own_files():
    assert "'unsafe-inline'" not in POLICY and "'unsafe-eval'" not in POLICY and "sha256" not in POLICY
    assert POLICY.split("; ")[:3] == ["default-src 'self'", "script-src 'self'", "style-src 'self'"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<p>Text <script src="../assets/x.js"></script></p>', []),
        ('<script id="__config" type="application/json">{"a": 1}</script>', []),
        ('<script type="application/ld+json">{}</script>', []),
        # an editor's text quoted in a value is a value (a glossary tooltip, escaped by the hub)
        ('<abbr title="x&quot; onerror=&quot;y() href=javascript:z style=a">OT</abbr>', []),
        ("<p>Text about onclick= and <code>&lt;script&gt;</code></p>", []),
        ("<p>x</p>\n<script>alert(1)</script>", ["line 8: an inline <script>"]),
        ('<script type="module">alert(1)</script>', ["line 7: an inline <script>"]),
        ('<img src="x" onerror="alert(1)">', ["line 7: an event handler onerror= on <img>"]),
        ('<a href=" JavaScript:alert(1)">x</a>', ["line 7: a javascript: address in href= on <a>"]),
        ('<a href="&#106;avascript:alert(1)">x</a>', ["line 7: a javascript: address in href= on <a>"]),
        ('<p style="color:red">x</p>', ["line 7: a style attribute on <p>"]),
        (
            '<meta http-equiv="Content-Security-Policy" content="default-src *">',
            [],  # a second policy in the body can only add limits; browsers ignore one outside <head>
        ),
    ],
)
def test_what_a_built_page_may_not_hold(body, expected):
    assert page_problems(PAGE.format(body)) == expected


def test_a_page_without_the_policy_first_is_refused():
    without = PAGE.replace(POLICY_META + "\n", "")
    assert page_problems(without.format("")) == [
        "line 1: the page does not open with the site's Content-Security-Policy"
    ]
    later = without.replace("<title>x</title>", "<title>x</title>" + POLICY_META)
    assert page_problems(later.format("")) == ["line 1: the page does not open with the site's Content-Security-Policy"]


def test_a_sentence_naming_the_policy_does_not_remove_it():
    # The old hook skipped any page whose text held these words (a substring test).
    body = '<p>The words http-equiv="Content-Security-Policy" in a sentence</p>'
    assert page_problems(PAGE.format(body)) == []


def test_every_file_of_a_site_is_read(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(PAGE.format("<script>x()</script>"), encoding="utf-8")
    (tmp_path / "404.html").write_text(PAGE.format(""), encoding="utf-8")
    (tmp_path / "moved.html").write_text("<html><head></head></html>", encoding="utf-8")
    assert site_problems(tmp_path) == [
        "a/index.html: line 7: an inline <script>",
        "moved.html: line 1: the page does not open with the site's Content-Security-Policy",
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<script type="text/javascript">x()</script>', ["line 7: an inline <script>"]),
        ('<script type="application/javascript">x()</script>', ["line 7: an inline <script>"]),
        ("<script type>x()</script>", ["line 7: an inline <script>"]),
        ('<iframe src="javascript:x()"></iframe>', ["line 7: a javascript: address in src= on <iframe>"]),
        ('<form action="javascript:x()"></form>', ["line 7: a javascript: address in action= on <form>"]),
        (
            '<button formaction="javascript:x()">x</button>',
            ["line 7: a javascript: address in formaction= on <button>"],
        ),
        ('<object data="javascript:x()"></object>', ["line 7: a javascript: address in data= on <object>"]),
        (
            '<svg><a xlink:href="javascript:x()">x</a></svg>',
            ["line 7: a javascript: address in xlink:href= on <a>"],
        ),
        ('<a href="java\tscript:x()">x</a>', ["line 7: a javascript: address in href= on <a>"]),
        ('<a\thref="java\tscript:x()">x</a>', ["line 7: a javascript: address in href= on <a>"]),
        ("<a title='x' onclick='y()'>x</a>", ["line 7: an event handler onclick= on <a>"]),
        ("<a href=javascript:x()>x</a>", ["line 7: a javascript: address in href= on <a>"]),
        (
            '<p onclick="x()" style="y">z</p>',
            ["line 7: an event handler onclick= on <p>", "line 7: a style attribute on <p>"],
        ),
    ],
)
def test_every_way_a_page_could_run_script_is_named(body, expected):
    assert page_problems(PAGE.format(body)) == expected


def test_a_page_whose_head_is_written_in_capitals_keeps_its_policy():
    page = PAGE.replace("<head>", "<HEAD>").replace('<meta charset="utf-8">', '<META CHARSET="UTF-8">')
    assert page_problems(page.format("")) == []


def test_lines_are_counted_from_the_first_character_of_the_page():
    assert page_problems("\n<script>x()</script>") == [
        "line 1: the page does not open with the site's Content-Security-Policy",
        "line 2: an inline <script>",
    ]


def test_a_page_that_is_not_utf8_is_still_read(tmp_path):
    (tmp_path / "index.html").write_bytes(PAGE.format("caf\xe9 <script>x()</script>").encode("latin-1"))
    assert site_problems(tmp_path) == ["index.html: line 7: an inline <script>"]
