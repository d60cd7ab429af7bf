"""Site addresses: a page's address from its file, links between pages, absolute addresses.

Site paths have no leading slash, and a page's own path ends in "/" (MkDocs' directory
URLs): docs/roles/funding.md is served at roles/funding/.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


def page_url(source: str) -> str:
    """The address of a page from its file, relative to the site root: roles/x.md -> roles/x/."""
    path = source.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


@lru_cache(maxsize=1024)
def relative_url(from_page: str, target: str) -> str:
    """A link from the page at site path `from_page` to site path `target` (keeps #fragments)."""
    target, _, fragment = target.partition("#")
    base = from_page if from_page.endswith("/") or from_page == "" else posixpath.dirname(from_page) + "/"
    base_parts = [part for part in base.split("/") if part]
    target_parts = target.split("/")
    common = 0
    while common < len(base_parts) and common < len(target_parts) - 1 and base_parts[common] == target_parts[common]:
        common += 1
    link = "../" * (len(base_parts) - common) + "/".join(target_parts[common:])
    return (link or "./") + (f"#{fragment}" if fragment else "")


def absolute(site_url: str, path: str) -> str:
    """The full address of a site path: https://hub.example.org/ + events/."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def webcal(url: str) -> str:
    """The webcal:// form of a feed's https address, which calendar apps open to subscribe."""
    return "webcal://" + url.split("://", 1)[1]
