from datetime import UTC, datetime

import pytest

from macros.core.clock import build_instant


def test_source_date_epoch_fixes_now():
    assert build_instant({"SOURCE_DATE_EPOCH": "1795262400"}) == datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def test_without_it_now_is_the_clock():
    before = datetime.now(tz=UTC)
    assert before <= build_instant({}) <= datetime.now(tz=UTC)


def test_a_malformed_epoch_says_what_it_should_be():
    with pytest.raises(ValueError, match="whole number of seconds"):
        build_instant({"SOURCE_DATE_EPOCH": "yesterday"})
