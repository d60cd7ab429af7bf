"""What a change does to the site, in words (macros/editorial/site_changes.py): pages,
sessions, figures and downloads compared, on small hand-made sites and data."""

from __future__ import annotations

from macros.editorial.site_changes import (
    PagesChange,
    PageText,
    SiteChange,
    change_summary,
    compare_downloads,
    compare_figures,
    compare_pages,
    compare_sessions,
    figures_of,
    is_confirmed,
    page_text,
    sessions_of,
    site_downloads,
    site_pages,
)

PAGE = """<html><head><title>Funding - Hub</title></head><body><nav><p>Menu words.</p></nav>
<article class="md-content__inner md-typeset">
<a href="x" class="md-content__button md-icon">pencil</a>
<p class="hub-data-sources">Parts of this page come from a data file: <a>edit data/figures.yaml</a></p>
<h1 id="funding">How the role is funded<a class="headerlink" href="#funding">¶</a></h1>
<p>A network can fund an OT. The scheme pays &amp; reimburses it.</p>
<ul><li>First item.</li></ul>
<script>var x = "not words.";</script>
<p class="hub-back-to-top"><a href="#">Back to top</a></p>
</article></body></html>"""


def test_a_page_is_its_title_and_its_sentences_without_menus_scripts_or_edit_links():
    text = page_text(PAGE)
    assert text.title == "How the role is funded"
    assert text.sentences == ("A network can fund an OT.", "The scheme pays & reimburses it.", "First item.")


def test_pages_added_removed_and_sentences_changed():
    old = {"a/": PageText("A", ("One.", "Two.")), "gone/": PageText("Gone", ())}
    new = {"a/": PageText("A", ("One.", "Two changed.")), "new/": PageText("New", ("Hi.",))}
    change = compare_pages(old, new)
    assert change.added == [("new/", "New")]
    assert change.removed == [("gone/", "Gone")]
    (page,) = change.changed
    assert (page.address, page.removed, page.added) == ("a/", ("Two.",), ("Two changed.",))
    assert compare_pages(old, old) == PagesChange()


def test_site_pages_skip_redirect_pages(tmp_path):
    (tmp_path / "roles").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "roles" / "index.html").write_text(
        '<html><head><meta http-equiv="refresh" content="0; url=../x/"></head></html>', encoding="utf-8"
    )
    assert list(site_pages(tmp_path)) == [""]


def events(*sessions, **series_fields):
    return {"series": [{"id": "rcot", "title": "OT drop-in", "start": "12:30", "sessions": list(sessions),
                        **series_fields}]}  # fmt: skip


def test_sessions_added_moved_cancelled_and_confirmed_in_words():
    old = sessions_of(events({"date": "2026-12-10"}, {"date": "2027-01-14", "unconfirmed": "Room not booked"},
                             {"date": "2027-02-11"}))  # fmt: skip
    new = sessions_of(
        events(
            {"date": "2026-12-10", "status": "moved", "moved_to": {"date": "2026-12-17", "start": "13:00"}},
            {"date": "2027-01-14"},
            {"date": "2027-02-11", "status": "cancelled", "reason": "Strike"},
            {"date": "2027-03-11"},
        )
    )
    assert compare_sessions(old, new) == [
        "Added: OT drop-in, Thursday 11 March 2027 at 12:30.",
        "Moved: OT drop-in, Thursday 10 December 2026 at 12:30, now Thursday 17 December 2026 at 13:00.",
        "Confirmed: OT drop-in, Thursday 14 January 2027 at 12:30.",
        "Cancelled: OT drop-in, Thursday 11 February 2027 at 12:30.",
    ]
    assert compare_sessions(new, old)[0] == "Removed from the data: OT drop-in, Thursday 11 March 2027 at 12:30."
    assert compare_sessions(old, old) == []


def test_a_session_or_series_says_it_is_unconfirmed():
    assert is_confirmed({}, {})
    assert not is_confirmed({}, {"unconfirmed": "Room not booked"})
    assert not is_confirmed({"unconfirmed": "Speaker not booked"}, {})
    assert compare_sessions({}, sessions_of(events({"date": "2027-01-14"}, unconfirmed="Speaker not booked"))) == [
        "Added: OT drop-in, Thursday 14 January 2027 at 12:30 (not confirmed yet)."
    ]


def test_a_date_the_model_would_refuse_is_named_as_written():
    assert compare_sessions({}, sessions_of(events({"date": "2027-02-30"}))) == [
        "Added: OT drop-in, 2027-02-30 at 12:30."
    ]


def test_figures_old_and_new():
    def figures(amount, period="2025/26"):
        return {"figures": [{"id": "b7", "title": "Band 7", "period": period,
                             "values": [{"label": "Entry", "amount": amount}]}]}  # fmt: skip

    assert compare_figures(figures_of(figures(47810)), figures_of(figures(49000, "2026/27"))) == [
        "Changed: Band 7, Entry: £47,810 (2025/26), now £49,000 (2026/27)."
    ]
    assert compare_figures(figures_of(figures(1)), figures_of(figures(1))) == []
    assert compare_figures({}, figures_of(figures(5))) == ["Added: Band 7, Entry: £5 (2025/26)."]


def test_downloads_added_removed_and_changed(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for site in (old, new):
        site.mkdir()
        (site / "page.html").write_text("x", encoding="utf-8")
    (old / "jd.docx").write_bytes(b"one")
    (new / "jd.docx").write_bytes(b"two")
    (old / "old.pdf").write_bytes(b"x")
    (new / "feed.ics").write_bytes(b"x")
    assert compare_downloads(site_downloads(old), site_downloads(new)) == [
        "Added: feed.ics", "Removed: old.pdf", "Changed: jd.docx"]  # fmt: skip


def test_the_summary_reads_as_plain_markdown():
    pages = compare_pages({"a/": PageText("A", ("Old words.",))}, {"a/": PageText("A", ("New words.",))})
    text = change_summary(SiteChange("origin/main", pages, ["Added: X."], [], [], ["All checks passed."]))
    assert "# What this change does to the site (compared with origin/main)" in text
    assert "- Changed: A (a/)\n    - Old: “Old words.”\n    - New: “New words.”" in text
    assert "## Drop-in sessions\n- Added: X." in text
    assert "No figure changed." in text and "No download changed." in text
    assert "    All checks passed." in text


def test_a_long_change_shows_the_first_sentences_and_counts_the_rest():
    pages = compare_pages({"a/": PageText("A", ())}, {"a/": PageText("A", tuple(f"S{n}." for n in range(30)))})
    text = change_summary(SiteChange("b", pages, [], [], []), most_sentences=5)
    assert text.count("    - New:") == 5 and "and 25 more sentences" in text


def test_make_changes_reads_data_with_the_hubs_reader_so_an_alias_bomb_is_not_expanded(tmp_path):
    from macros.editorial.changes import plain_yaml

    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(8)
    )
    path = tmp_path / "events.yaml"
    path.write_text(bomb, encoding="utf-8")
    assert plain_yaml(path) is None  # refused (make check says why), never expanded
    path.write_text("series: []\n", encoding="utf-8")
    assert plain_yaml(path) == {"series": []}
    assert plain_yaml(tmp_path / "missing.yaml") is None
