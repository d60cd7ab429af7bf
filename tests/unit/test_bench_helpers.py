"""The benchmark script's pure helpers: synthetic content, the plain-Material config, the
report. (The benchmark itself is `make bench`, never a test: no timing is asserted here.)"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ElementTree

import pytest
import yaml

from benchmarks.__main__ import session_links_in_nav
from benchmarks.measure import extra_imports, parse_importtime
from benchmarks.projects import Tagged, plain_config, read_config, write_config
from benchmarks.report import RESULTS_END, RESULTS_START, plot_svg, replace_results, targets
from benchmarks.synthetic import synthetic_events_yaml, synthetic_nav, synthetic_pages


@pytest.mark.parametrize("count", [1, 25, 26, 1000])
def test_synthetic_pages_come_in_sections_each_opened_by_an_index(count):
    pages = synthetic_pages(count, per_section=25)
    assert len(pages) == count
    assert len({page.path for page in pages}) == count
    folders = {posixpath.dirname(page.path) for page in pages}
    assert len(folders) == -(-count // 25)
    for folder in folders:
        assert f"{folder}/index.md" in {page.path for page in pages}


def test_synthetic_pages_have_front_matter_and_link_only_to_pages_that_exist():
    pages = synthetic_pages(60, per_section=25)
    paths = {page.path for page in pages}
    for page in pages:
        front, body = page.text.removeprefix("---\n").split("\n---\n", 1)
        meta = yaml.safe_load(front)
        assert meta["title"] == page.title
        assert body.lstrip().startswith(f"# {page.title}")
        for target in re.findall(r"\]\(([^)]+\.md)\)", body):
            assert posixpath.join(posixpath.dirname(page.path), target) in paths
    # Some pages run macros, as the hub's data-driven pages do; most do not.
    with_macros = [page for page in pages if "render_macros: true" in page.text]
    assert 0 < len(with_macros) < len(pages) / 5


def test_the_synthetic_nav_lists_every_page_once_in_sections():
    pages = synthetic_pages(60, per_section=25)
    nav = synthetic_nav(pages, per_section=25)
    sections = nav["Library"]
    assert [len(next(iter(section.values()))) for section in sections] == [25, 25, 10]
    listed = [path for section in sections for path in next(iter(section.values()))]
    assert listed == [page.path for page in pages]


def test_the_plain_config_drops_our_hooks_and_macros_and_keeps_everything_else(tmp_path):
    source = tmp_path / "mkdocs.yml"
    source.write_text(
        "site_name: &name Hub\n"
        "extra:\n  title: *name\n"
        "hooks: [hooks/generated_files.py]\n"
        "watch: [data]\n"
        "plugins:\n  - search:\n      lang: en\n  - macros:\n      module_name: macros\n  - tags\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "copyright: !ENV [COPY, none]\n",
        encoding="utf-8",
    )
    config = read_config(source)
    plain = plain_config(config)
    assert "hooks" not in plain and "watch" not in plain
    assert plain["plugins"] == [{"search": {"lang": "en"}}, "tags"]
    assert plain["extra"] == {"title": "Hub"}
    # Tags MkDocs understands survive the round trip.
    write_config(plain, tmp_path / "plain.yml")
    text = (tmp_path / "plain.yml").read_text(encoding="utf-8")
    assert "!!python/name:material.extensions.emoji.twemoji" in text
    assert "!ENV" in text
    again = read_config(tmp_path / "plain.yml")
    assert again["copyright"] == Tagged("!ENV", ["COPY", "none"])


def test_session_links_are_counted_in_the_navigation_only(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        '<a href="events/rcot-drop-in/2023-09-21/" class="md-nav__link">A session</a>'
        '<a href="events/" class="md-nav__link md-nav__link--active">Drop-ins</a>'
        '<a href="events/rcot-drop-in/2023-10-19/">Next drop-in (a panel, not the nav)</a>',
        encoding="utf-8",
    )
    assert session_links_in_nav(page) == 1


def test_importtime_output_is_read_and_our_extra_imports_grouped():
    ours = parse_importtime(
        "import time: self [us] | cumulative | imported package\n"
        "import time:       150 |        150 |   yaml\n"
        "import time:      2000 |       2500 |     pydantic_core.core_schema\n"
        "import time:       500 |       3000 |   pydantic_core\n"
        "import time:      1000 |       1000 | macros.events.models\n"
    )
    assert ours["pydantic_core.core_schema"] == pytest.approx(0.002)
    groups = extra_imports(ours, {"yaml": 0.0001})
    assert list(groups) == ["pydantic_core", "macros"]
    assert groups["pydantic_core"] == pytest.approx(0.0025)


def _timing(*seconds):
    return {"seconds": list(seconds), "cpu_seconds": list(seconds), "peak_mib": [50.0]}


def test_targets_are_judged_on_the_medians():
    results = {
        "hub": {"ours": _timing(1.1, 1.0, 9.0), "plain": _timing(1.0, 1.0, 1.0), "pages": 15},
        "sessions": [
            {"sessions": 2500, "ours": _timing(10.0), "session_links_in_nav": 0},  # ours only
            {"sessions": 5000, "ours": _timing(22.0), "plain": _timing(19.0), "session_links_in_nav": 0},
        ],
        "events_pipeline": [
            {"sessions": 5000, "pages": 5000, "calendars": 5021, "timing": {"seconds": [1.5, 1.9, 2.5]}}
        ],
        "serve": {"seconds": [0.8, 2.1]},
    }
    verdicts = {name: ok for name, _, ok in targets(results)}
    assert verdicts["Hub build ≤ 1.15 × plain Material (documents from the cache)"] is True  # median 1.1
    assert verdicts["Build time 2,500 → 5,000 sessions ≤ 2.1 ×"] is False  # 2.2x
    assert verdicts["Events pipeline for 5,000 sessions < 2 s"] is True  # median 1.9
    assert verdicts["Session pages stay out of the nav"] is True
    assert verdicts["Serve: a page edit served again within 2 s"] is False  # the slowest counts


def test_the_results_replace_only_their_own_part_of_the_document():
    document = f"# Benchmarks\n\nWhat we changed.\n\n{RESULTS_START}\nold\n{RESULTS_END}\n\n## Notes\n\nKept.\n"
    updated = replace_results(document, f"{RESULTS_START}\nnew\n{RESULTS_END}\n")
    assert "What we changed." in updated and "Kept." in updated
    assert "new" in updated and "old" not in updated
    assert replace_results("# Benchmarks\n", "X\n") == "# Benchmarks\n\nX\n"


def test_the_plot_is_well_formed_svg_with_a_line_per_build():
    results = {
        "pages": [{"pages": n, "ours": _timing(n / 100), "plain": _timing(n / 110)} for n in (100, 500, 1000)],
        "sessions": [{"sessions": n, "ours": _timing(n / 500), "plain": _timing(n / 550)} for n in (100, 5000)],
    }
    results["sessions"].insert(1, {"sessions": 2500, "ours": _timing(5.0)})  # plain not built there
    svg = ElementTree.fromstring(plot_svg(results))
    namespace = "{http://www.w3.org/2000/svg}"
    assert svg.find(f"{namespace}title") is not None
    lines = svg.findall(f"{namespace}polyline")
    assert len(lines) == 4  # ours and plain in each of two panels
    assert [len(line.get("points").split()) for line in lines] == [3, 3, 2, 3]  # plain, ours; plain, ours


@pytest.mark.parametrize("count", [1, 250, 251, 1200])
def test_synthetic_sessions_are_valid_events_data_with_past_and_upcoming_sessions(tmp_path, count):
    from datetime import UTC, datetime

    from macros.core.datafiles import load_data_file
    from macros.events.models import EventsFile
    from macros.events.occurrences import occurrences, split_upcoming_past

    path = tmp_path / "events.yaml"
    path.write_text(synthetic_events_yaml(count), encoding="utf-8")
    events = load_data_file(path, EventsFile, "data/events.yaml")  # raises if anything is invalid
    sessions = occurrences(events)
    assert len(sessions) == count
    assert len(events.series) == -(-count // 250)
    if count >= 250:
        statuses = {o.status for o in sessions}
        assert statuses == {"scheduled", "cancelled", "moved"}
        upcoming, past = split_upcoming_past(sessions, datetime(2026, 11, 21, 12, tzinfo=UTC))
        assert upcoming and past


def test_a_synthetic_events_file_needs_a_session():
    with pytest.raises(ValueError):
        synthetic_events_yaml(0)


def test_a_partial_run_replaces_only_its_parts_and_says_so():
    from benchmarks.__main__ import combine

    previous = {"date": "06:10", "hub": "old hub", "sessions": "old sessions", "serve": "old serve"}
    new = {"date": "06:45", "hub": "new hub", "serve": "new serve", "load_note": "quiet"}
    combined = combine(previous, new, ("hub", "serve"))
    assert combined["hub"] == "new hub" and combined["serve"] == "new serve"
    assert combined["sessions"] == "old sessions" and combined["date"] == "06:10"
    assert combined["remeasured"] == {
        "parts": ["hub", "serve"],
        "date": "06:45",
        "earlier_date": "06:10",
        "load_note": "quiet",
    }
    # A second partial run still names the first full run's date.
    again = combine(combined, {"date": "06:50", "hub": "newer"}, ("hub",))
    assert again["remeasured"]["earlier_date"] == "06:10"
