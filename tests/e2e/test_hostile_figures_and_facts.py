"""Text from data/figures.yaml and the drop-in facts reaches pages through macros that write
into a page's Markdown: it must show as typed there too (`figure_range`, `figure_period`,
`drop_in_facts`), and a line break in a one-line field stops the build naming the field."""

from __future__ import annotations

import json

import pytest

from tests.helpers import PROJECT_ROOT, build_site, copy_project
from tests.hostile import hostile_text, html_files, parse_fragment, parse_html, payload_markup, search_entries, shown

pytestmark = pytest.mark.e2e

FIGURES = (PROJECT_ROOT / "data" / "figures.yaml").read_text(encoding="utf-8")
EVENTS = (PROJECT_ROOT / "data" / "events.yaml").read_text(encoding="utf-8")
JOB = (PROJECT_ROOT / "data" / "job_description.yaml").read_text(encoding="utf-8")
NOTE = "    location_note: The source does not say whether sessions are online or in person.\n"

UNIT = hostile_text("HF-UNIT", one_line=True)
PERIOD = hostile_text("HF-PERIOD", one_line=True)
LABEL = hostile_text("HF-LABEL", one_line=True)
VENUE = hostile_text("HF-VENUE", one_line=True)


def changed(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON is YAML: the text arrives exactly


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    figures = changed(FIGURES, "    unit: a year\n", f"    unit: {quoted(UNIT)}\n")
    figures = changed(figures, "    period: 2026/27\n", f"    period: {quoted(PERIOD)}\n")
    figures = changed(figures, "      - label: Entry\n", f"      - label: {quoted(LABEL)}\n")
    # The job description takes the band 7 range and pay year from the figures: nothing to change there.
    job = JOB
    events = changed(EVENTS, NOTE, f"    venue:\n      name: {quoted(VENUE)}\n      address: 1 High Street\n")
    root = copy_project(
        tmp_path_factory.mktemp("hostile-figures") / "project",
        {"data/figures.yaml": figures, "data/events.yaml": events, "data/job_description.yaml": job},
    )
    built = build_site(root, tmp_path_factory.mktemp("hostile-figures-site") / "site")
    assert built.returncode == 0, built.output[-3000:]
    return built


def test_no_page_holds_markup_the_figures_or_the_facts_made(site):
    for path in html_files(site.site_dir):
        assert not payload_markup(parse_html(path)), path


@pytest.mark.parametrize(
    ("page", "texts"),
    [
        ("recruitment/hiring-an-ot/", [LABEL, PERIOD]),  # the worked cost names the point and the year
        ("roles/funding/", [LABEL, PERIOD]),
        ("events/", [VENUE]),  # the drop-in page's opening, from drop_in_facts().where_sentence
    ],
)
def test_the_text_shows_as_typed(site, page, texts):
    text = shown(parse_html(site.site_dir / page / "index.html").text_content())
    for typed in texts:
        assert shown(typed) in text, typed[:40]


def test_the_search_index_holds_the_text_as_text(site):
    for entry in search_entries(site.site_dir):
        assert not payload_markup(parse_fragment(entry.get("text", ""))), entry["location"]


def test_a_line_break_in_a_figures_title_stops_the_build_naming_file_and_field(tmp_path):
    figures = changed(FIGURES, "    title: Agenda for Change", "    title: |\n      Agenda\n      for Change")
    root = copy_project(tmp_path / "project", {"data/figures.yaml": figures})
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert "data/figures.yaml:" in built.output and "field 'title': this text runs over more than one line" in (
        built.output
    ), built.output[-2000:]
