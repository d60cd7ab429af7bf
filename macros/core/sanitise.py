"""The HTML Markdown makes from an editor's page passes an allow-list sanitiser (nh3).

macros/core/page_html.py already stops the build on anything an editor may not write; this
is the layer behind it, for whatever a Markdown extension or a future change lets through.

The hub's own macros make HTML that the allow-list would not keep (forms, buttons, the
checker, the roadmap checklist). That HTML is marked as the hub's where it is made: the page
environment (page_sandbox.py) wraps what a hub macro returns between two marks holding a
random value made for this build (HubMark). An editor cannot know that value before the
build, so an editor's raw HTML can never ride on the mark. After Markdown, each marked
region is swapped for a slot, the rest is sanitised, and the regions are put back. The
marks never reach the built site, so the output stays byte-identical from build to build.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

import nh3

# The elements Markdown and its extensions make from an editor's page (mkdocs.yml's
# markdown_extensions), and page_html.ALLOWED_TAGS.
TAGS = frozenset(
    {
        "a", "abbr", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "ins", "kbd", "li", "mark", "noscript",
        "ol", "p", "pre", "s", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ATTRIBUTES = {
    "*": {"class", "id", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "details": {"open"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"https", "mailto", "tel"})


class UnbalancedHubMark(ValueError):
    """A hub macro's marks did not come through Markdown as a pair."""


@dataclass(frozen=True)
class HubMark:
    """The marks around the hub's own HTML in one build."""

    nonce: str = field(default_factory=lambda: secrets.token_hex(16))

    @property
    def start(self) -> str:
        return f"hubhtmlstart{self.nonce}x"

    @property
    def end(self) -> str:
        return f"hubhtmlend{self.nonce}x"

    def around(self, html: str) -> str:
        """`html` between the marks: a block (several lines) gets paragraphs of its own."""
        if "\n" in html:
            return f"{self.start}\n\n{html}\n\n{self.end}"
        return f"{self.start}{html}{self.end}"


def sanitise(html: str) -> str:
    """`html` with only the allow-listed elements, attributes and address schemes kept."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def sanitise_page(html: str, mark: HubMark) -> str:
    """A page's HTML sanitised, except the regions the hub's macros made (between `mark`s)."""
    regions: list[str] = []

    def slot(match: re.Match) -> str:
        regions.append(match.group(1))
        return f"hubhtmlslot{mark.nonce}n{len(regions) - 1}x"

    start, end = re.escape(mark.start), re.escape(mark.end)
    html = re.sub(rf"<p>{start}</p>\n?(.*?)\n?<p>{end}</p>", slot, html, flags=re.S)
    html = re.sub(rf"{start}(.*?){end}", slot, html, flags=re.S)
    if mark.nonce in html.replace(f"hubhtmlslot{mark.nonce}", ""):
        raise UnbalancedHubMark(
            "a macro's HTML did not come through Markdown whole: put the macro on a line of its own"
        )
    cleaned = sanitise(html)
    return re.sub(rf"hubhtmlslot{mark.nonce}n(\d+)x", lambda m: regions[int(m.group(1))], cleaned)
