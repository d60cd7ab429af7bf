"""When each page is next due for review, and whether it is overdue.

Pure functions of a page's front matter and the build date (macros/core/clock.py), so the
same sources and SOURCE_DATE_EPOCH give the same footer, notice and report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from ..core.dates import long_date

# A page due within this many days is listed as "due soon" by the check.
DUE_SOON_DAYS = 30

# The longest review period in each unit (10 years): a longer one is a typing mistake, and a
# huge one would overflow the date it is added to.
_MOST = {"day": 3653, "week": 522, "month": 120, "year": 10}
_PERIOD = re.compile(r"^\s*(\d{1,12})\s+(day|week|month|year)s?\s*$", re.I)


def parse_review_period(text: str) -> relativedelta:
    """'12 months' -> relativedelta(months=12). Raises ValueError saying how to write it."""
    match = _PERIOD.match(str(text))
    if match and int(match.group(1)) > _MOST[match.group(2).lower()]:
        raise ValueError(
            f"'{match.group(1)} {match.group(2)}s' is not a review period we can use: a page is reviewed "
            "at least every 10 years. Write, for example, '12 months', '2 years' or '8 weeks'"
        )
    if not match or int(match.group(1)) == 0:
        raise ValueError(
            f"'{str(text)[:100]}' is not a review period we can read. Write a number and a unit, "
            "for example '12 months', '6 months', '1 year' or '8 weeks'"
        )
    number, unit = int(match.group(1)), match.group(2).lower()
    return relativedelta(**{unit + "s": number})


def next_review_date(last_reviewed: date, review_in: str | None, next_review: date | None) -> date:
    """The date the page is next due: `next_review`, or `last_reviewed` plus `review_in`."""
    if next_review is not None:
        return next_review
    if review_in is None:
        raise ValueError("a page needs review_in or next_review")
    return last_reviewed + parse_review_period(review_in)


@dataclass(frozen=True)
class Review:
    last_reviewed: date
    next_review: date
    today: date

    @property
    def days_left(self) -> int:
        return (self.next_review - self.today).days

    @property
    def overdue(self) -> bool:
        return self.today > self.next_review

    @property
    def due_soon(self) -> bool:
        return not self.overdue and self.days_left <= DUE_SOON_DAYS

    @property
    def status(self) -> str:
        """'overdue', 'due soon' or 'current'."""
        if self.overdue:
            return "overdue"
        return "due soon" if self.due_soon else "current"

    @property
    def last_reviewed_text(self) -> str:
        return long_date(self.last_reviewed)

    @property
    def next_review_text(self) -> str:
        return long_date(self.next_review)


def review_of(meta, today: date) -> Review:
    """The review state of a page's front matter (a PageMeta) on `today`."""
    due = next_review_date(meta.last_reviewed, meta.review_in, meta.next_review)
    return Review(meta.last_reviewed, due, today)


@dataclass(frozen=True)
class ReviewLine:
    """One page in the review report."""

    path: str
    line: int
    title: str
    owner: str
    review: Review
    url: str = ""  # the page on the site
    edit_url: str = ""  # the page's source on GitHub


def review_report(pages: list[ReviewLine], overdue_is_error: bool) -> list[tuple[str, str]]:
    """(severity, line) for each page overdue or due soon, most overdue first.

    Overdue pages are errors on the publishing schedule and warnings in a pull request.
    """
    lines = []
    for page in sorted(pages, key=lambda p: (p.review.next_review, p.path)):
        review = page.review
        where = f"{page.path}:{page.line}"
        if review.overdue:
            days = -review.days_left
            severity = "error" if overdue_is_error else "warning"
            lines.append(
                (
                    severity,
                    f"{where}: '{page.title}' was due for review on {review.next_review_text} "
                    f"({days} day{'s' if days != 1 else ''} ago; owner: {page.owner}). Check the "
                    "page is still right, then set last_reviewed to the date you checked it",
                )
            )
        elif review.due_soon:
            days = review.days_left
            when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
            lines.append(
                (
                    "due soon",
                    f"{where}: '{page.title}' is due for review on {review.next_review_text} "
                    f"({when}; owner: {page.owner})",
                )
            )
    return lines


def issue_text(text: str) -> str:
    """Editors' text for a GitHub issue, shown as typed: a code span, where GitHub makes no
    mention (@team), issue link (#1), link, autolink, emphasis or HTML. In a table cell a '|'
    still needs its backslash; the fence is longer than any run of backticks in the text, and
    the spaces inside it, which Markdown removes, keep a leading or trailing backtick apart."""
    text = " ".join(text.split()).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def overdue_markdown(pages: list[ReviewLine]) -> str:
    """The body of the GitHub issue that lists overdue pages with their owners."""
    overdue = sorted((p for p in pages if p.review.overdue), key=lambda p: (p.review.next_review, p.path))
    if not overdue:
        return ""
    rows = [
        "These pages are past their review date. Each owner: check the page is still right, "
        "then set `last_reviewed` to the date you checked it (see CONTRIBUTING.md, "
        '"Reviewing a page").',
        "",
        "| Page | Owner | Review was due | Edit |",
        "|---|---|---|---|",
    ]
    for page in overdue:
        title, owner = issue_text(page.title), issue_text(page.owner)
        rows.append(
            f"| [{title}]({page.url}) | {owner} | {page.review.next_review_text} | [{page.path}]({page.edit_url}) |"
        )
    return "\n".join(rows) + "\n"
