"""The rules as they stand in late 2026, read from the built site as a GP or practice manager
would meet them: pages, the checker's answers, the search index and the downloads.

NHS England's notice (shared by training hubs) withdrew the 2-day supervisor course as a
requirement and the FCP digital badge; since then nobody is "an FCP recognised by NHS
England". No page, data file, download or checker answer may state the old rules as
current, and every source the hub cites shows when it was last checked.
"""

from __future__ import annotations

import html as html_entities
import json
import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers import run_module

ROOT = Path(__file__).resolve().parents[2]
DOCX = "recruitment/primary-care-ot-job-description.docx"
PDF = "recruitment/primary-care-ot-job-description.pdf"

# Sayings of the withdrawn rules, as a current instruction. A "What changed" note may say
# what the rule *was* ("Until 2024, ... had to go on a 2-day ..."), so the patterns are the
# old rules' own shapes, not the words "2-day" or "badge" alone.
WITHDRAWN = [
    r"needs? to (?:complete|do) the 2-day",
    r"Book the 2-day",
    r"You need to do the 2-day",
    r"recognised by the NHS England WT&(?:amp;)?E centre",
    r"FCP recognised by",
    r"awards a digital badge",
    r"patients can book straight in",
    r"pay bands 1 to 9",
    r"your question will reach the right person",
]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html_entities.unescape(re.sub(r"<[^>]+>", " ", html)))


def _every_page(site_dir: Path):
    for path in sorted(site_dir.rglob("*.html")):
        yield path.relative_to(site_dir).as_posix(), path.read_text(encoding="utf-8")


def test_no_page_states_a_withdrawn_rule(hub_site):
    found = [
        (page, pattern)
        for page, html in _every_page(hub_site.site_dir)
        for pattern in WITHDRAWN
        if re.search(pattern, html, re.I)
    ]
    assert not found


def test_no_data_file_or_search_entry_states_a_withdrawn_rule(hub_site):
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "data").glob("*.yaml"))}
    texts["search_index.json"] = (hub_site.site_dir / "search/search_index.json").read_text(encoding="utf-8")
    found = [(name, p) for name, text in texts.items() for p in WITHDRAWN if re.search(p, text, re.I)]
    assert not found


def test_the_downloads_state_the_current_person_specification(hub_site, tmp_path):
    import docx2txt

    docx = tmp_path / "job.docx"
    docx.write_bytes((hub_site.site_dir / DOCX).read_bytes())
    word = re.sub(r"\s+", " ", docx2txt.process(str(docx)))
    pdf = subprocess.run(
        ["pdftotext", str(hub_site.site_dir / PDF), "-"], capture_output=True, text=True, check=True
    ).stdout
    pdf = re.sub(r"\s+", " ", pdf)
    for text in (word, pdf):
        assert not [p for p in WITHDRAWN if re.search(p, text, re.I)]
        # The person specification and the hiring page agree: stage 1 before starting is
        # essential; the experience is what the advert asks for, 5 years (the roadmap FAQs)
        # desirable.
        assert "stage 1 of the roadmap verified before starting" in text
        assert "the experience since registration that the advert asks for" in text
        assert "At least 5 years' experience since registration" in text
        assert "A lot of experience since registration" not in text


def test_the_hiring_page_and_the_person_specification_agree(hub_site):
    hiring = _text(hub_site.read("recruitment/hiring-an-ot/"))
    job = _text(hub_site.read("recruitment/job-description/"))
    assert "stage 1 of the roadmap is verified before the OT starts" in hiring
    assert "stage 1 of the roadmap verified before starting" in job
    assert "at least 5 years' experience after qualifying" in hiring
    assert "Say in the advert what you expect" in hiring
    assert "the experience since registration that the advert asks for" in job
    assert "At least 5 years' experience since registration" in job


@pytest.mark.parametrize("url", ["supervision/", "training/"])
def test_the_supervision_and_training_pages_say_what_changed_and_where_from(hub_site, url):
    html = hub_site.read(url)
    assert re.search(r'<h2 id="what-changed">What changed', html)
    text = _text(html)
    assert "Until 2024" in text
    assert "haxbygrouptraining.co.uk/scheme/latest-news" in html


def test_where_sources_disagree_the_page_says_which_it_follows_and_why(hub_site):
    training = _text(hub_site.read("training/"))
    assert "Devon Training Hub says OTs employed through the Additional Roles Reimbursement Scheme" in training
    assert "We follow the roadmap FAQs, because NHS England sets the roadmap" in training
    fcp = _text(hub_site.read("roles/first-contact-practitioner/"))
    assert "We follow the roadmap FAQs, because NHS England sets the roadmap" in fcp


def test_a_source_shows_a_checked_date_only_when_it_has_an_address(hub_site):
    # A checked date is a promise that someone read the source that day: one with no address
    # cannot be read again, so it shows none and says how to find it instead.
    listed = checked = 0
    for page, html in _every_page(hub_site.site_dir):
        if 'class="hub-source"' not in html:
            continue
        aside = html.split('class="hub-source"', 1)[1].split("</aside>", 1)[0]
        for item in re.findall(r"<li>(.*?)</li>", aside, re.S):
            listed += 1
            dated = re.search(r"\(checked \d{1,2} [A-Z][a-z]+ \d{4}\)", item)
            checked += bool(dated)
            if "href=" not in item:
                assert not dated, (page, item)
                assert re.search(r"To find it|ask RCOT|case study", item), (page, item)
            assert "checked 4 December 2026" not in item, (page, item)
    assert listed > 50  # every content page and every session page names its sources
    assert checked > 20


def test_the_pages_list_gives_a_checked_date_only_to_sources_with_an_address(hub_site):
    pages = json.loads(hub_site.read("api/pages.json"))["pages"]
    sources = [source for page in pages for source in page["sources"]]
    assert sources and any("checked" in source for source in sources)
    for source in sources:
        if "checked" in source:
            assert source.get("url") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["checked"]), source
    for page in pages:
        latest = max((source["checked"] for source in page["sources"] if "checked" in source), default="")
        assert page["last_reviewed"] >= latest, page["path"]


def _check(epoch: int) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    return run_module("macros.editorial.check", "--no-build", cwd=ROOT, env=env, timeout=300)


def test_make_check_warns_about_each_source_not_checked_for_12_months():
    a_year_on = int(datetime(2027, 12, 9, 12, tzinfo=UTC).timestamp())
    stale = [line for line in _check(a_year_on).stdout.splitlines() if "more than 12 months ago" in line]
    assert stale
    assert any(line.startswith("data/supervisors.yaml:") for line in stale)
    assert any(line.startswith("docs/training/index.md:") for line in stale)
    for line in stale:
        assert re.match(r"^(data|docs)/\S+:\d+: warning: this source was last checked on \d", line), line
    today = int(datetime(2026, 12, 6, 12, tzinfo=UTC).timestamp())
    assert "more than 12 months ago" not in _check(today).stdout
