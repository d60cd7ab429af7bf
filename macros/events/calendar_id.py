"""The hub's calendar id: the part of every session's calendar id (UID) after the @.

A calendar recognises a session by its UID. If a UID changes, every subscribed calendar
shows the session twice (the old copy never goes away). So UIDs are made from the series
id, the session's original date and this calendar id, set once in mkdocs.yml as
`extra.hub.calendar_id`, and never from `site_url`: the site can move to a new address
without any subscriber seeing a duplicate.

Without `calendar_id`, the hub's own default below is used. It is not a web address and
never changes with `site_url`. Another training hub that copies this site must set its
own before anyone subscribes, so its sessions are not confused with this hub's.
"""

from __future__ import annotations

import re
from typing import Any

from ..core.problems import DataFileError, DataProblem

DEFAULT_CALENDAR_ID = "ot-primary-care-hub.gloucestershire"
_PATTERN = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")
_WHERE = "extra: hub:, field 'calendar_id'"


def calendar_id(hub: dict[str, Any], config_file: str = "mkdocs.yml") -> str:
    """extra.hub.calendar_id from mkdocs.yml, checked; the default when it is not set."""
    value = hub.get("calendar_id")
    if value is None:
        return DEFAULT_CALENDAR_ID
    if not isinstance(value, str) or not _PATTERN.fullmatch(value) or len(value) > 100:
        raise DataFileError(
            [
                DataProblem(
                    config_file,
                    None,
                    _WHERE,
                    f"{value!r} cannot be a calendar id: use lower-case letters, numbers, dashes and dots, "
                    f"for example '{DEFAULT_CALENDAR_ID}'. Set it once and never change it: calendars "
                    "that have subscribed would show every session twice",
                )
            ]
        )
    return value
