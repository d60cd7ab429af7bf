"""Guards an editor or a reader meets: an out-of-date figure's warning never hidden by a current
one listed before it, raw HTML never passing into a Markdown heading, and the id and web-address
rules on both sides of their limits."""

from __future__ import annotations

from datetime import date

import pytest

from macros.core.escaping import markdown_inline_text
from macros.core.fields import MAX_ID_LENGTH, check_id, check_web_address
from macros.figures.models import load_figures
from macros.figures.wording import figure_lines, out_of_date_report
from tests.unit.test_figures import VALID, write


def test_a_current_figure_listed_first_does_not_hide_the_warning_for_an_expired_one(tmp_path):
    current = VALID.split("figures:\n", 1)[1].replace("id: band-7", "id: band-8").replace(
        "ends: 2026-03-31", "ends: 2027-03-31"
    )
    path = write(tmp_path, "figures:\n" + current + VALID.split("figures:\n", 1)[1])
    figures = load_figures(path)
    late = out_of_date_report(figures, figure_lines(path, figures), [], date(2026, 12, 4), "data/figures.yaml")
    assert len(late) == 1
    assert "band-7" in late[0].message and "band-8" not in late[0].message


@pytest.mark.parametrize("raw", ["<script>alert(1)</script>", "a > b", "<b>bold</b>"])
def test_raw_angle_brackets_never_reach_markdown_as_html(raw):
    escaped = markdown_inline_text(raw)
    assert "<" not in escaped and ">" not in escaped
    assert "&lt;" in escaped or "&gt;" in escaped


def test_an_ampersand_stays_an_ampersand():
    assert markdown_inline_text("Tea & biscuits") == "Tea &amp; biscuits"


def test_an_id_of_the_longest_allowed_length_is_accepted_and_one_more_is_refused():
    longest = "a" * MAX_ID_LENGTH
    assert MAX_ID_LENGTH == 60
    assert check_id(longest) == longest
    with pytest.raises(ValueError, match="61 characters"):
        check_id(longest + "b")


@pytest.mark.parametrize("bad", ["Stage-1", "stage--1", "-stage", "stage-", "stage 1", "", 7, None])
def test_an_id_outside_the_pattern_is_refused(bad):
    with pytest.raises(ValueError, match="cannot be an id"):
        check_id(bad)


@pytest.mark.parametrize("good", ["stage-1", "a", "2026-roles"])
def test_an_id_inside_the_pattern_is_accepted(good):
    assert check_id(good) == good


@pytest.mark.parametrize(
    "bad",
    [
        "https://[abc.com/",  # a malformed host: refused with the hub's message, not a crash
        "http://www.rcot.co.uk/",
        "https://localhost/",
        "https://./",
        'https://example.org/"onmouseover',
        "https://example.org/a b",
        "www.rcot.co.uk",
        None,
    ],
)
def test_an_address_the_hub_cannot_link_to_is_refused(bad):
    with pytest.raises(ValueError, match="not a web address we can link to"):
        check_web_address(bad)


def test_a_good_address_is_accepted_without_surrounding_spaces():
    assert check_web_address("  https://www.rcot.co.uk/  ") == "https://www.rcot.co.uk/"
