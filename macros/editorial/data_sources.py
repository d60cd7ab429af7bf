"""Which data file a page's words come from, and where an editor changes it on the repository.

A page that calls `{{ upcoming_drop_ins() }}` shows data/events.yaml, not its own Markdown:
its pencil alone would open a file holding one macro call. The theme (overrides/partials/
data-sources.html) links each data file here at the page's foot, after its review dates.
"""

from __future__ import annotations

import re

from ..core.concerns import MACRO_DATA_FILES

_MACRO_CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\(")


def page_data_files(markdown: str) -> list[str]:
    """The data files (names in data/) behind the macros a page's Markdown calls, in the
    order the page first calls them: each macro's are its concern's (core/concerns.py)."""
    found: list[str] = []
    for name in _MACRO_CALL.findall(markdown):
        for data_file in MACRO_DATA_FILES.get(name, ()):
            if data_file not in found:
                found.append(data_file)
    return found


def repository_edit_url(repo_url: str, edit_uri: str, docs_folder: str, path: str) -> str:
    """Where an editor changes `path` (from the repository's root, like data/events.yaml) on
    the repository: mkdocs.yml's edit_uri points into docs/, so its docs/ part is swapped
    for the file's own folder. Empty when the site names no repository."""
    repo, uri = repo_url.rstrip("/"), edit_uri.strip("/")
    if not repo or not uri:
        return ""
    docs = docs_folder.strip("/")
    if docs and (uri == docs or uri.endswith("/" + docs)):
        uri = uri[: -len(docs)].rstrip("/")
    return f"{repo}/{uri}/{path}" if uri else f"{repo}/{path}"


def comment_naming(data_files: list[str], data_folder: str = "data") -> str:
    """The comment a Markdown file holding only macro calls starts with (after its front matter)."""
    names = " and ".join(f"{data_folder}/{name}" for name in data_files)
    those = "that file" if len(data_files) == 1 else "those files"
    return f"<!-- Parts of this page come from {names}: edit {those} to change them. -->"
