"""`make check`: every check an editor's change must pass, one line per problem.

    python -m macros.check [--root DIR] [--no-build] [--overdue error|warning]
                           [--issue-body FILE]

1. Every file in data/ is loaded by the loader its concern registered
   (macros/datafiles.py DATA_LOADERS); a file no loader reads is an error.
2. Every page's front matter (macros/pagemeta.py): required keys, dates, unknown keys.
3. Review dates: pages past their review date, and pages due within 30 days, with owners.
   Dated figures (data/figures.yaml) past their period: a warning at the figure and at each
   page line showing it. Readability (macros/readability.py): a warning for a menu page
   below Flesch reading ease 60 and for each sentence over 25 words.
   Overdue pages are errors when HUB_OVERDUE_PAGES=error (the publishing branch's
   scheduled run) and warnings otherwise (pull requests, editors' own machines).
4. The strict MkDocs build, for broken links and anchors, pages missing from the menu and
   macro errors; its messages are rewritten as `file:line: ...` too.

Each problem is printed as `file:line: error: what is wrong, and how to fix it`. The exit
status is 1 when there is an error, 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from . import datafiles, readability
from .clock import build_instant
from .figures.models import load_figures
from .figures.wording import figure_lines, figure_uses, out_of_date_report
from .pages_list import check_all_pages, review_lines
from .project import Project
from .review import DUE_SOON_DAYS, build_date, overdue_markdown, review_report

OVERDUE_ENV = "HUB_OVERDUE_PAGES"


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    severity: str  # "error", "warning" or "due soon"
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"

    def github_annotation(self) -> str:
        """The same finding as a GitHub Actions annotation, shown on the pull request's files."""
        level = {"error": "error", "warning": "warning"}.get(self.severity, "notice")
        message = self.message.replace("%", "%25").replace("\n", "%0A")
        return f"::{level} file={self.file},line={self.line}::{message}"


# ---------------------------------------------------------------------------
# Reading the project without running MkDocs
# ---------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring MkDocs' own tags (!ENV, !relative) we do not need."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def project_at(root: Path) -> Project:
    config_file = root / "mkdocs.yml"
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    config["config_file_path"] = str(config_file)
    config.setdefault("extra", {})
    return Project.from_config(config)


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------


def check_data(project: Project) -> list[Finding]:
    return [
        Finding(p.file, p.line or 1, "error", f"{p.where}: {p.message}" if p.where else p.message)
        for p in datafiles.check_data_files(project.data_dir, project.shown(project.data_dir))
    ]


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
        location, message = _split_location(text)
        file, line = location.rsplit(":", 1)
        findings.append(Finding(file, int(line), severity, message))
    return findings, lines


def _split_location(text: str) -> tuple[str, str]:
    match = re.match(r"^(\S+?:\d+): (.*)$", text, re.S)
    return match.group(1), match.group(2)


def check_figures(project: Project, today: date) -> list[Finding]:
    """A warning for each figure whose period ended before the build date, and each page showing it."""
    path = project.data_file("figures.yaml")
    shown = project.shown(path)
    try:
        figures = load_figures(path, shown)
    except datafiles.DataFileError:
        return []  # check_data reports the file's own problems
    uses = figure_uses(project.docs_dir, project.shown(project.docs_dir))
    report = out_of_date_report(figures, figure_lines(path, figures), uses, today, shown)
    return [Finding(item.file, item.line, "warning", item.message) for item in report]


def check_readability(root: Path) -> list[Finding]:
    """Readability warnings for every page in the menu (macros/readability.py says how it scores)."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506
    docs = root / (config.get("docs_dir") or "docs")
    findings = []
    for page in readability.nav_pages(config.get("nav")):
        path = docs / page
        if not path.is_file():
            continue  # the build reports a menu entry with no page
        report = readability.page_readability(path.read_text(encoding="utf-8"))
        shown = f"{docs.relative_to(root).as_posix()}/{page}"
        findings += [Finding(f, n, "warning", m) for f, n, m in readability.readability_warnings(shown, report)]
    return findings


# ---------------------------------------------------------------------------
# The strict build, its messages rewritten for editors
# ---------------------------------------------------------------------------

_LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(.*)$")


def run_build(root: Path) -> tuple[int, str]:
    env = dict(
        os.environ,
        HUB_CHECK_RUNNING="1",
        NO_MKDOCS_2_WARNING="1",
        DISABLE_MKDOCS_2_WARNING="true",
        PYTHONDONTWRITEBYTECODE="1",
    )
    with tempfile.TemporaryDirectory(prefix="hub-check-") as site_dir:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict",
             "-f", str(root / "mkdocs.yml"), "-d", site_dir],
            cwd=root, env=env, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
    return result.returncode, result.stdout + result.stderr


def log_blocks(output: str) -> list[tuple[str, str]]:
    """(level, message) for each log record, continuation lines joined to their record."""
    blocks: list[list[str]] = []
    for raw in re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines():
        match = _LOG_LINE.match(raw)
        if match:
            blocks.append([match.group(1), match.group(2)])
        elif blocks:
            blocks[-1][1] += "\n" + raw
    return [(level, message.strip()) for level, message in blocks if level in ("WARNING", "ERROR")]


def build_findings(root: Path, level: str, message: str, known: set[str]) -> list[Finding]:
    """Rewrite one MkDocs warning or error as findings that name a file and a line."""
    docs = "docs"

    def page_line(src: str, *needles: str) -> int:
        path = root / docs / src
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return 1
        for needle in needles:
            for number, text in enumerate(lines, 1):
                if needle and needle in text:
                    return number
        return 1

    if match := re.match(r"Doc file '(.+?)' contains a link '(.+?)', but the target '(.+?)' is not found", message):
        src, link, target = match.groups()
        return [Finding(f"{docs}/{src}", page_line(src, f"]({link}", link), "error",
                        f"the link '{link}' goes to a page that does not exist ({docs}/{target}). "
                        "Check the file name and folder (links are relative to this page), "
                        "or remove the link")]  # fmt: skip
    if match := re.match(
        r"Doc file '(.+?)' contains a link '(.+?)', but the doc '(.+?)' does not contain an anchor '(.+?)'",
        message,
    ):
        src, link, target, anchor = match.groups()
        return [Finding(f"{docs}/{src}", page_line(src, f"]({link}", link), "error",
                        f"the link '{link}' goes to a heading '{anchor}' that {docs}/{target} does not "
                        "have. Open that page, find the heading and use its address: the heading's "
                        "words in lower case joined by hyphens (the link icon beside a heading shows it)")]  # fmt: skip
    if match := re.match(
        r"Doc file '(.+?)' contains a link '(.+?)', but there is no such anchor on this page", message
    ):
        src, link = match.groups()
        return [Finding(f"{docs}/{src}", page_line(src, f"]({link}", link), "error",
                        f"the link '{link}' goes to a heading this page does not have. Use the "
                        "heading's words in lower case joined by hyphens, or remove the link")]  # fmt: skip
    if match := re.match(r"Doc file '(.+?)' contains an? (unrecognized relative|absolute) link '(.+?)'", message):
        src, kind, link = match.groups()
        return [Finding(f"{docs}/{src}", page_line(src, f"]({link}", link), "error",
                        f"the link '{link}' cannot be checked. Link to another page by its file, "
                        "for example '../roles/index.md', or to another website with its full "
                        "address starting https://")]  # fmt: skip
    if message.startswith("The following pages exist in the docs directory, but are not included"):
        pages = re.findall(r"^\s*-\s+(\S.*)$", message, re.M)
        return [Finding(f"{docs}/{src}", 1, "error",
                        "this page is not in the site's menu, so readers cannot find it. Add it "
                        "under 'nav:' in mkdocs.yml (or delete the page if it is not wanted)")
                for src in pages]  # fmt: skip
    if match := re.match(r"A reference to '(.+?)' is included in the 'nav' configuration", message):
        (src,) = match.groups()
        return [Finding("mkdocs.yml", _file_line(root / "mkdocs.yml", src), "error",
                        f"the menu (nav:) lists '{src}', but there is no page {docs}/{src}. Fix "
                        "the file name or remove the line")]  # fmt: skip
    if "Macro Rendering Error" in message:
        src = re.search(r"_File_: `(.+?)`", message)
        error = re.search(r"^(?:jinja2\.exceptions\.)?(\w+Error): (.+)$", message, re.M)
        template_line = re.search(r'File "<template>", line (\d+)', message)
        src_path = src.group(1) if src else "?"
        line = 1
        if template_line and src:
            line = int(template_line.group(1)) + _front_matter_lines(root / docs / src_path)
        what = f"{error.group(1)}: {error.group(2)}" if error else "a macro failed"
        return [Finding(f"{docs}/{src_path}", line, "error",
                        f"a macro on this page failed ({what}). Check the name between {{{{ and }}}} "
                        "against the macros CONTRIBUTING.md lists; to show {{ as text, remove "
                        "'render_macros: true' from the page's front matter")]  # fmt: skip
    # Our own errors (data files, front matter) are already `file:line: message` lines.
    own = [text for text in message.splitlines() if re.match(r"^\S+?:\d+: ", text)]
    if own:
        findings = []
        for text in own:
            location, rest = _split_location(text)
            file, line = location.rsplit(":", 1)
            if rest not in known:
                findings.append(Finding(file, int(line), "error", rest))
        return findings
    first_line = message.splitlines()[0] if message else "the build failed"
    return [Finding("mkdocs.yml", 1, "error", f"the build reported: {first_line}")]


def _file_line(path: Path, needle: str) -> int:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in text:
            return number
    return 1


def _front_matter_lines(path: Path) -> int:
    """How many lines MkDocs removes from the top of a page before macros see it."""
    from .pagemeta import FRONT_MATTER

    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return 0
    match = FRONT_MATTER.match(text)
    if not match:
        return 0
    rest = text[match.end() :]
    return text[: len(text) - len(rest.lstrip("\n"))].count("\n")


def check_build(root: Path, known: set[str]) -> list[Finding]:
    returncode, output = run_build(root)
    findings: list[Finding] = []
    for level, message in log_blocks(output):
        if message.startswith("Aborted with"):
            continue
        findings.extend(build_findings(root, level, message, known))
    if returncode != 0 and not findings:
        tail = output.strip().splitlines()[-1:] or ["no message"]
        findings.append(Finding("mkdocs.yml", 1, "error", f"the build failed: {tail[0]}"))
    return findings


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------


def run_checks(root: Path, today: date, overdue_is_error: bool, build: bool = True):
    project = project_at(root)
    findings = check_data(project)
    real_today = build_date(datetime.now(tz=UTC))
    page_findings, lines = check_pages(project, today, overdue_is_error, real_today)
    findings += page_findings
    findings += check_figures(project, today)
    findings += check_readability(root)
    if build:
        known = {f.message for f in findings}
        findings += [f for f in check_build(root, known) if f not in findings]
    return findings, lines


def summary(findings: list[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "due soon")}
    if not any(counts.values()):
        return "All checks passed."
    parts = [
        f"{counts['error']} error{'s' if counts['error'] != 1 else ''}",
        f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}",
        f"{counts['due soon']} page{'s' if counts['due soon'] != 1 else ''} due for review within {DUE_SOON_DAYS} days",
    ]
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
    print(summary(findings))
    if args.issue_body:
        args.issue_body.write_text(overdue_markdown(lines), encoding="utf-8")
    return 1 if any(f.severity == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
