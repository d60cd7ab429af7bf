"""Front matter cannot change what a page is: a template that drops it, or Jinja in its title (issue 28)."""

from __future__ import annotations

import pytest

from macros.core.page_meta import front_matter_problems

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
