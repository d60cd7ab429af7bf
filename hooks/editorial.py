"""MkDocs hook for the editors' workflow: fresh macros on every rebuild, front matter
checked on every build, and each page's review dates handed to the theme.

`mkdocs serve` reloads mkdocs.yml on every rebuild but loads each hook file only once,
and Python keeps the first import of the macros/ package: an edited macro would be
ignored until serve restarts. So `on_config` (run first, before the macros plugin
imports its module) drops the macros package from sys.modules, and the hooks import
from it inside their functions, never at the top of the file.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# `make check` reports front matter problems itself, then runs the build for the link
# checks: in that build, a front matter problem must not hide the broken links.
CHECK_RUNNING = "HUB_CHECK_RUNNING"

_today = None


def forget_macros_package() -> None:
    for name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
        del sys.modules[name]


@event_priority(100)
def on_config(config):
    global _today
    forget_macros_package()
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    from macros.core.clock import build_instant
    from macros.core.dates import build_date

    _today = build_date(build_instant())
    from macros.editorial.config_file import menu_findings

    # A page in the menu that does not exist: its line in mkdocs.yml, where MkDocs' warning has none.
    missing = menu_findings(Path(config["config_file_path"]), Path(config["docs_dir"]))
    if missing:
        lines = "\n".join(f"{finding.file}:{finding.line}: {finding.message}" for finding in missing)
        raise PluginError(f"The menu in mkdocs.yml needs fixing:\n{lines}")
    return config


def _written_by_editor(file) -> bool:
    """Pages in docs/; generated pages (no source file) get their metadata from the generator."""
    return file.is_documentation_page() and file.abs_src_path is not None


def on_files(files, config):
    from macros.core.problems import DataFileError
    from macros.editorial.frontmatter import check_page_text, read_page, unsafe_front_matter

    checking = bool(os.environ.get(CHECK_RUNNING))
    docs_dir = Path(config["docs_dir"])
    problems = []
    for file in files:
        if not _written_by_editor(file):
            continue
        shown = f"{docs_dir.name}/{file.src_uri}"
        # Read here the way MkDocs will, so a page that is not UTF-8 stops the build with
        # our message (even in `make check`'s build) instead of MkDocs' traceback.
        try:
            text = read_page(Path(file.abs_src_path), shown)
        except DataFileError as error:
            problems.extend(error.problems)
            continue
        if checking:
            # `make check` reports front matter problems itself; but YAML that could hurt
            # (an alias bomb, 100,000 nested brackets) must not reach MkDocs' own reader.
            problems.extend(unsafe_front_matter(text, shown))
            continue
        # No "last_reviewed is in the future" check here: a preview built with
        # SOURCE_DATE_EPOCH in the past must still build. `make check` uses the real date.
        problems.extend(check_page_text(text, shown).problems)
    if problems:
        lines = "\n".join(str(problem) for problem in problems)
        raise PluginError(f"A page needs fixing:\n{lines}")
    return files


def on_page_context(context, page, config, nav):
    """`review` for the theme: the page's review dates, or None (generated pages, bad meta)."""
    from macros.core.fields import Source
    from macros.editorial.frontmatter import PageMeta
    from macros.editorial.review import review_of

    context["data_sources"] = data_sources(page, config)
    context["page_from_data"] = page.file.abs_src_path is None
    context["review"] = None
    meta = page.meta or {}
    try:
        # Every page's sources, generated session pages' too: validated, so each has its date.
        context["page_sources"] = [Source.model_validate(source) for source in meta.get("sources") or []]
    except ValueError:
        context["page_sources"] = []  # only in `make check`'s own build, which reports it
    if "last_reviewed" not in meta:
        return context
    try:
        context["review"] = review_of(PageMeta.model_validate(meta), _today)
    except ValueError:
        # Only in `make check`'s own build: the check has already reported the problem.
        context["review"] = None
    return context


def data_sources(page, config) -> list[dict[str, str]]:
    """The data files a page's words come from, with where to edit each on the repository
    (overrides/partials/data-sources.html shows them at the page's foot). A page made
    wholly from data (a session page) gets the data file as its own edit link."""
    from macros.editorial.data_sources import page_data_files, repository_edit_url

    names = getattr(page.file, "hub_data_files", None)
    if names is None:
        if not (page.meta or {}).get("render_macros") or page.file.abs_src_path is None:
            return []
        names = page_data_files(page.file.content_string)
    repo_url = (config.get("extra") or {}).get("hub", {}).get("repo_url") or config.get("repo_url") or ""
    docs = Path(config["docs_dir"]).name
    sources = [
        {
            "path": f"data/{name}",
            "url": repository_edit_url(repo_url, config.get("edit_uri") or "", docs, f"data/{name}"),
        }
        for name in names
    ]
    if page.file.abs_src_path is None and sources and not page.edit_url:
        page.edit_url = sources[0]["url"] or None
    return [source for source in sources if source["url"]]


# ---------------------------------------------------------------------------
# `make serve`: a rebuild that fails on an editor's mistake shows the mistake
# ---------------------------------------------------------------------------

# The lines of the last failed rebuild, written in place of every page; empty once it builds.
_serve_problems: list[str] = []


class _Collect(logging.Handler):
    """What MkDocs, its plugins and the hooks log at WARNING or above during one rebuild."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        if not record.name.startswith("mkdocs.livereload"):  # the server's own request log
            self.messages.append(record.getMessage())


def on_serve(server, config, builder):
    """Without this, a failed rebuild leaves the browser waiting on the old page and the
    message in the terminal. With it, the rebuild counts as done and every page the last
    good build made is written over with the problems
    (macros/editorial/serve_errors.py): the server reloads the browser and serves that page
    with its own reload script, and the next good rebuild, which cleans the site directory,
    brings the site back the same way. Only public parts of MkDocs' LiveReloadServer are
    used: `builder` (the function it calls to rebuild) and `root` (the directory it serves)."""
    root = Path(config["config_file_path"]).resolve().parent
    site = Path(server.root)
    pages: list[Path] = []  # the HTML files of the last good build, relative to the site

    def rebuild():
        collected = _Collect()
        logging.getLogger("mkdocs").addHandler(collected)
        if not _serve_problems:
            pages[:] = [path.relative_to(site) for path in site.rglob("*.html")]
        try:
            builder()
            _serve_problems.clear()
        except (Exception, SystemExit) as error:  # MkDocs' Abort is a SystemExit
            from macros.editorial.serve_errors import error_page, problem_lines

            _serve_problems[:] = problem_lines(root, collected.messages, str(error))
            for line in _serve_problems:
                print(line, file=sys.stderr)
            page = error_page(list(_serve_problems))
            for relative in pages:
                (site / relative).parent.mkdir(parents=True, exist_ok=True)
                (site / relative).write_text(page, encoding="utf-8")
        finally:
            logging.getLogger("mkdocs").removeHandler(collected)

    server.builder = rebuild
    return server
