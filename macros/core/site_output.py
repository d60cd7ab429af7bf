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
_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data"})
_NOISE = re.compile(r"[\x00-\x20\x7f]")
_HEAD_START = re.compile(r"<head>\s*<meta charset=\"utf-8\">\s*", re.I)


# Each read in one pass over the page's lower-cased text with a plain pattern (the HTML parser
# would cost a tenth of the build): a <script> tag, an event handler or style attribute in a
# tag, and an address attribute's value.
_SCRIPT_TAG = re.compile(r"<script\b([^>]*)>")
_HANDLER_OR_STYLE = re.compile(r"<[a-z][^<>]*?\s(on[a-z]+|style)\s*=")
_ADDRESS = re.compile(r"<[a-z][^<>]*?\s(href|src|action|formaction|data)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_SCRIPT_TYPE = re.compile(r"\btype\s*=\s*[\"']?([^\"'\s>]*)")


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def page_problems(html_text: str) -> list[str]:
    """What in one built page breaks the promise, as `line N: what`."""
    problems = []
    head = _HEAD_START.search(html_text)
    if head is None or not html_text.startswith(POLICY_META, head.end()):
        problems.append("line 1: the page does not open with the site's Content-Security-Policy")
    text = html_text.lower()
    for tag in _SCRIPT_TAG.finditer(text):
        kind = _SCRIPT_TYPE.search(tag.group(1))
        if not re.search(r"\ssrc\s*=", tag.group(1)) and (kind.group(1) if kind else "") in RUNNING_SCRIPT_TYPES:
            problems.append((tag.start(), "an inline <script>"))
    for found in _HANDLER_OR_STYLE.finditer(text):
        what = "a style attribute" if found.group(1) == "style" else f"an event handler {found.group(1)}="
        problems.append((found.start(1), what))
    for found in _ADDRESS.finditer(text):
        value = _NOISE.sub("", html.unescape(found.group(2).strip("\"'")))
        if value.startswith("javascript:"):
            problems.append((found.start(1), f"a javascript: address in {found.group(1)}="))
    located = sorted(problem for problem in problems if isinstance(problem, tuple))
    return [p for p in problems if isinstance(p, str)] + [f"line {_line(text, at)}: {what}" for at, what in located]


def site_problems(site_dir: Path) -> list[str]:
    """page_problems for every HTML file in the built site, as `site/path.html: line N: what`."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        for problem in page_problems(path.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{path.relative_to(site_dir).as_posix()}: {problem}")
    return found
