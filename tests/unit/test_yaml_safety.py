"""YAML that cannot hurt, and text with nothing an editor did not mean to type (issue 19).

Every data file and every page's front matter goes through the same event pass
(macros/core/yaml_safety.py check_yaml_events) before anything is built from the YAML.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import macros  # noqa: F401  (wires every concern's data file loader)
from macros.core.datafiles import DATA_LOADERS, DataFileError, parse_yaml_text
from macros.editorial.frontmatter import check_page_text

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 4)

PAGE = """---
title: Recruiting an OT
description: How to recruit an occupational therapist.
owner: Training Hub (hub@nhs.net)
last_reviewed: 2026-01-10
review_in: 12 months
{extra}---

# Recruiting an OT
"""


def page_messages(extra: str = "", review_in: str = "12 months") -> list[str]:
    text = PAGE.format(extra=extra).replace("review_in: 12 months", f"review_in: {review_in}")
    return [str(p) for p in check_page_text(text, "docs/x.md", TODAY).problems]


def data_messages(text: str) -> list[str]:
    with pytest.raises(DataFileError) as caught:
        parse_yaml_text(text, "data/x.yaml")
    return [str(p) for p in caught.value.problems]


# --- anchors and aliases --------------------------------------------------------------


BILLION_LAUGHS = """
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_anchors_and_aliases_are_refused_before_anything_is_expanded():
    messages = data_messages(BILLION_LAUGHS)
    assert messages[0].startswith("data/x.yaml:2: '&a' is a YAML anchor or alias")
    assert "write the value out in full" in messages[0]
    assert len("\n".join(messages)) < 5_000  # not hundreds of megabytes


def test_an_alias_in_front_matter_is_refused_with_its_line():
    messages = page_messages("extra_one: &x hello\nsubtitle: *x\n")
    assert messages == [
        "docs/x.md:7: '&x' is a YAML anchor or alias. The hub's files do not use them: write the value "
        "out in full where it is needed, and delete the '&' and '*' names",
        "docs/x.md:8: '*x' is a YAML anchor or alias. The hub's files do not use them: write the value "
        "out in full where it is needed, and delete the '&' and '*' names",
    ]


# --- nesting depth ----------------------------------------------------------------------


@pytest.mark.parametrize("depth", [21, 20_000, 100_000])
def test_deep_nesting_gives_a_message_not_a_recursion_error_or_a_crash(depth):
    (message,) = data_messages("terms: " + "[" * depth + "\n")
    assert message == (
        "data/x.yaml:1: the lists and entries here are nested more than 20 deep, far deeper than any file of the "
        "hub needs. Check the brackets '[' '{' and the indentation"
    )
    (message,) = page_messages("subtitle: " + "{a: " * depth + "\n")
    assert message == (
        "docs/x.md:7: the lists and entries here are nested more than 20 deep, far deeper than any file of the "
        "hub needs. Check the brackets '[' '{' and the indentation"
    )


def test_ordinary_nesting_still_loads():
    data, _ = parse_yaml_text("a: " + "[" * 19 + "]" * 19 + "\n", "data/x.yaml")
    depth, value = 0, data["a"]
    while value:
        depth, value = depth + 1, value[0]
    assert depth == 18  # the 19th list is empty; with the mapping, 20 deep: the most allowed


# --- keys that are not words, numbers longer than any figure -------------------------------


KEY_NOT_TEXT = (
    "a list or an entry is used as a key here, and a key must be a word (such as 'title:'). "
    "Check the brackets '[' '{', a '?' at the start of the line and the indentation"
)


@pytest.mark.parametrize(
    "entry",
    [
        "    [a, b]: x\n",
        "    {a: 1}: x\n",
        "    ? - a\n      - b\n    : x\n",
    ],
)
def test_a_list_or_an_entry_used_as_a_key_is_refused_naming_file_line_and_entry(entry):
    assert data_messages("terms:\n  - term: ARRS\n" + entry) == [f"data/x.yaml:3: term 1: {KEY_NOT_TEXT}"]


def test_a_list_used_as_a_key_in_front_matter_is_refused_naming_page_and_line():
    assert page_messages("[a]: x\n") == [f"docs/x.md:7: {KEY_NOT_TEXT}"]


LONG_NUMBER = "1" * 31


@pytest.mark.parametrize(
    ("typed", "shown", "digits"),
    [
        (LONG_NUMBER, LONG_NUMBER, 31),
        ("-" + "9" * 40 + ".5", "-" + "9" * 39 + "... (3 more characters)", 41),
        (
            "1_000_000_000_000_000_000_000_000_000_000",
            "1_000_000_000_000_000_000_000_000_000_000"[:40] + "... (1 more characters)",
            31,
        ),
    ],
)
def test_a_number_of_more_than_30_digits_is_refused_before_it_is_read(typed, shown, digits):
    assert data_messages(f"figures:\n  - id: band-7\n    amount: {typed}\n") == [
        f"data/x.yaml:3: figure 1, field 'amount': '{shown}' is a number of {digits} digits, more than any figure "
        "needs (at most 30). Check it; if it is text, put it in double quotes"
    ]


def test_a_long_number_in_front_matter_is_refused_and_quoted_digits_are_text():
    assert page_messages(f"subtitle: {'2' * 50}\n") == [
        f"docs/x.md:7: field 'subtitle': '{'2' * 40}... (10 more characters)' is a number of 50 digits, more than any "
        "figure needs (at most 30). Check it; if it is text, put it in double quotes"
    ]
    data, _ = parse_yaml_text(f'a: "{LONG_NUMBER}"\nb: {"1" * 30}\nc: x{LONG_NUMBER}\n', "data/x.yaml")
    assert data == {"a": LONG_NUMBER, "b": int("1" * 30), "c": "x" + LONG_NUMBER}


# --- characters no editor means to type ---------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        ("\x0b", "a line break pasted from Word or a web page (U+000B): delete it and type a space"),
        ("\x01", "an invisible control character (U+0001)"),
        ("\x7f", "an invisible delete character (U+007F)"),
        ("\x1b", "an invisible control character (U+001B)"),
        ("\x85", "a line break pasted from Word or a web page (U+0085)"),
        ("\x9b", "an invisible control character (U+009B)"),
        ("\u2028", "a line break pasted from Word or a web page (U+2028)"),
        ("\u2029", "a line break pasted from Word or a web page (U+2029)"),
    ],
)
def test_a_raw_control_character_names_the_line_entry_and_field(raw, what):
    (message,) = data_messages(f"series:\n  - id: drop-in\n    title: Drop{raw}in\n")
    assert message.startswith(f"data/x.yaml:3: series 1, field 'title': this text holds {what}")
    (message,) = page_messages(f"subtitle: Recruiting{raw} an OT\n")
    assert message.startswith(f"docs/x.md:7: field 'subtitle': this text holds {what}")


@pytest.mark.parametrize("escape", ["\\x01", "\\x7f", "\\v", "\\e", "\\u2028", "\\N", "\\x9b"])
def test_a_control_character_written_as_an_escape_is_refused_too(escape):
    (message,) = data_messages(f'series:\n  - id: drop-in\n    title: "Drop{escape}in"\n')
    assert message.startswith("data/x.yaml:3: series 1, field 'title': this text holds")


def test_a_control_character_in_a_comment_is_named_by_its_line():
    (message,) = data_messages("# a comment\x01\nterms: []\n")
    assert message.startswith("data/x.yaml:1: this line holds an invisible control character (U+0001)")


@pytest.mark.parametrize(
    ("pasted", "what"),
    [("\x01", "an invisible control character (U+0001)"), ("\u2028", "a line break pasted from Word")],
)
def test_a_control_character_in_a_page_s_text_is_named_by_its_line(pasted, what):
    text = PAGE.format(extra="") + f"\nFirst paragraph.\n\nPasted{pasted} words.\n\tIndented code is fine.\n"
    messages = [str(p) for p in check_page_text(text, "docs/x.md", TODAY).problems]
    assert messages == [f"docs/x.md:13: this line holds {what}" + messages[0].split(what, 1)[1]]
    assert check_page_text(PAGE.format(extra=""), "docs/x.md", TODAY).problems == []


def test_a_control_character_that_breaks_the_yaml_is_still_named_as_the_character():
    messages = data_messages("terms:\n\x0b - a\n")
    assert any(m.startswith("data/x.yaml:2: this line holds a line break pasted from Word") for m in messages)


def test_tab_is_refused_in_a_one_line_field_and_kept_in_a_field_of_several_lines():
    (message,) = page_messages("subtitle: Recruiting\tan OT\n")
    assert message == (
        "docs/x.md:7: field 'subtitle': this text holds a tab (after 'Recruiting'), which only a field "
        "of several lines may hold. Delete it and type a space"
    )
    data, _ = parse_yaml_text("note: |\n  one\ttwo\n  three\n", "data/x.yaml")
    assert data == {"note": "one\ttwo\nthree\n"}


def test_a_non_character_the_reader_refuses_gets_a_line_not_a_reader_error():
    (message,) = data_messages("terms:\n  - a\uffff\n")
    assert message.startswith("data/x.yaml:2: term 1: this text holds a character that is not text (U+FFFF)")


def every_data_file() -> list[str]:
    return sorted(DATA_LOADERS)


@pytest.mark.parametrize("name", every_data_file())
def test_every_data_file_refuses_a_pasted_control_character_with_its_line_and_field(tmp_path, name):
    """In each real data file, a soft line break pasted into its first text value."""
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    match = re.search(r"^([ ]*(?:- )?)([a-z_]+): ([A-Z][a-z]+)", text, re.M)
    assert match, f"data/{name} has no text value to try"
    broken = text[: match.end(3)] + "\x0b" + text[match.end(3) :]
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        DATA_LOADERS[name](path, f"data/{name}")
    line = text[: match.start()].count("\n") + 1
    (problem,) = caught.value.problems
    assert problem.file == f"data/{name}" and problem.line == line
    assert f"field '{match.group(2)}'" in problem.where
    assert "U+000B" in problem.message and "type a space" in problem.message


# --- numbers, periods, templates and icons ------------------------------------------------


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.Inf"])
def test_nan_and_infinity_are_refused_where_they_are_written(value):
    (message,) = page_messages(f"search: {{boost: {value}}}\n")
    assert message == (
        f"docs/x.md:7: field 'search', field 'boost': '{value}' is not a number the hub can use. "
        "Write an ordinary number, such as 1 or 2.5"
    )


@pytest.mark.parametrize("value", ['"nan"', "'inf'", "NaN"])
def test_a_search_boost_written_as_text_nan_is_refused_too(value):
    (message,) = page_messages(f"search:\n  boost: {value}\n")
    assert message.startswith("docs/x.md:8: field 'search', field 'boost':")


def test_a_huge_review_period_is_a_message_not_an_overflow():
    (message,) = page_messages(review_in="99999999999 days")
    assert message.startswith("docs/x.md:6: field 'review_in': '99999999999 days' is not a review period we can use")
    (message,) = page_messages(review_in="" + "9" * 5000 + " days")
    assert message.startswith("docs/x.md:6: field 'review_in': '99999")
    assert len(message) < 400


def test_ten_years_is_the_longest_review_period():
    assert page_messages(review_in="10 years") == []
    (message,) = page_messages(review_in="11 years")
    assert "at least every 10 years" in message


def test_a_misspelt_icon_is_refused_and_a_real_one_is_kept():
    (message,) = page_messages("icon: material/acount-group\n")
    assert message.startswith("docs/x.md:7: field 'icon': 'material/acount-group' is not an icon the theme has")
    assert page_messages("icon: material/account-group\n") == []
    (message,) = page_messages("icon: ../../../etc/passwd\n")
    assert "is not an icon the theme has" in message


# --- values in messages are cut -----------------------------------------------------------


def test_a_long_wrong_value_is_cut_in_the_message():
    for extra in ("render_macros: ", "search: {exclude: ", "subtitle: ["):
        long = extra + "y" * 100_000 + ("}" if "{" in extra else "]" if "[" in extra else "") + "\n"
        (message,) = page_messages(long)
        assert "more characters)" in message and len(message) < 1_000, message[:300]


def test_a_long_key_given_twice_is_cut_in_the_message():
    key = "k" * 1_000  # YAML allows a plain key of up to 1024 characters
    (message,) = data_messages(f"{key}: 1\n{key}: 2\n")
    assert message.startswith(f"data/x.yaml:2: the key '{'k' * 60}... (940 more characters)' appears twice")
    assert len(message) < 600
