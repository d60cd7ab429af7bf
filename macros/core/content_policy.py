"""The Content-Security-Policy each built page carries, as a <meta http-equiv> (static hosts
cannot set headers).

The browser runs only the site's own script files, and inline scripts and styles whose
exact text the build saw: each page's policy lists the sha256 hash of every inline script
and style block in that page (Material's `__md_scope` script changes with the page's depth,
so hashes are worked out per page, from the finished HTML). Never 'unsafe-inline' or
'unsafe-eval'. Images may also be `data:` addresses: Material draws its icons in CSS with
them. Nothing else from anywhere else.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<text>.*?)</script>", re.S | re.I)
_STYLE = re.compile(r"<style[^>]*>(?P<text>.*?)</style>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
# Script types a browser runs; any other (application/json, application/ld+json) is data.
_RUN_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)
META_NAME = "Content-Security-Policy"


class NoPlaceForPolicy(ValueError):
    """The page has no <head> to put the policy in."""


def source_hash(text: str) -> str:
    """The CSP source for exactly `text`: 'sha256-<base64>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script in `page` that a browser would run."""
    scripts = []
    for match in _SCRIPT.finditer(page):
        attributes = match.group("attributes")
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in _RUN_TYPES):
            continue
        scripts.append(match.group("text"))
    return scripts


def inline_styles(page: str) -> list[str]:
    return [match.group("text") for match in _STYLE.finditer(page)]


def _sources(texts: list[str]) -> str:
    return "".join(" " + source for source in sorted({source_hash(text) for text in texts}))


def policy(page: str) -> str:
    """The policy for `page`: its own origin, and the inline scripts and styles it holds."""
    return "; ".join(
        (
            "default-src 'self'",
            "script-src 'self'" + _sources(inline_scripts(page)),
            "style-src 'self'" + _sources(inline_styles(page)),
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        )
    )


def with_policy(page: str) -> str:
    """`page` with its policy as the first thing in <head> after the charset, before any script."""
    if f'http-equiv="{META_NAME}"' in page:
        return page
    meta = f'<meta http-equiv="{META_NAME}" content="{html.escape(policy(page), quote=False)}">'
    anchor = _CHARSET.search(page) or _HEAD.search(page)
    if anchor is None:
        raise NoPlaceForPolicy("the page has no <head> for its Content-Security-Policy")
    return page[: anchor.end()] + "\n    " + meta + page[anchor.end() :]
