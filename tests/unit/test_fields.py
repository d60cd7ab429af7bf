"""The field rules every data file and page's front matter share (macros/core/fields.py).

Each rule is tested from both sides, as an editor meets it: what it keeps (exactly as the
editor typed it, or trimmed where the rule says so) and what it refuses, with the message
that says how to fix it.
"""

from __future__ import annotations

from datetime import date

import pytest

from macros.core.fields import (
    IdentifiedSource,
    Source,
    check_email,
    check_id,
    check_page_path,
    check_single_line,
    check_web_address,
    duplicate_id_problems,
    entries_by_id,
    unknown_id_message,
    unused_problems,
)

# --- ids ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["stage-1", "a", "2026", "fcp-stage-1-portfolio"])
def test_an_id_of_lower_case_words_and_single_dashes_is_kept(value):
    assert check_id(value) == value


@pytest.mark.parametrize("value", ["Stage-1", "stage--1", "-stage", "stage-", "stage 1", "stage_1", "", "stage-1\n"])
def test_an_id_with_capitals_double_dashes_spaces_or_edges_is_refused_with_an_example(value):
    with pytest.raises(ValueError) as refused:
        check_id(value)
    assert str(refused.value).startswith(f"{value!r} cannot be an id: use lower-case letters")
    assert "for example 'stage-1'" in str(refused.value)


@pytest.mark.parametrize("value", [1, None, ["stage-1"]])
def test_an_id_that_is_not_text_is_refused_not_crashed_on(value):
    with pytest.raises(ValueError, match="cannot be an id"):
        check_id(value)


def test_a_long_id_is_shown_by_its_start_and_its_length():
    value = "a" * 61
    with pytest.raises(ValueError) as refused:
        check_id(value)
    assert str(refused.value).startswith(f"the id '{'a' * 20}...' is 61 characters long; keep ids to 60 characters")


# --- web addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("https://www.rcot.co.uk/", "https://www.rcot.co.uk/"),
        ("  https://www.rcot.co.uk/page?a=1#x  ", "https://www.rcot.co.uk/page?a=1#x"),
        ("https://nhs.uk", "https://nhs.uk"),
    ],
)
def test_an_https_address_with_a_host_is_kept_trimmed(typed, kept):
    assert check_web_address(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "http://www.rcot.co.uk/",  # not https
        "www.rcot.co.uk",  # no scheme
        "https://localhost/",  # a host with no dot
        "https://./",  # only a dot
        "https://uk./",  # one name and a dot
        "https://.uk/",
        "https:///path",  # no host at all
        "javascript:alert(1)",
        "https://www.rcot.co.uk/a page",  # a space inside
        'https://www.rcot.co.uk/"onmouseover="x',
        "https://www.rcot.co.uk/<script>",
        "https://www.rcot.co.uk/\\x",
        "https://www.rcot.co.uk/`x`",
        "https://www.rcot.co.uk/\x07",
        "https://[abc.com/",  # a malformed host
        "",
        None,
        42,
    ],
)
def test_an_address_we_cannot_link_to_is_refused_with_how_to_copy_it(typed):
    with pytest.raises(ValueError) as refused:
        check_web_address(typed)
    message = str(refused.value)
    assert "is not a web address we can link to. Copy the full address from your browser" in message
    assert "it starts with https://" in message


# --- email addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("name@nhs.net", "name@nhs.net"),
        (" first.o'brien+ot@hub.nhs.uk ", "first.o'brien+ot@hub.nhs.uk"),
    ],
)
def test_a_full_email_address_is_kept_trimmed(typed, kept):
    assert check_email(typed) == kept


@pytest.mark.parametrize(
    "typed", ["mailto:name@nhs.net", "name@nhs", "name nhs.net", "name@nhs.n", "@nhs.net", "name@@nhs.net", None]
)
def test_a_partial_email_address_is_refused_with_an_example(typed):
    with pytest.raises(ValueError) as refused:
        check_email(typed)
    assert "is not an email address. Write it in full, for example name@nhs.net" in str(refused.value)


# --- how a refused value is quoted --------------------------------------------------------


def test_a_refused_value_is_quoted_in_full_up_to_200_characters():
    value = "x" * 198  # its quoted form, with the two quotes, is 200 characters
    with pytest.raises(ValueError) as refused:
        check_email(value)
    assert str(refused.value).startswith(f"'{value}' is not an email address")


def test_a_longer_value_is_cut_and_says_how_much_was_left_out():
    value = "x" * 199  # 201 characters quoted
    with pytest.raises(ValueError) as refused:
        check_email(value)
    assert str(refused.value).startswith(f"'{'x' * 199}... (1 more characters) is not an email address")


def test_a_value_that_is_not_text_is_quoted_as_it_reads():
    with pytest.raises(ValueError) as refused:
        check_email(12)
    assert str(refused.value).startswith("'12' is not an email address")


# --- one line of text -----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["Occupational therapy", "A title: with a colon", 7, None])
def test_one_line_of_text_is_kept_as_it_is(value):
    assert check_single_line(value) == value


@pytest.mark.parametrize("brk", ["\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029"])
def test_a_line_break_of_any_kind_is_refused_naming_where_the_text_starts(brk):
    with pytest.raises(ValueError) as refused:
        check_single_line(f"  First line{brk}second line")
    assert str(refused.value).startswith("this text runs over more than one line (it starts 'First line')")


def test_a_refused_title_is_named_by_its_first_40_characters():
    with pytest.raises(ValueError) as refused:
        check_single_line("y" * 50 + "\nmore")
    assert f"(it starts '{'y' * 40}')" in str(refused.value)


def test_a_tab_after_several_words_names_all_of_them():
    with pytest.raises(ValueError) as refused:
        check_single_line("Two words\tafter")
    assert str(refused.value).startswith("this text holds a tab (after 'Two words')")


def test_a_tab_is_refused_naming_the_text_before_it():
    with pytest.raises(ValueError) as refused:
        check_single_line("z" * 45 + "\tafter")
    assert str(refused.value).startswith(f"this text holds a tab (after '{'z' * 40}')")
    assert "Delete it and type a space" in str(refused.value)


# --- pages of this site -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["supervision/index.md", "index.md", "roles/first-contact.md", 3])
def test_a_page_written_as_its_file_under_docs_is_kept(value):
    assert check_page_path(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "supervision/index",  # not a Markdown file
        "supervision/index.html",
        "/supervision/index.md",
        "\\supervision\\index.md",
        "https://example.org/a.md",
        "c:/a.md",
        "../README.md",
        "roles/../../secret.md",
        "roles\\..\\..\\secret.md",
        "a page.md",
        'a"b.md',
    ],
)
def test_anything_but_a_page_of_this_site_is_refused_with_an_example(value):
    with pytest.raises(ValueError) as refused:
        check_page_path(value)
    assert str(refused.value).startswith(f"{value!r} is not a page of this site")
    assert "such as supervision/index.md" in str(refused.value)


def test_two_dots_inside_a_file_name_are_not_a_parent_folder():
    assert check_page_path("notes/v1..2.md") == "notes/v1..2.md"


# --- sources -----------------------------------------------------------------------------------


def test_a_source_says_when_it_was_last_checked_as_the_pages_show_it():
    source = Source(title="Roadmap", publisher="NHS England", url="https://example.org/", checked=date(2026, 12, 4))
    assert source.checked_wording == "checked 4 December 2026"
    assert source.note == ""


def test_a_source_nobody_has_checked_shows_no_checked_date():
    source = Source(title="Roadmap", publisher="NHS England", url="https://example.org/")
    assert source.checked is None
    assert source.checked_wording == ""


NO_ADDRESS_CHECKED = (
    "a source with no address (url) cannot carry a checked date, because no one can open it to check it "
    "again. Remove 'checked:', and say in 'note:' how to find the source, such as 'To find it, search for "
    "... on ...'"
)
NO_ADDRESS_NO_NOTE = (
    "this source has no address (url): say in 'note:' how a reader can find it, such as 'To find it, search "
    "for ... on ...', or add 'url:' with the document's own address"
)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"note": "To find it, search for OTnews on rcot.co.uk.", "checked": date(2026, 12, 4)}, NO_ADDRESS_CHECKED),
        ({}, NO_ADDRESS_NO_NOTE),
        ({"note": "   "}, NO_ADDRESS_NO_NOTE),
    ],
)
def test_a_source_with_no_address_has_no_checked_date_and_says_how_to_find_it(fields, message):
    with pytest.raises(ValueError) as raised:
        Source(title="OTnews", publisher="RCOT", **fields)
    assert [error["msg"] for error in raised.value.errors()] == [f"Value error, {message}"]


def test_a_source_with_no_address_and_a_way_to_find_it_is_fine():
    source = Source(title="OTnews", publisher="RCOT", note="To find it, search for OTnews on rcot.co.uk.")
    assert source.checked is None and source.checked_wording == ""


def test_a_source_refuses_a_field_it_does_not_know():
    with pytest.raises(ValueError, match="publsher"):
        Source(title="Roadmap", publsher="NHS England", checked=date(2026, 12, 4))


# --- entries named by id ----------------------------------------------------------------


def source(entry_id: str) -> IdentifiedSource:
    return IdentifiedSource(
        id=entry_id, title=entry_id.title(), publisher="P", url="https://example.org/", checked=date(2026, 1, 1)
    )


def test_entries_come_back_in_the_order_their_ids_are_given():
    entries = [source("a"), source("b"), source("c")]
    assert [e.id for e in entries_by_id(entries, ["c", "a"])] == ["c", "a"]


def test_a_repeated_id_is_reported_at_each_repeat_naming_the_first_entry():
    entries = [source("a"), source("b"), source("a"), source("b"), source("a")]
    assert duplicate_id_problems(entries, "sources") == [
        (
            ("sources", 2, "id"),
            "the id 'a' is already used by entry 1 of 'sources'; give this entry an id of its own",
        ),
        (
            ("sources", 3, "id"),
            "the id 'b' is already used by entry 2 of 'sources'; give this entry an id of its own",
        ),
        (
            ("sources", 4, "id"),
            "the id 'a' is already used by entry 1 of 'sources'; give this entry an id of its own",
        ),
    ]


def test_ids_used_once_each_are_no_problem():
    assert duplicate_id_problems([source("a"), source("b")], "sources") == []


def test_an_unknown_id_message_lists_the_known_ids_sorted():
    assert unknown_id_message("stage-9", ["stage-2", "stage-1"], "stages") == (
        "'stage-9' is not an id in 'stages'. Check its spelling; the ids there are: stage-1, stage-2"
    )


def test_an_unknown_id_in_an_empty_list_says_there_are_none_yet():
    assert unknown_id_message("x", [], "stages").endswith("the ids there are: (none yet)")


def test_an_entry_nothing_uses_is_reported_not_dropped():
    entries = [source("a"), source("b"), source("c")]
    assert unused_problems(entries, {"b"}, "sources", "page") == [
        (
            ("sources", 0, "id"),
            "'a' is not used by any page, so it would not appear on the site. Add its id to one of them, "
            "or delete this entry",
        ),
        (
            ("sources", 2, "id"),
            "'c' is not used by any page, so it would not appear on the site. Add its id to one of them, "
            "or delete this entry",
        ),
    ]
