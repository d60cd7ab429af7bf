"""MkDocs hook: a page holds text, media and calls of the hub's macros, nothing that runs.

- Before the build: docs/ holds pages and media only (macros/core/docs_files.py), and every
  page's Markdown passes the HTML check (macros/core/page_html.py).
- Before mkdocs-macros renders a page: its front matter may not name a template that drops
  the page, or put Jinja in the title (macros/core/page_meta.py). The page's Jinja itself is
  checked from mkdocs-macros' public `on_pre_page_macros` (macros/core/page_jinja.py, wired in
  macros/__init__.py), where the page the macros read is known.
- After the build: every HTML file in the site carries the one Content-Security-Policy of
  overrides/partials/content-policy.html and no script of its own (macros/core/site_output.py).

Every problem stops the build with `file:line: message`, the same lines `make check` prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))


_SERVING = False


def on_startup(command, dirty):
    global _SERVING
    _SERVING = command == "serve"


def on_config(config):
    # Read by overrides/partials/content-policy.html: only `mkdocs serve` allows its inline script.
    config.extra["hub_live_reload"] = _SERVING
    return config


def _shown(config, path: Path) -> str:
    root = Path(config.config_file_path).parent
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _stop(heading: str, problems) -> None:
    raise PluginError(heading + "\n" + "\n".join(str(problem) for problem in problems))


def on_pre_build(config):
    from macros.core.docs_files import docs_file_problems
    from macros.core.page_html import docs_html_problems

    docs = Path(config.docs_dir)
    shown = _shown(config, docs)
    passed = Path(config.config_file_path).parent / ".cache" / "page-checks"
    problems = docs_file_problems(docs, shown) + docs_html_problems(
        docs, shown, config.markdown_extensions, config.mdx_configs, passed
    )
    if problems:
        _stop("A page or file in docs/ holds something only code may hold:", problems)


@event_priority(100)  # before mkdocs-macros renders the page
def on_page_markdown(markdown, page, config, files):
    from macros.core.page_meta import front_matter_problems

    if page.file.generated_by is not None:
        return markdown
    shown = _shown(config, Path(page.file.abs_src_path))
    problems = front_matter_problems(page.meta, page.file.content_string, shown)
    if problems:
        _stop("A page's front matter needs fixing:", problems)
    return markdown


@event_priority(-100)
def on_post_build(config):
    from macros.core.site_output import site_problems

    if _SERVING:
        return  # the preview allows mkdocs serve's live-reload script (content-policy.html)
    problems = site_problems(Path(config.site_dir))
    if problems:
        raise PluginError("A built page breaks the site's safety promise (SECURITY.md):\n" + "\n".join(problems))
