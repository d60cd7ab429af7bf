"""The keyboard walk of tests/browser/test_keyboard_browser.py, at the phone's size. A file of
its own so that pytest-xdist, which keeps each file in one process, can walk both sizes at once."""

from __future__ import annotations

import pytest

from tests.browser.test_keyboard_browser import (  # noqa: F401 (pytest collects what is imported)
    keyboard_walk,
    test_after_using_every_control_the_browser_keeps_only_what_the_privacy_page_names,
    test_every_control_works_from_the_keyboard,
    test_focus_is_always_visible,
    test_tab_reaches_every_control,
    test_the_skip_link_comes_first_and_moves_focus_to_the_content,
)

pytestmark = pytest.mark.browser

VIEWPORT = "phone-375"
