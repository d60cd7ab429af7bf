"""The first reading of a page, at its edges, each message compared whole: addresses a browser
reads past noise in, ids in any case, attribute lists as Markdown scans them, the page's Jinja
and fenced code, line numbers, and the longest line (macros/core/page_html.py)."""

from __future__ import annotations

import pytest

from macros.core.page_html import address_problem, html_problems, id_problem
from macros.core.problems import DataProblem

FRONT = "---\ntitle: A page\n---\n\n"
ADDRESS_ADVICE = (
    "a link or image address must start https://, mailto: or tel:, or be a page or file of the hub (like "
    "../roles/funding.md) or a #heading on the page"
)
RESERVED = (
    "starts like the ids the site's own page parts use (_, hub-, jd-, cost-, answer-, question-, outcome-, route-, "
    "tick-, spec-, feed-, series-): choose another id"
)
ONLY = "delete it (only #id, .class and title= may be set)"
ONCLICK = f"the attribute onclick= in {{: ... }} runs code in the reader's browser: {ONLY}"
BOLD = "the HTML element <b> is not allowed in a page: write **bold** in Markdown instead"


def problems(page: str) -> list[str]:
    return [str(p) for p in html_problems(page, "docs/a.md")]


def test_an_address_is_read_past_the_spaces_and_marks_a_browser_ignores():
    assert (
        address_problem(" http://a.org")
        == "the address ' http://a.org' is not secure: write https:// instead of http://"
    )
    assert address_problem("\x01 https://a.org") is None
    assert address_problem("Xhttps://a.org") == f"the address 'Xhttps://a.org' is not allowed: {ADDRESS_ADVICE}"
    assert address_problem("\\evil.example") == (
        "the address '\\evil.example' leaves the hub without saying how: write it in full, starting https://"
    )


def test_a_reserved_id_is_refused_in_any_case():
    assert id_problem("Hub-top") == f"the id 'Hub-top' {RESERVED}"
    assert id_problem("top") is None


def test_a_value_holding_either_angle_bracket_is_refused_and_an_id_is_read_whole():
    held = "the value of title= on <span> holds < or >: write the words without them (a value cannot hold HTML)"
    assert problems(FRONT + '<span title="a < b">x</span> <span title="c > d">y</span>\n') == [
        f"docs/a.md:5: {held}",
        f"docs/a.md:5: {held}",
    ]
    assert problems(FRONT + '<span id="Xhub-a">x</span>\n') == []


@pytest.mark.parametrize("first", [".a", "#a", 'title="t"'])
def test_each_attribute_of_a_list_is_read_after_a_class_an_id_or_a_title(first):
    assert problems(FRONT + f'Para\n{{: {first} onclick="x()" }}\n') == [f"docs/a.md:6: {ONCLICK}"]


def test_problems_at_one_place_keep_the_order_written():
    assert problems(FRONT + 'Para\n{: onclick="x()" foo }\n') == [
        f"docs/a.md:6: {ONCLICK}",
        f"docs/a.md:6: the attribute foo in {{: ... }} is not allowed: {ONLY}",
    ]


def test_a_long_attribute_name_is_shown_cut_at_forty_characters():
    assert problems(FRONT + "Para\n{: " + "a" * 40 + " " + "b" * 41 + '="1" }\n') == [
        f"docs/a.md:6: the attribute {'a' * 40} in {{: ... }} is not allowed: {ONLY}",
        f"docs/a.md:6: the attribute {'b' * 40}...= in {{: ... }} is not allowed: {ONLY}",
    ]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # where Markdown reads an attribute list: written {: ...}, ending its line, or after an inline element
        ('{: onclick="x()" }\nText\n', [f"docs/a.md:1: {ONCLICK}"]),
        (FRONT + 'Para {: onclick="x()"} more\n', [f"docs/a.md:5: {ONCLICK}"]),
        (FRONT + 'Para {onclick="x()"}\nMore text\n', [f"docs/a.md:5: {ONCLICK}"]),
        (FRONT + 'Para {onclick="x()"}   \n', [f"docs/a.md:5: {ONCLICK}"]),
        ('Para {onclick="x()"}', [f"docs/a.md:1: {ONCLICK}"]),
        ('){onclick="x()"} more\n', [f"docs/a.md:1: {ONCLICK}"]),
        (FRONT + 'Para\n{: title=a}{onclick="x()"}\n', [f"docs/a.md:6: {ONCLICK}"]),
        # and where it does not: a { in prose, and a { inside a list's own value
        ('{onclick="x()"} and [a](b.md)', []),
        ('X{onclick="x()"} more\n', []),
        (FRONT + 'Para\n{: title="{onclick=x}" }\n', []),
        (FRONT + 'Para\n{: title="x{on}" }\n', []),
    ],
)
def test_an_attribute_list_is_read_where_markdown_reads_one(page, expected):
    assert problems(page) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (FRONT + '{{ a }} *em*{onclick="x()"} {{ b }}\n', [f"docs/a.md:5: {ONCLICK}"]),
        (FRONT + '{##} *em*{onclick="x()"} {# b #}\n', [f"docs/a.md:5: {ONCLICK}"]),
        (FRONT + '{{ a }}\n{: onclick="x()" }\n\n\n\n\nText\n', [f"docs/a.md:6: {ONCLICK}"]),
        (FRONT + "{#x#}{#x#}{#x#}{#x#}{#x#}{#x#}\n{:on}\nText\n",
         [f"docs/a.md:6: the attribute on in {{: ... }} runs code in the reader's browser: {ONLY}"]),
        (FRONT + "Para\n{: .a {{ x }} }\n", []),
    ],
)  # fmt: skip
def test_the_pages_jinja_is_blanked_each_expression_alone_keeping_places(page, expected):
    assert problems(page) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("```\n<b>x</b>\n```\n", []),
        (FRONT + "```\n<b>x</b>\n```\n", []),
        (FRONT + "```\n```\n<b>x</b>\n```\n", [f"docs/a.md:7: {BOLD}"]),
        (FRONT + "<b>x</b>\n```\ncode\n```\n", [f"docs/a.md:5: {BOLD}"]),
        (FRONT + "```\ncode\n```\n<b>x</b>\n```\n", [f"docs/a.md:8: {BOLD}"]),
        (FRONT + "```\na\n```\n```\n<b>x</b>\n```\n", []),
        (FRONT + "~~~\n```\n<b>x</b>\n```\n", []),
        (FRONT + '<span\n```\ncode\n```\ntitle="t">x</span>\n', []),
    ],
)
def test_only_the_lines_of_a_closed_fence_are_hidden(page, expected):
    assert problems(page) == expected


def test_every_problem_is_kept_and_a_heading_address_is_shown_as_the_theme_makes_it():
    assert problems(FRONT + "<b>x</b>\n{: .a }\n") == [f"docs/a.md:5: {BOLD}"]
    assert problems(FRONT + "<javascript:alert(1)> and <b>x</b>\n") == [
        f"docs/a.md:5: the address 'javascript:alert(1)' is not allowed: {ADDRESS_ADVICE}",
        f"docs/a.md:5: {BOLD}",
    ]
    assert problems(FRONT + "# _Secret part\n") == [
        "docs/a.md:5: the heading's address '#_secret-part' is one the theme uses: start the heading with a letter"
    ]


def test_the_front_matter_is_not_read():
    assert problems("---\ntitle: A <b> page\n---\n\nText\n") == []


def test_a_line_of_ten_thousand_characters_is_read_and_a_longer_one_refused():
    assert html_problems(FRONT + "<b>" + "a" * 9997 + "\n", "docs/a.md") == [DataProblem("docs/a.md", 5, "", BOLD)]
    assert html_problems(FRONT + "a" * 10001 + "\n", "docs/a.md") == [
        DataProblem(
            "docs/a.md", 5, "",
            "this line is 10,001 characters long: split it into lines of fewer than 10,000 (a blank line between "
            "paragraphs)",
        )
    ]  # fmt: skip
