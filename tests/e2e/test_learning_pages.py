"""The learning tools in the built hub: the pathway page, the checker page, the supervision
page's list, the privacy page's storage key, and data errors stopping the build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from macros.learning.roadmap import STORAGE_KEY, load_roadmap
from macros.learning.supervisors import checker_rules, load_supervisors

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SUPERVISORS = load_supervisors(ROOT / "data/supervisors.yaml")
ROADMAP = load_roadmap(ROOT / "data/roadmap.yaml")


def route_list(html: str) -> str:
    match = re.search(r'<ul class="hub-routes">.*?</ul>', html, flags=re.S)
    assert match, "no route list on the page"
    return match.group(0)


def test_the_supervision_page_and_the_checker_show_the_same_list_from_the_data(hub_site):
    supervision = route_list(hub_site.read("supervision/"))
    checker = route_list(hub_site.read("supervision/checker/"))
    assert supervision == checker
    assert re.findall(r'<li id="route-([a-z0-9-]+)">', supervision) == [route.id for route in SUPERVISORS.routes]


def test_the_supervision_page_links_to_the_checker(hub_site):
    assert 'href="checker/"' in hub_site.read("supervision/")


def test_the_checker_embeds_the_rules_decide_follows(hub_site):
    html = hub_site.read("supervision/checker/")
    match = re.search(r"<script type=\"application/json\" data-hub-checker-rules>(.*?)</script>", html, flags=re.S)
    assert json.loads(match.group(1)) == checker_rules(SUPERVISORS)
    assert '<script src="../../assets/javascripts/supervisor-checker.js"></script>' in html


def test_the_checker_page_gives_the_workload_and_its_source(hub_site):
    html = hub_site.read("supervision/checker/")
    assert "2 workplace-based assessments a month" in html
    assert (
        'Source: <a href="https://cptraininghub.nhs.uk/first-contact-practitioner-fcp-supervisor-training/">'
        "Cambridgeshire and Peterborough Training Hub</a> (checked 7 December 2026)."
    ) in html
    assert "mailto:glccg.pcwc@nhs.net" in html


def test_the_pathway_has_every_step_in_the_table_of_contents_and_every_item(hub_site):
    html = hub_site.read("training/roadmap/")
    for number, step in enumerate(ROADMAP.steps, start=1):
        assert re.search(rf'<h2 id="{step.id}">Step {number}: ', html), step.id
        assert f'href="#{step.id}"' in html  # the table of contents
        for item in step.needs:
            assert f'id="tick-{item.id}"' in html
    assert f'data-storage-key="{STORAGE_KEY}"' in html
    assert '<script src="../../assets/javascripts/roadmap-progress.js"></script>' in html


def test_the_pathway_names_its_sources_per_step_and_says_who_signs(hub_site):
    html = hub_site.read("training/roadmap/")
    assert html.count('class="hub-step__sources"') == len(ROADMAP.steps)
    assert "You and your roadmap supervisor both sign the checklist." in html
    assert "Your supervisor and your education provider both approve the portfolio." in html
    assert "NHS England WT&amp;E (formerly HEE)" in html
    assert "(Source: University of Plymouth)" in html
    # Each step names its sources; those read on 7 December 2026 say so, and the ones nobody
    # read that day (or with no address) carry no checked date.
    assert html.count("(checked 7 December 2026)") >= len(ROADMAP.steps) - 1
    assert "checked 4 December 2026" not in html


def test_the_privacy_page_names_the_key_the_pathway_stores(hub_site):
    html = hub_site.read("about/privacy/")
    assert f"<code>{STORAGE_KEY}</code>" in html
    assert "local storage" in html


def test_the_checker_is_in_the_navigation_after_the_supervision_page(hub_site):
    html = hub_site.read("supervision/")
    nav = html.split("md-nav--primary", 1)[1]
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*"', nav)
    assert links[links.index("./") + 1] == "checker/"
    assert 'aria-label="Next: Can I be a roadmap supervisor?"' in html


@pytest.mark.parametrize(
    ("file", "find", "replace", "expected"),
    [
        (
            "data/supervisors.yaml",
            "        eligible: post-registration-masters\n",
            "        eligible: post-registration-master\n",
            "field 'eligible': 'post-registration-master' is not an id in 'routes'",
        ),
        (
            "data/roadmap.yaml",
            "        page: supervision/checker.md\n",
            "        page: supervision/checker\n",
            "link 1, field 'page': 'supervision/checker' is not a page of this site",
        ),
    ],
    ids=["supervisors", "roadmap"],
)
def test_a_mistake_in_a_data_file_stops_the_build_with_its_message(
    make_project, site_builder, tmp_path, file, find, replace, expected
):
    text = (ROOT / file).read_text(encoding="utf-8")
    assert find in text
    root = make_project({file: text.replace(find, replace)})
    site = site_builder(root, tmp_path / "site")
    assert site.returncode != 0
    assert re.search(rf"{re.escape(file)}:\d+: .*{re.escape(expected)}", site.output), site.output[-2000:]


@pytest.mark.parametrize(
    ("page", "sources"),
    [("training/roadmap.md", ROADMAP.sources), ("supervision/checker.md", SUPERVISORS.sources)],
    ids=["roadmap", "checker"],
)
def test_the_page_names_every_source_its_data_file_uses(page, sources):
    front_matter = yaml.safe_load((ROOT / "docs" / page).read_text(encoding="utf-8").split("---")[1])
    named = {(source["title"], source["publisher"]) for source in front_matter["sources"]}
    missing = [(source.title, source.publisher) for source in sources if (source.title, source.publisher) not in named]
    assert not missing, f"add these to the sources in docs/{page}: {missing}"
