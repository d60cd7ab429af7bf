"""`make serve` when a rebuild fails on an editor's mistake: the served pages show what is
wrong (file:line and what to do) instead of the old page, until the mistake is fixed.

hooks/editorial.py (on_serve) collects what MkDocs logged during the failed rebuild and
writes `error_page(problem_lines(...))` over every page of the served site; these functions are
its logic.
"""

from __future__ import annotations

from pathlib import Path

from ..core.templating import render_template
from .build_messages import build_findings
from .config_file import config_findings

# MkDocs' own closing lines, which say only that the build stopped.
_CLOSING = ("Aborted with", "Error reading page")


def problem_lines(root: Path, messages: list[str], error: str = "") -> list[str]:
    """One line a problem, `file:line: error: what to do`, from what the failed rebuild logged."""
    config = config_findings(root, pages=False)
    if config:
        return [str(finding) for finding in config]
    from ..core.project import Project

    try:
        project = Project.from_mkdocs_yml(root / "mkdocs.yml")
    except Exception:  # noqa: BLE001 - config_findings found nothing, so show MkDocs' own words
        return [message.splitlines()[0] for message in messages] or [error or "the build failed"]
    lines: list[str] = []
    for message in messages:
        if message.startswith(_CLOSING):
            continue
        for finding in build_findings(project, message, set()):
            if str(finding) not in lines:
                lines.append(str(finding))
    return lines or [f"mkdocs.yml:1: error: the build failed: {error or 'no message'}"]


def error_page(lines: list[str]) -> str:
    """The page served in place of every page while the site cannot be built."""
    return render_template("editorial/serve-error.html", lines=lines)
