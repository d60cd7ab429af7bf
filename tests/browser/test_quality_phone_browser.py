"""The tests of tests/browser/test_quality_browser.py (every page loaded once for axe-core,
requests, console errors, storage, the policy, the accessibility tree with the menu open, and
the keyboard walk), at the phone's size, and reflow in a 320 px window. A file of its own so that pytest-xdist, which keeps
each file in one process, can sweep both sizes at once."""

from __future__ import annotations

import pytest

from tests.browser.test_quality_browser import (  # noqa: F401 (pytest collects what is imported)
    every_page,
    test_after_using_every_control_the_browser_keeps_only_what_the_privacy_page_names,
    test_every_control_works_from_the_keyboard,
    test_every_focusable_control_has_a_role_and_a_name_and_every_opener_says_if_it_is_open,
    test_every_page_has_no_axe_violations,
    test_every_page_has_the_one_policy_first_no_inline_script_and_no_violation,
    test_every_page_is_served,
    test_focus_is_always_visible,
    test_no_page_asks_any_host_but_the_site,
    test_no_page_logs_a_console_error,
    test_tab_reaches_every_control,
    test_the_navigation_sections_are_buttons_that_say_whether_they_are_open,
    test_the_skip_link_comes_first_and_moves_focus_to_the_content,
)

pytestmark = pytest.mark.browser

VIEWPORT = "phone-375"


@pytest.mark.slow
def test_no_page_scrolls_sideways_at_320_px(every_page):  # noqa: F811 (the fixture imported above)
    """WCAG 1.4.10: every page, read in this sweep with the window narrowed to 320 px."""
    assert all(v.overflow[1] <= 320 for v in every_page.visits), "the window was not narrowed"
    problems = [
        f"{v.path}: scrollWidth {v.overflow[0]} > {v.overflow[1]} (for example {v.overflow[2]})"
        for v in every_page.visits
        if v.overflow[0] > v.overflow[1]
    ]
    assert not problems, "\n".join(problems)
