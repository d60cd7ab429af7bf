"""The VTIMEZONE of a calendar file: one yearly rule for each clock change, or a refusal
naming the zone when its changes follow no one rule (macros/events/timezone.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from macros.events.timezone import UnsupportedTimeZone, _transitions, _weekday_rule, vtimezone


def lines(zone_name: str, first_year: int, last_year: int) -> list[str]:
    return vtimezone(zone_name, first_year, last_year).decode("utf-8").split("\r\n")[:-1]


def test_a_zone_without_clock_changes_has_one_fixed_offset():
    assert lines("Asia/Tokyo", 2025, 2027) == [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Tokyo",
        "X-LIC-LOCATION:Asia/Tokyo",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900",
        "TZNAME:JST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def test_observances_come_in_the_order_of_their_first_change_in_the_range():
    # In the southern hemisphere the year's first change ends summer time.
    assert lines("Australia/Sydney", 2025, 2026) == [
        "BEGIN:VTIMEZONE",
        "TZID:Australia/Sydney",
        "X-LIC-LOCATION:Australia/Sydney",
        "BEGIN:STANDARD",
        "DTSTART:20250406T030000",
        "TZOFFSETFROM:+1100",
        "TZOFFSETTO:+1000",
        "TZNAME:AEST",
        "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "DTSTART:20251005T020000",
        "TZOFFSETFROM:+1000",
        "TZOFFSETTO:+1100",
        "TZNAME:AEDT",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
    ]


def test_a_range_of_one_year_starts_each_rule_that_year():
    assert lines("Europe/London", 2026, 2026)[3:] == [
        "BEGIN:DAYLIGHT",
        "DTSTART:20260329T010000",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:BST",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20261025T020000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "TZNAME:GMT",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


@pytest.mark.parametrize(
    ("zone_name", "first_year", "last_year"),
    [
        ("Europe/Moscow", 2010, 2012),  # the same rule, but it stopped in 2011
        ("America/Sao_Paulo", 2018, 2020),  # summer time ended in 2019
        ("Africa/Casablanca", 2025, 2027),  # the clocks follow Ramadan
    ],
)
def test_a_zone_whose_changes_follow_no_one_yearly_rule_is_refused(zone_name, first_year, last_year):
    with pytest.raises(UnsupportedTimeZone) as refused:
        vtimezone(zone_name, first_year, last_year)
    assert refused.value.zone_name == zone_name
    assert str(refused.value) == (
        f"the clock changes in {zone_name} do not follow one yearly rule between {first_year} and {last_year}, "
        "so calendars could show these sessions at the wrong time. Use a time zone such as Europe/London"
    )


@pytest.mark.parametrize(
    ("day", "rule"),
    [
        (datetime(2024, 3, 1), "1FR"),
        (datetime(2024, 3, 7), "1TH"),
        (datetime(2024, 3, 8), "2FR"),
        (datetime(2024, 3, 14), "2TH"),
        (datetime(2024, 3, 15), "3FR"),
        (datetime(2024, 3, 18), "3MO"),
        (datetime(2024, 3, 19), "3TU"),
        (datetime(2024, 3, 20), "3WE"),
        (datetime(2024, 3, 23), "4SA"),
        (datetime(2024, 3, 24), "4SU"),  # 31 March is a Sunday too: the 24th is not the last
        (datetime(2024, 3, 25), "-1MO"),
        (datetime(2024, 3, 31), "-1SU"),
        (datetime(2024, 2, 22), "4TH"),
        (datetime(2024, 2, 23), "-1FR"),  # 2024 is a leap year: February has 29 days
    ],
)
def test_a_change_day_is_named_as_the_nth_or_the_last_weekday_of_its_month(day, rule):
    assert _weekday_rule(day) == rule


UTC_HOUR = timedelta(hours=1)


@pytest.mark.parametrize(
    ("zone_name", "year", "changes"),
    [
        # Each change is found at its instant in UTC, with the offsets either side.
        ("Europe/London", 2026, [(datetime(2026, 3, 29, 1, tzinfo=UTC), timedelta(0), UTC_HOUR),
                                 (datetime(2026, 10, 25, 1, tzinfo=UTC), UTC_HOUR, timedelta(0))]),
        # A change in January belongs to its own year, not to the year before.
        ("Pacific/Fiji", 2018, [(datetime(2018, 1, 13, 14, tzinfo=UTC), 13 * UTC_HOUR, 12 * UTC_HOUR),
                                (datetime(2018, 11, 3, 14, tzinfo=UTC), 12 * UTC_HOUR, 13 * UTC_HOUR)]),
        # São Tomé moved to UTC+1 early on 1 January 2018 and back early on 1 January 2019.
        ("Africa/Sao_Tome", 2018, [(datetime(2018, 1, 1, 1, tzinfo=UTC), timedelta(0), UTC_HOUR)]),
        ("Africa/Sao_Tome", 2019, [(datetime(2019, 1, 1, 1, tzinfo=UTC), UTC_HOUR, timedelta(0))]),
        ("Asia/Tokyo", 2026, []),
    ],
)  # fmt: skip
def test_the_years_changes_of_offset_are_found_to_the_minute_in_utc(zone_name, year, changes):
    assert _transitions(ZoneInfo(zone_name), year) == changes
