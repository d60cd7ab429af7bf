"""MkDocs hook: a moved page keeps its old address (mkdocs.yml `extra.redirects`, "old: new").

Each old address gets a small page from overrides/moved-page.html, made with the theme like
every other page, so it carries the site's one Content-Security-Policy and no inline
script (SECURITY.md). It sends the reader on at once (a meta refresh, kept working without
script), keeps any #heading in the address (assets/javascripts/redirect.js) and links to the
new page for anyone whose browser does neither.
"""

from __future__ import annotations

import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File


def _old_address_file(old: str, use_directory_urls: bool) -> str:
    stem = old.removesuffix(".md")
    if not use_directory_urls or stem.endswith("index"):
        return stem + ".html"
    return stem + "/index.html"


def on_files(files, config):
    redirects = config.extra.get("redirects") or {}
    if not redirects:
        return files
    template = config.theme.get_env().get_template("moved-page.html")
    for old, new in redirects.items():
        target = files.get_file_from_path(new)
        if target is None or not target.is_documentation_page():
            raise PluginError(
                f"mkdocs.yml: extra: redirects: '{old}' points to '{new}', which is not a page in docs/: "
                "write the new page's path relative to docs/, like roles/funding.md"
            )
        if files.get_file_from_path(old) is not None:
            raise PluginError(
                f"mkdocs.yml: extra: redirects: '{old}' is still a page in docs/: delete the line, "
                "or the page, so the old address has one meaning"
            )
        path = _old_address_file(old, config.use_directory_urls)
        here = posixpath.dirname(path)
        to_site_root = posixpath.relpath(".", here) if here else "."
        target_url = posixpath.relpath(target.url or ".", here or ".") + ("/" if target.url.endswith("/") else "")
        html = template.render(config=config, target_url=target_url, base_url=to_site_root)
        files.append(File.generated(config, path, content=html))
    return files
