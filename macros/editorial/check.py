"""`make check`: every check an editor's change must pass, one line per problem.

    python -m macros.editorial.check [--root DIR] [--no-build] [--overdue error|warning]
                           [--issue-body FILE]

1. Every file in data/ is loaded by the loader its concern registered
   (macros/core/data_loaders.py DATA_LOADERS); a file no loader reads is an error.
2. Every page's front matter (macros/editorial/frontmatter.py): required keys, dates, unknown keys.
3. Review dates: pages past their review date, and pages due within 30 days, with owners.
   Dated figures (data/figures.yaml) past their period: one warning at the figure, naming the
   date its period ended and the pages that show it. Readability (macros/editorial/readability.py): a warning for a menu
   page below Flesch reading ease 60 and for each sentence over 25 words.
   Overdue pages are errors when HUB_OVERDUE_PAGES=error (the publishing branch's
   scheduled run) and warnings otherwise (pull requests, editors' own machines).
4. The strict MkDocs build, for broken links and anchors, pages missing from the menu and
   macro errors; its messages are rewritten as `file:line: ...` too.

Each problem is printed as `file:line: error: what is wrong, and how to fix it`, then a count.
With nothing to act on it prints nothing. The exit status is 1 when there is an error, 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from ..core import datafiles
from ..core.clashes import editor_file_clashes
from ..core.clock import build_instant
from ..core.dates import build_date
from ..core.docs_files import docs_file_problems
from ..core.generated import generated_by_provider
from ..core.page_html import docs_html_problems
from ..core.problems import DataFileError
from ..core.project import Project
from ..figures.models import DATA_FILE as FIGURES_FILE
from ..figures.models import load_figures
from ..figures.wording import (
    check_reminders,
    figure_lines,
    figure_uses,
    next_check_lines,
    out_of_date_report,
    rate_lines,
    reimbursement_line,
)
from . import config_file, readability
from .build_messages import check_build
from .findings import Finding, split_location
from .pages_list import check_all_pages, review_lines
from .review import DUE_SOON_DAYS, overdue_markdown, review_report

OVERDUE_ENV = "HUB_OVERDUE_PAGES"


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------


def check_data(project: Project) -> list[Finding]:
    return [
        Finding(p.file, p.line or 1, "error", f"{p.where}: {p.message}" if p.where else p.message)
        for p in datafiles.check_data_files(project.data_dir, project.shown(project.data_dir))
    ]


def check_generated_paths(project: Project) -> list[Finding]:
    """An editor's file in docs/ at a path the build generates (macros/core/clashes.py)."""
    try:
        generated = generated_by_provider(project)
    except (datafiles.DataFileError, ValueError):
        return []  # a data file problem: check_data reports it
    docs = project.docs_dir
    editor_files = [
        path.relative_to(docs).as_posix()
        for path in (docs.rglob("*") if docs.is_dir() else ())
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(docs).parts)
    ]
    return [
        Finding(p.file, p.line or 1, "error", p.message)
        for p in editor_file_clashes(generated, editor_files, project.shown(docs))
    ]


def check_page_html(project: Project) -> list[Finding]:
    """Files that may not be in docs/ (macros/core/docs_files.py), and raw HTML, event handlers
    and unsafe addresses in pages (macros/core/page_html.py): the build's first check."""
    docs, shown = project.docs_dir, project.shown(project.docs_dir)
    problems = docs_file_problems(docs, shown) + docs_html_problems(
        docs, shown, project.markdown_extensions, project.markdown_settings
    )
    return [Finding(p.file, p.line or 1, "error", p.message) for p in problems]


def check_pages(project: Project, today: date, overdue_is_error: bool, real_today: date | None = None):
    """Front matter findings, review findings, and the review lines (for the issue body).

    `today` is the build date (SOURCE_DATE_EPOCH, for previews); a `last_reviewed` after
    `real_today` (the wall clock) is refused as a typo.
    """
    checks = check_all_pages(project, max(today, real_today or today))
    findings = [
        Finding(p.file, p.line or 1, "error", f"{p.where}: {p.message}" if p.where else p.message)
        for check in checks
        for p in check.problems
    ]
    lines = review_lines(project, checks, today)
    for severity, text in review_report(lines, overdue_is_error):
        location, message = split_location(text)
        file, line = location.rsplit(":", 1)
        findings.append(Finding(file, int(line), severity, message))
    return findings, lines


def check_figures(project: Project, today: date) -> list[Finding]:
    """A warning for each figure whose period ended before the build date, and each page showing it."""
    path = project.data_file(FIGURES_FILE)
    shown = project.shown(path)
    try:
        figures = load_figures(path, shown)
    except DataFileError:
        return []  # check_data reports the file's own problems
    uses = figure_uses(project.docs_dir, project.shown(project.docs_dir))
    report = out_of_date_report(
        figures,
        figure_lines(path, figures),
        uses,
        today,
        shown,
        rate_lines=rate_lines(path, figures),
        reimbursement_line=reimbursement_line(path),
    )
    reminders = check_reminders(figures, today, next_check_lines(path, figures))
    return [Finding(item.file, item.line, "warning", item.message) for item in report] + [
        Finding(shown, item.line, item.severity, item.message) for item in reminders
    ]


def check_typed_amounts(project: Project) -> list[Finding]:
    """An error for each £ amount typed into a page: amounts come from data/figures.yaml."""
    from ..figures.hand_typed import typed_amounts

    return [
        Finding(
            item.file,
            item.line,
            "error",
            f"{item.amount} is typed into the page. Amounts change each year: show them with a figure "
            "macro from data/figures.yaml (such as figure_range or figure_cost), or write the sentence "
            "without the amount",
        )
        for item in typed_amounts(project.docs_dir, project.shown(project.docs_dir))
    ]


def check_source_ages(project: Project, today: date) -> list[Finding]:
    """A warning for each source, in a page or a data file, not checked for 12 months."""
    from .source_ages import stale_sources

    files = [(path, True) for path in sorted(project.docs_dir.rglob("*.md"))]
    files += [(path, False) for path in sorted((project.root / "data").glob("*.yaml"))]
    findings = []
    for path, is_page in files:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # the data and front matter checks report a file that cannot be read
        findings += [
            Finding(f, n, "warning", m) for f, n, m in stale_sources(text, project.shown(path), today, is_page)
        ]
    return findings


def built_page_path(page: str) -> str:
    """Where MkDocs writes a page (directory addresses): "roles/funding.md" -> "roles/funding/index.html"."""
    stem = page.rsplit(".", 1)[0]
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def check_readability(project: Project, built_pages: dict[str, str] | None = None) -> list[Finding]:
    """Readability warnings for every page in the menu (readability.py says how it scores): the
    built page as the reader sees it when the check built the site, the Markdown otherwise."""
    findings = []
    for page in readability.nav_pages(project.nav):
        path = project.docs_dir / page
        if not path.is_file():
            continue  # the build reports a menu entry with no page
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            continue  # the front matter check reports a page that is not UTF-8
        html = (built_pages or {}).get(built_page_path(page))
        report = readability.rendered_readability(html, text) if html else readability.page_readability(text)
        shown = f"{project.shown(project.docs_dir)}/{page}"
        findings += [Finding(f, n, "warning", m) for f, n, m in readability.readability_warnings(shown, report)]
    return findings


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------


def check_config_file(root: Path) -> list[Finding]:
    """mkdocs.yml must be UTF-8, YAML and MkDocs' shape before MkDocs reads it
    (config_file.py: one line a mistake, where MkDocs would print a traceback)."""
    return config_file.config_findings(root, pages=False)  # the build reports missing pages


def run_checks(root: Path, today: date, overdue_is_error: bool, build: bool = True):
    config_findings = check_config_file(root)
    if config_findings:
        return config_findings, []
    project = Project.from_mkdocs_yml(root / "mkdocs.yml")
    findings = check_data(project) + check_generated_paths(project) + check_page_html(project)
    real_today = build_date(datetime.now(tz=UTC))
    page_findings, lines = check_pages(project, today, overdue_is_error, real_today)
    findings += page_findings
    findings += check_figures(project, today)
    findings += check_typed_amounts(project)
    findings += check_source_ages(project, today)
    built_pages: dict[str, str] = {}
    if build:
        known = {f.message for f in findings}
        findings += [f for f in check_build(project, known, built_pages) if f not in findings]
    findings += check_readability(project, built_pages)
    return findings, lines


def figures_issue_text(root: Path, today: date) -> str:
    """The figures due to be checked, for the review reminder issue (empty if none, or if the
    figures file cannot be read: the check reports that)."""
    from ..figures.wording import reminders_markdown

    project = Project.from_mkdocs_yml(root / "mkdocs.yml")
    try:
        figures = load_figures(project.data_file(FIGURES_FILE), FIGURES_FILE)
    except DataFileError:
        return ""
    return reminders_markdown(figures, today)


def summary(findings: list[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "due soon")}
    if not any(counts.values()):
        return ""  # nothing to act on: the check says nothing
    # A figure due to be checked is "due soon" too, but it is not a page: counted apart.
    figures_due = sum(1 for f in findings if f.severity == "due soon" and f.file.endswith(FIGURES_FILE))
    pages_due = counts["due soon"] - figures_due
    parts = [
        f"{counts['error']} error{'s' if counts['error'] != 1 else ''}",
        f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}",
        f"{pages_due} page{'s' if pages_due != 1 else ''} due for review within {DUE_SOON_DAYS} days",
    ]
    if figures_due:
        parts.append(f"{figures_due} figure{'s' if figures_due != 1 else ''} to check within {DUE_SOON_DAYS} days")
    advice = (
        " Fix the errors, then run the check again. CONTRIBUTING.md explains each message." if counts["error"] else ""
    )
    return ", ".join(parts) + "." + advice


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the folder holding mkdocs.yml")
    parser.add_argument("--no-build", action="store_true", help="skip the build (data and pages only)")
    parser.add_argument(
        "--overdue",
        choices=("error", "warning"),
        default=os.environ.get(OVERDUE_ENV) or "warning",
        help=f"how to report overdue pages (default: ${OVERDUE_ENV}, else warning)",
    )
    parser.add_argument("--issue-body", type=Path, help="write the overdue pages as Markdown here")
    args = parser.parse_args(argv)

    root = args.root.resolve()
    today = build_date(build_instant())
    findings, lines = run_checks(root, today, args.overdue == "error", build=not args.no_build)
    order = {"error": 0, "warning": 1, "due soon": 2}
    findings.sort(key=lambda f: (order[f.severity], f.file, f.line))
    for finding in findings:
        print(finding)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for finding in findings:
            print(finding.github_annotation())
    if findings:
        print(summary(findings))
    if args.issue_body:
        body = overdue_markdown(lines)
        figures_due = figures_issue_text(root, today)
        if figures_due:
            body = f"{body}\n{figures_due}" if body else figures_due
        args.issue_body.write_text(body, encoding="utf-8")
    return 1 if any(f.severity == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
