"""The VTIMEZONE of a calendar file, written with yearly RRULEs worked out from zoneinfo.

Each observance is one yearly rule (the last Sunday of March and of October for
Europe/London), built and serialised once per build. Not icalendar's
add_missing_timezones(): its long RDATE lists are misread for winter dates by ical.js
(Thunderbird's parser) and vobject.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur, vText


class UnsupportedTimeZone(ValueError):
    def __init__(self, zone_name: str, message: str):
        self.zone_name = zone_name
        super().__init__(message)


def _transitions(zone: ZoneInfo, year: int) -> list[tuple[datetime, timedelta, timedelta]]:
    """Every change of UTC offset in `year`: (the UTC instant, offset before, offset after)."""
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    before = moment.astimezone(zone).utcoffset()
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    while moment < end:
        following = moment + timedelta(days=1)
        after = following.astimezone(zone).utcoffset()
        if after != before:
            low, high = int(moment.timestamp()) // 60, int(following.timestamp()) // 60
            while high - low > 1:
                middle = (low + high) // 2
                offset = datetime.fromtimestamp(middle * 60, UTC).astimezone(zone).utcoffset()
                low, high = (middle, high) if offset == before else (low, middle)
            found.append((datetime.fromtimestamp(high * 60, UTC), before, after))
            before = after
        moment = following
    return found


def _weekday_rule(day: datetime) -> str:
    """BYDAY for the nth (or last) weekday of its month: 2SU, -1SU."""
    code = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.weekday()]
    if day.day + 7 > calendar.monthrange(day.year, day.month)[1]:
        return f"-1{code}"
    return f"{(day.day - 1) // 7 + 1}{code}"


class _YearlyRule(vRecur):
    """An RRULE written FREQ, BYMONTH, BYDAY, the order RFC 5545's own VTIMEZONE examples use
    (icalendar's default puts BYDAY first; both mean the same)."""

    canonical_order = ("FREQ", "BYMONTH", "BYDAY")


def timezone_component(zone_name: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE for `zone_name` as an icalendar component, valid from first_year to last_year.

    Each observance is one yearly RRULE (such as the last Sunday of March), worked out from
    zoneinfo's own transitions and checked to hold in every one of those years; a zone whose
    rules change within the range is refused. Not icalendar's add_missing_timezones(): its
    long RDATE lists are misread for winter dates by ical.js and vobject.
    """
    zone = ZoneInfo(zone_name)
    component = Timezone()
    component.add("TZID", zone_name)
    component.add("X-LIC-LOCATION", vText(zone_name))
    rules: dict[tuple[timedelta, timedelta], list[tuple[int, str, str, str]]] = {}
    first_onset: dict[tuple[timedelta, timedelta], datetime] = {}
    names: dict[tuple[timedelta, timedelta], str] = {}
    for year in range(first_year, last_year + 1):
        for instant, before, after in _transitions(zone, year):
            wall = (instant + before).replace(tzinfo=None)  # onset in the old offset, as RFC 5545 wants
            key = (before, after)
            rules.setdefault(key, []).append((wall.month, _weekday_rule(wall), f"{wall:%H%M%S}", str(year)))
            first_onset.setdefault(key, wall)
            names[key] = instant.astimezone(zone).tzname() or zone_name
    if not rules:
        offset = datetime(first_year, 6, 1, tzinfo=zone).utcoffset()
        standard = TimezoneStandard()
        standard.add("DTSTART", datetime(1970, 1, 1))
        standard.add("TZOFFSETFROM", offset)
        standard.add("TZOFFSETTO", offset)
        standard.add("TZNAME", datetime(first_year, 6, 1, tzinfo=zone).tzname() or zone_name)
        component.add_component(standard)
    for key in sorted(rules, key=lambda k: first_onset[k]):
        before, after = key
        years = rules[key]
        patterns = {(month, byday, clock) for month, byday, clock, _ in years}
        if len(patterns) != 1 or len(years) != last_year - first_year + 1:
            raise UnsupportedTimeZone(
                zone_name,
                f"the clock changes in {zone_name} do not follow one yearly rule between {first_year} "
                f"and {last_year}, so calendars could show these sessions at the wrong time. "
                "Use a time zone such as Europe/London",
            )
        month, byday, _ = patterns.pop()
        observance = TimezoneDaylight() if after > before else TimezoneStandard()
        observance.add("DTSTART", first_onset[key])
        observance.add("TZOFFSETFROM", before)
        observance.add("TZOFFSETTO", after)
        observance.add("TZNAME", names[key])
        observance.add("RRULE", _YearlyRule({"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": byday}))
        component.add_component(observance)
    return component


@cache
def vtimezone(zone_name: str, first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE for `zone_name`, serialised by icalendar once per zone and range per build;
    every calendar file that needs it reuses these bytes."""
    return timezone_component(zone_name, first_year, last_year).to_ical(sorted=False)
