"""The built site keeps the safety promise: one policy on every page, and no script of its own.

Read after the build, over every HTML file in the site (the hub's pages, the generated
session pages, the 404 page and the redirect pages). A page fails when:

- its first element after `<meta charset>` is not the one Content-Security-Policy (POLICY);
- it holds an inline script a browser would run (`<script>` without `src`, of a type that runs);
- an element carries an event handler (`onclick=`...) or a `javascript:` address;
- an element carries a style attribute (the policy allows no inline style).

This is a check, not a rewrite: the policy is written by the template
(overrides/partials/content-policy.html) and nothing here changes a page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# overrides/partials/content-policy.html writes the same text (tests/unit/test_site_output.py).
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
POLICY_META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'

# Script types a browser runs; any other (application/json, application/ld+json) is data.
RUNNING_SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data"})
_NOISE = re.compile(r"[\x00-\x20\x7f]")
_HEAD_START = re.compile(r"<head>\s*<meta charset=\"utf-8\">\s*", re.I)


class _PageReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)

    def _element(self, tag, attrs):
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and "src" not in values and values.get("type", "").lower() in RUNNING_SCRIPT_TYPES:
            self.problems.append((line, "an inline <script>"))
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append((line, f"an event handler {name}= on <{tag}>"))
            elif name == "style":
                self.problems.append((line, f"a style attribute on <{tag}>"))
            elif name in _ADDRESS_ATTRIBUTES and _NOISE.sub("", value or "").lower().startswith("javascript:"):
                self.problems.append((line, f"a javascript: address in {name}= on <{tag}>"))


def page_problems(html: str) -> list[str]:
    """What in one built page breaks the promise, as `line N: what`."""
    problems = []
    head = _HEAD_START.search(html)
    if head is None or not html.startswith(POLICY_META, head.end()):
        problems.append("line 1: the page does not open with the site's Content-Security-Policy")
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    problems += [f"line {line}: {what}" for line, what in reader.problems]
    return problems


def site_problems(site_dir: Path) -> list[str]:
    """page_problems for every HTML file in the built site, as `site/path.html: line N: what`."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        for problem in page_problems(path.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{path.relative_to(site_dir).as_posix()}: {problem}")
    return found
