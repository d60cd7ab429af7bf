"""The hub's pages and their review dates: read from docs/, published as /api/pages.json.

Reminder tools (and the scheduled GitHub job) read /api/pages.json to see which pages
are due for review and who owns them. Pages generated from data (session pages) are not
in docs/ and are not listed: they are rebuilt from their data file every day.
"""

from __future__ import annotations

import json
from datetime import date

from ..core.clock import build_instant
from ..core.dates import build_date
from ..core.generated import GeneratedFile
from ..core.project import Project
from ..core.urls import page_url
from .frontmatter import PageCheck, check_page_file, content_pages, page_title
from .review import DUE_SOON_DAYS, ReviewLine, review_of

PAGES_JSON = "api/pages.json"


def check_all_pages(project: Project, latest_review: date | None = None) -> list[PageCheck]:
    """The front matter check of every page under docs/, in path order.

    `latest_review`: a `last_reviewed` after this date is refused as a typo (`make check`
    passes the real date; the build does not, so a preview with SOURCE_DATE_EPOCH in the
    past still builds).
    """
    return [check_page_file(path, project.shown(path), latest_review) for path in content_pages(project.docs_dir)]


def _src(check: PageCheck) -> str:
    return check.path.removeprefix("docs/")


def review_lines(project: Project, checks: list[PageCheck], today: date) -> list[ReviewLine]:
    """A ReviewLine for every page whose front matter is valid."""
    lines = []
    for check in checks:
        if check.meta is None or check.problems:
            continue
        src = _src(check)
        lines.append(
            ReviewLine(
                path=check.path,
                line=check.line_of("last_reviewed"),
                title=page_title(check, project.hub.get("name", "Home")),
                owner=check.meta.owner,
                review=review_of(check.meta, today),
                url=project.site_url + page_url(src),
                edit_url=project.edit_url(src),
            )
        )
    return lines


def pages_document(project: Project, checks: list[PageCheck], today: date) -> dict:
    """The data of /api/pages.json: every valid page with its owner, dates and sources."""
    by_path = {check.path: check for check in checks}
    pages = []
    for line in review_lines(project, checks, today):
        meta = by_path[line.path].meta
        pages.append(
            {
                "title": line.title,
                "url": line.url,
                "path": line.path,
                "edit_url": line.edit_url,
                "description": meta.description,
                "owner": line.owner,
                "last_reviewed": line.review.last_reviewed.isoformat(),
                "next_review": line.review.next_review.isoformat(),
                "review_status": line.review.status,
                "sources": [
                    {key: value for key, value in source.model_dump(mode="json").items() if value}
                    for source in meta.sources
                ],
            }
        )
    return {
        "site": project.hub.get("name", ""),
        "built_on": today.isoformat(),
        "due_soon_days": DUE_SOON_DAYS,
        "pages": pages,
    }


def pages_json(project: Project, checks: list[PageCheck], today: date) -> str:
    return json.dumps(pages_document(project, checks, today), indent=2, ensure_ascii=False) + "\n"


def pages_json_provider(project: Project) -> list[GeneratedFile]:
    """The generated-file provider: /api/pages.json in the built site."""
    today = build_date(build_instant())
    return [GeneratedFile(PAGES_JSON, pages_json(project, check_all_pages(project), today))]
