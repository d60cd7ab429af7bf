"""Printing (issue 6): every content page printed from Chromium (Playwright's page.pdf, which
uses the print style sheet) holds the page's content and none of the site's chrome: no
header, navigation, table of contents, search, "back to top" or footer text, and none of the
editors' links to the data files (issue 30).

The pages are printed in the desktop's every-page sweep (tests/browser/every_page.py, before
the keyboard walk uses the controls), and the test that reads the printouts is in
tests/browser/test_quality_browser.py. The chrome's text is read from the page itself, so it
follows the navigation as it grows; a chrome line that also appears in the content (a
section name in a sentence) is not used. This file checks that comparison.
"""

from __future__ import annotations

from tests.browser.every_page import chrome_in_print


def test_the_print_check_finds_chrome_in_a_printout():
    chrome = ["OT in Primary Care hub", "Search the hub", "Skip to content", "Training"]
    content = "Training for OTs. The roadmap explains it."
    printed = "OT in Primary Care hub\nSkip to content\nTraining for OTs. The roadmap explains it."
    assert chrome_in_print(printed, chrome, content) == ["OT in Primary Care hub", "Skip to content"]
    assert chrome_in_print(content, chrome, content) == []
