"""Front matter cannot change what a page is: a template that drops it, or Jinja in its title (issue 28)."""

from __future__ import annotations

import pytest

from macros.core import page_meta
from macros.core.page_meta import front_matter_problems
from macros.core.problems import DataProblem

SOURCE = "---\ntitle: {title}\ndescription: D\ntemplate: {template}\n---\n\n# Body\n"


def problems(title="A page", template=None) -> list[str]:
    meta = {"title": title}
    if template is not None:
        meta["template"] = template
    source = SOURCE.format(title=title, template=template or "")
    return [str(problem) for problem in front_matter_problems(meta, source, "docs/x.md")]


@pytest.mark.parametrize("template", ["redirect.html", "404.html", "blog-post.html", "mian.html", "base.html"])
def test_a_template_that_would_replace_the_page_is_refused(template):
    assert problems(template=template) == [
        f"docs/x.md:4: 'template: {template}' would replace this page's text with another page: delete the line "
        "(the ordinary page template is main.html)"
    ]


def test_the_ordinary_template_and_none_pass():
    assert problems(template="main.html") == []
    assert problems() == []


@pytest.mark.parametrize("title", ["{{ config.hooks }}", "Pay {% if x %}", "A {# note #} title"])
def test_jinja_in_a_title_is_refused(title):
    assert problems(title=title) == [
        "docs/x.md:2: a title is shown as typed and cannot hold {{, {% or {#: write the words themselves"
    ]


def test_a_problem_names_no_entry_only_the_file_and_line():
    meta = {"title": "{{ x }}", "template": "404.html"}
    source = SOURCE.format(title="{{ x }}", template="404.html")
    assert front_matter_problems(meta, source, "docs/x.md") == [
        DataProblem(
            "docs/x.md", 4, "",
            "'template: 404.html' would replace this page's text with another page: delete the line "
            "(the ordinary page template is main.html)",
        ),
        DataProblem(
            "docs/x.md", 2, "", "a title is shown as typed and cannot hold {{, {% or {#: write the words themselves"
        ),
    ]  # fmt: skip


def test_a_key_the_source_does_not_write_plainly_is_reported_at_the_file():
    # YAML reads a quoted key too: the problem is still reported, without a line.
    source = '---\n"template": redirect.html\n"title": "{{ x }}"\n---\n'
    meta = {"template": "redirect.html", "title": "{{ x }}"}
    assert [str(problem) for problem in front_matter_problems(meta, source, "docs/x.md")] == [
        "docs/x.md: 'template: redirect.html' would replace this page's text with another page: delete the line "
        "(the ordinary page template is main.html)",
        "docs/x.md: a title is shown as typed and cannot hold {{, {% or {#: write the words themselves",
    ]


def test_lines_are_counted_from_the_first_character_of_the_source():
    source = "\ntemplate: redirect.html\n"
    assert [problem.line for problem in front_matter_problems({"template": "redirect.html"}, source, "x")] == [2]


def test_the_message_names_every_template_a_page_may_use(monkeypatch):
    monkeypatch.setattr(page_meta, "PAGE_TEMPLATES", ("main.html", "wide.html"))
    assert problems(template="404.html") == [
        "docs/x.md:4: 'template: 404.html' would replace this page's text with another page: delete the line "
        "(the ordinary page template is main.html, wide.html)"
    ]


@pytest.mark.parametrize("title", [2026, None, ["{{ x }}"], {"{{": 1}])
def test_a_title_that_is_not_text_is_left_to_the_front_matter_check(title):
    assert front_matter_problems({"title": title}, "---\ntitle: x\n---\n", "docs/x.md") == []
