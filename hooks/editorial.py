"""MkDocs hook for the editors' workflow: fresh macros on every rebuild, front matter
checked on every build, and each page's review dates handed to the theme.

Listed first under `hooks:` in mkdocs.yml, because loading it clears the cached
`macros` package: `mkdocs serve` reloads mkdocs.yml and the hooks on every rebuild,
but Python would keep the first import of macros/ and ignore an edited macro.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

PROJECT_ROOT = str(Path(__file__).resolve().parent.parent)

for _name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
    del sys.modules[_name]

if PROJECT_ROOT not in sys.path:
    sys.path.insert(0, PROJECT_ROOT)

from macros.clock import build_instant  # noqa: E402
from macros.pagemeta import PageMeta, check_page_text  # noqa: E402
from macros.review import build_date, review_of  # noqa: E402

# `make check` reports front matter problems itself, then runs the build for the link
# checks: in that build, a front matter problem must not hide the broken links.
CHECK_RUNNING = "HUB_CHECK_RUNNING"

_today = None


def on_config(config):
    global _today
    _today = build_date(build_instant())
    return config


def _written_by_editor(file) -> bool:
    """Pages in docs/; generated pages (no source file) get their metadata from the generator."""
    return file.is_documentation_page() and file.abs_src_path is not None


def on_files(files, config):
    if os.environ.get(CHECK_RUNNING):
        return files
    docs_dir = Path(config["docs_dir"])
    problems = []
    for file in files:
        if not _written_by_editor(file):
            continue
        shown = Path(file.abs_src_path).resolve()
        try:
            shown = shown.relative_to(Path(PROJECT_ROOT).resolve()).as_posix()
        except ValueError:
            shown = f"{docs_dir.name}/{file.src_uri}"
        text = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
        problems.extend(check_page_text(text, shown, _today).problems)
    if problems:
        lines = "\n".join(str(problem) for problem in problems)
        raise PluginError(f"A page's front matter needs fixing:\n{lines}")
    return files


def on_page_context(context, page, config, nav):
    """`review` for the theme: the page's review dates, or None (generated pages, bad meta)."""
    context["review"] = None
    meta = page.meta or {}
    if "last_reviewed" not in meta:
        return context
    try:
        context["review"] = review_of(PageMeta.model_validate(meta), _today)
    except ValueError:
        # Only in `make check`'s own build: the check has already reported the problem.
        context["review"] = None
    return context
