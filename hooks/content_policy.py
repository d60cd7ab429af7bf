"""MkDocs hook: every built HTML file carries its Content-Security-Policy (macros/core/content_policy.py).

It runs after every other step of the build (mkdocs-redirects writes its pages in
on_post_build), over every .html file in the site, so the 404 page and the redirect pages
get one too. `mkdocs serve` adds its own inline live-reload script to every page, so there
the policy is left out; `mkdocs build` and `make check` always add it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_SERVING = False


def on_startup(command, dirty):
    global _SERVING
    _SERVING = command == "serve"


@event_priority(-100)
def on_post_build(config):
    from macros.core.content_policy import NoPlaceForPolicy, with_policy

    if _SERVING:
        return
    site = Path(config.site_dir)
    for path in sorted(site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        try:
            with_page_policy = with_policy(page)
        except NoPlaceForPolicy as error:
            raise PluginError(f"{path.relative_to(site).as_posix()}: {error}") from None
        if with_page_policy != page:
            path.write_text(with_page_policy, encoding="utf-8")
