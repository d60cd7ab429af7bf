"""The build's idea of "now".

Reproducible builds need a fixed clock: when SOURCE_DATE_EPOCH is set (seconds since
1970 in UTC) it is "now"; otherwise the real clock is.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime


def source_date_epoch(environ: dict[str, str] | None = None) -> datetime | None:
    """SOURCE_DATE_EPOCH as an aware UTC datetime, or None when it is not set."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    except ValueError:
        raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {epoch!r}") from None


def build_instant(environ: dict[str, str] | None = None) -> datetime:
    """The moment the build treats as now, as an aware UTC datetime."""
    return source_date_epoch(environ) or datetime.now(tz=UTC)
