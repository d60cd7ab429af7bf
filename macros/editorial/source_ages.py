"""Sources not checked for 12 months: `make check` warns, naming the file and the line.

Every source the hub cites carries `checked: YYYY-MM-DD`, the day someone last read it and
found it still says what the hub says. Rules change (the 2024 seeds were out of date by
2026), so a source nobody has read for a year is a warning. Pure functions: text in,
(file, line, message) out.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..core.dates import long_date

STALE_AFTER = timedelta(days=365)
_CHECKED = re.compile(r"^\s*(?:-\s+)?checked:\s*['\"]?(\d{4}-\d{2}-\d{2})['\"]?\s*(?:#.*)?$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def stale_sources(text: str, shown: str, today: date, front_matter_only: bool) -> list[tuple[str, int, str]]:
    """(file, line, message) for each `checked:` date more than 12 months before `today`.

    In a page only the front matter holds sources, so `front_matter_only` skips the body
    (a code sample there may show `checked:`). A date that is not a real date is left to
    the data and front matter checks, which report it.
    """
    if front_matter_only:
        match = _FRONT_MATTER.match(text)
        text = match.group(1) if match else ""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _CHECKED.match(line)
        if not match:
            continue
        try:
            checked = date.fromisoformat(match.group(1))
        except ValueError:
            continue
        if today - checked > STALE_AFTER:
            found.append(
                (
                    shown,
                    number + (1 if front_matter_only else 0),
                    f"this source was last checked on {long_date(checked)}, more than 12 months ago. "
                    "Read it again: if it still says what the hub says, set 'checked' to today's date; "
                    "if it has changed, correct the page first",
                )
            )
    return found
