"""The built site keeps the safety promise: one policy on every page, and no script of its own.

Read after the build, over every HTML file in the site (the hub's pages, the generated
session pages, the 404 page and the redirect pages). A page fails when:

- its first element after `<meta charset>` is not the one Content-Security-Policy (POLICY);
- it holds an inline script a browser would run (`<script>` without `src`, of a type that runs);
- an element carries an event handler (`onclick=`...) or a `javascript:` address;
- an element carries a style attribute (the policy allows no inline style).

It reads the page with plain patterns (an HTML parser would cost a tenth of the build) and
errs towards refusing: an attribute's value that only quotes ` onclick=` is refused too.
This is a check, not a rewrite: the policy is written by the template
(overrides/partials/content-policy.html) and nothing here changes a page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

# overrides/partials/content-policy.html writes the same text (tests/unit/test_site_output.py).
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
POLICY_META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'

# Script types a browser runs; any other (application/json, application/ld+json) is data.
RUNNING_SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_NOISE = re.compile(r"[\x00-\x20\x7f]")
_HEAD_START = re.compile(r"<head>\s*<meta charset=\"utf-8\">\s*", re.I)


# Tags and their attributes, read with plain patterns over the page's lower-cased text (an HTML
# parser would cost a tenth of the build). Values are read whole, quotes respected, so text
# that merely quotes `onclick=` inside a value is a value.
_TAG = re.compile(r"<([a-z][a-z0-9-]*)(\s[^<>]*)?>")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]*))?""")
_WORTH_READING = re.compile(r"\son|style|script|&|[\x00-\x09\x0b-\x1f]")
_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data"})


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _tag_problems(tag: str, attributes: str) -> list[str]:
    found = []
    values = {}
    for attribute in _ATTRIBUTE.finditer(attributes):
        name, value = attribute.group(1), (attribute.group(2) or "").strip("\"'")
        values[name] = value
        if name.startswith("on"):
            found.append(f"an event handler {name}= on <{tag}>")
        elif name == "style":
            found.append(f"a style attribute on <{tag}>")
        elif name in _ADDRESS_ATTRIBUTES and _NOISE.sub("", html.unescape(value)).startswith("javascript:"):
            found.append(f"a javascript: address in {name}= on <{tag}>")
    if tag == "script" and "src" not in values and values.get("type", "") in RUNNING_SCRIPT_TYPES:
        found.append("an inline <script>")
    return found


def page_problems(html_text: str) -> list[str]:
    """What in one built page breaks the promise, as `line N: what`."""
    problems = []
    head = _HEAD_START.search(html_text)
    if head is None or not html_text.startswith(POLICY_META, head.end()):
        problems.append("line 1: the page does not open with the site's Content-Security-Policy")
    text = html_text.lower()
    for tag in _TAG.finditer(text):
        attributes = tag.group(2) or ""
        if tag.group(1) == "script" or _WORTH_READING.search(attributes):
            problems += [f"line {_line(text, tag.start())}: {what}" for what in _tag_problems(tag.group(1), attributes)]
    return problems


def site_problems(site_dir: Path) -> list[str]:
    """page_problems for every HTML file in the built site, as `site/path.html: line N: what`."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        for problem in page_problems(path.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{path.relative_to(site_dir).as_posix()}: {problem}")
    return found
