"""data/events.yaml rules an editor meets: a time the hub cannot read, a session that ends when it
starts, and one bad entry never hiding the checks on the entries after it."""

from __future__ import annotations

from tests.helpers import events_problem, events_series_text, load_events_text


def sessions(*lines: str) -> str:
    """The one-series text with these session entries instead of the three plain ones."""
    text = events_series_text()
    head = text[: text.index("      - date: 2026-03-28")]
    return head + "".join(f"      {line}\n" for line in lines)


def test_a_time_in_words_gets_the_hubs_message_not_a_crash(tmp_path):
    message = events_problem(tmp_path, events_series_text(start="noon"))
    assert "data/events.yaml" in message
    assert "'noon'" in message
    assert "24-hour clock" in message


def test_a_time_out_of_range_is_refused(tmp_path):
    assert "'24:00'" in events_problem(tmp_path, events_series_text(start="24:00"))
    assert "'12:60'" in events_problem(tmp_path, events_series_text(end="12:60"))


def test_a_one_digit_hour_with_spaces_around_is_read(tmp_path):
    events = load_events_text(tmp_path, events_series_text(start=" 9:05 ", end="23:59"))
    assert (events.series[0].start.hour, events.series[0].start.minute) == (9, 5)


def test_a_series_that_ends_when_it_starts_is_refused(tmp_path):
    message = events_problem(tmp_path, events_series_text(start="12:30", end="12:30"))
    assert "12:30" in message and "field 'end'" in message


def test_a_session_that_ends_when_it_starts_is_refused(tmp_path):
    message = events_problem(tmp_path, sessions("- date: 2026-03-28", '  end: "12:30"'))
    assert "session 1" in message and "field 'end'" in message


def test_a_session_ending_one_minute_after_it_starts_is_accepted(tmp_path):
    events = load_events_text(tmp_path, sessions("- date: 2026-03-28", '  end: "12:31"'))
    assert len(events.series[0].sessions) == 1


def test_a_bad_session_does_not_hide_the_checks_on_later_sessions(tmp_path):
    text = sessions(
        "- date: 2026-03-28",
        '  end: "12:00"',
        "- date: 2026-04-25",
        "- date: 2026-04-25",
        "- date: 2026-05-23",
        '  end: "12:30"',
    )
    message = events_problem(tmp_path, text)
    assert "session 1" in message
    assert "session 3" in message  # the copy of session 2's date
    assert "session 4" in message  # ends when it starts


def test_a_bad_series_does_not_hide_the_checks_on_later_series(tmp_path):
    first = events_series_text(start="13:00", end="12:00")
    second = events_series_text().split("series:\n", 1)[1].replace("evening-drop-in", "second-drop-in")
    second = second.replace("      - date: 2026-05-23\n", "      - date: 2026-04-25\n")
    message = events_problem(tmp_path, first + second)
    assert "series 1" in message
    assert "series 2" in message and "same date" in message
