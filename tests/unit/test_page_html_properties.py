"""Generated pages (hypothesis): whatever Markdown an editor writes, if the page check passes it
(macros/core/page_html.py), the HTML the site's Markdown makes from it holds no script, no
event handler, no script address and no element outside what Markdown makes (issue 28).
The check and the renderer cannot disagree silently: a page passes, or is refused at a line.
The oracle below reads the HTML as a browser does (HTML5 parsing) and is written apart from
the check.
"""

from __future__ import annotations

import re

import markdown
import tinyhtml5
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from macros.core.page_html import page_problems
from tests.helpers import PROJECT_ROOT

# Markdown as the site makes it: mkdocs.yml's extensions and their settings.
CONFIG = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
EXTENSIONS, SETTINGS = CONFIG.markdown_extensions, CONFIG.mdx_configs

# What Markdown itself makes, and what page_html allows an editor to type.
MARKDOWN_TAGS = {
    "p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "abbr", "div",
    "span", "details", "summary", "kbd", "sub", "sup", "noscript",
}  # fmt: skip

PIECES = st.sampled_from(
    [
        "<script>x()</script>", "<img src=x onerror=y()>", "<span onclick='x()'>a</span>", "<svg onload=x()>",
        "[a](javascript:x())", "[a](java&#115;cript:x())", "![i](data:text/html,x)", "<iframe src=x>",
        "{: onclick=x }", "{: .c #d title='t' }", "{: foo onclick=x }", "<span title='<b>'>t</span>",
        "`code`", "```", "```js", "~~~", "    indented", "<!--", "-->", "<details markdown>", "</details>",
        "<div markdown>", "</div>", "<span id=__config>", "# Heading", "## __x", "> quote", "- item",
        "1. item", "*em*", "**strong**", "<kbd>Ctrl</kbd>", "<abbr title='A'>B</abbr>", "<https://nhs.uk>",
        "[link](https://nhs.uk)", "[ref]: javascript:x", "[ref]", "<p style='x'>", "<a href=x>", "<b>",
        "&lt;script&gt;", "\\<script>", "\\`", "<!-->", "--!>", "<!--->", "<scr<script>ipt>", "<style>", "text", " ", "\n", "\n\n", "{", "}",
        "<", ">", '"', "'", "=", "&", "#", ".", ":", "*", "_", "[", "]", "(", ")", "!",
    ]
)  # fmt: skip
PAGE = st.lists(PIECES, max_size=25).map("".join)


def what_runs_or_leaves(html: str) -> list[str]:
    """The oracle, written apart from the check: read `html` as a browser does (HTML5 parsing)
    and list every element outside MARKDOWN_TAGS, event handler and script address."""
    found = []
    for element in tinyhtml5.parse(html).iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.rpartition("}")[2]
        if tag not in MARKDOWN_TAGS | {"html", "head", "body"}:
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            name = name.rpartition("}")[2].lower()
            if name.startswith("on") or name == "style":
                found.append(f"{tag} {name}=")
            if re.sub(r"[\x00-\x20]", "", value).lower().startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"{tag} {name}={value}")
    return found


def rendered(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=SETTINGS).convert(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE)
def test_markdown_the_check_passes_makes_no_script_and_no_other_element(text):
    if page_problems(text, "docs/p.md", EXTENSIONS, SETTINGS):
        return  # refused with its line: nothing is built
    html = rendered(text)
    assert what_runs_or_leaves(html) == [], (text, html)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE)
def test_every_refusal_names_a_line_of_the_page(text):
    body = "---\ntitle: T\n---\n\n" + text + "\n"
    for problem in page_problems(body, "docs/p.md", EXTENSIONS, SETTINGS):
        assert 5 <= problem.line <= body.count("\n"), (text, str(problem))
        assert "\n" not in str(problem)
