"""Build the hub once and read its HTML as a reader's browser would receive it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def nav_pages() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            else:
                yield value

    return list(walk(config["nav"]))


def url_of(source: str) -> str:
    """roles/index.md -> roles/ ; roles/funding.md -> roles/funding/"""
    path = source.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def text_of(html: str) -> str:
    """The visible text of a page's article, whitespace collapsed."""
    article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    # Inline elements join their text to the words around them; block elements separate.
    text = re.sub(r"</?(?:abbr|a|strong|em|span|code|b|i|del|s)\b[^>]*>", "", article)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("&amp;", "&").replace("&nbsp;", " ").replace("&quot;", '"').replace("&#39;", "'")
    return re.sub(r"\s+", " ", text)


def test_the_strict_build_printed_no_warning(hub_site):
    assert "WARNING" not in hub_site.output
    assert "ERROR" not in hub_site.output


@pytest.mark.parametrize("source", nav_pages())
def test_every_nav_page_is_built_with_a_title_and_its_sources(hub_site, source):
    html = hub_site.read(url_of(source))
    assert re.search(r"<h1[^>]*>", html)
    assert '<html lang="en-GB"' in html
    if source not in ("glossary.md",) and not source.startswith("about/"):
        assert 'class="hub-source"' in html, f"{source} names no source"


FACTS = {
    "roles/": [
        "one of the five first contact practitioner (FCP) roles",
        "Additional Roles Reimbursement Scheme (ARRS)",
        "Frail and older adults",
        "People with mental health problems",
        "Working-age adults with problems at work",
        "frailty data",
        "act fast so they stay out of hospital",
        "technology",
        "judge how safe they are",
        "social prescribing",
        "vocational rehabilitation",
        "AHP Health and Work Report",
        "only where both the employer and the employee agree it is enough",
        "Since 1 July 2022, the law has allowed OTs to certify fit notes",
        "only within their scope of practice",
    ],
    "roles/first-contact-practitioner/": [
        "band 7",
        "At least 5 years' experience after qualifying",
        "at least 3 years' experience after registration",
        "The sources disagree",
        "We follow the roadmap FAQs",
        "does not need to see a GP first",
    ],
    "roles/funding/": [
        "April 2020",
        "April 2021",
        "£49,387",
        "£51,932",
        "£56,515",
        "2026/27",
        "Each PCN has an ARRS allocation",
        "There is a limit",
    ],
    "training/": [
        "a degree in occupational therapy",
        "says a BSc",
        "says a BSc or an MSc",
        "Health and Care Professions Council (HCPC)",
        "NHS England WT&E (formerly HEE)",
        "Stage 1",
        "Stage 2",
        "within 6 months",
        "45 to 60 credits",
        "12 to 18 months",
        "roadmap FAQs",
        "advanced practice",
    ],
    "supervision/": [
        "GP trainer or educational supervisor (ES)",
        "optional top-up video",
        "a GP",
        "a master's degree taken after registration",
        "(a pre-registration master's) does not count",
        "Musculoskeletal Association of Chartered Physiotherapists (MACP)",
        "who has completed stages 1 and 2 of the roadmap",
        "recognised by NHS England's Centre for Advancing Practice",
        "What changed",
        "Until 2024, most supervisors had to go on a 2-day roadmap supervisor course first",
        "a separate supervisor course is not needed",
        "within their own scope of practice",
        "FCP and advanced practice lead and 2 primary care supervision fellows",
        "In 2024, the Gloucestershire Primary Care Workforce Centre said",
        "glccg.pcwc@nhs.net",
    ],
    "recruitment/": ["up to 4 supporting documents", "no more than 1 MB", "essential", "desirable"],
    "case-studies/ayrshire-and-arran/": [
        "This case study is from Scotland",
        "do not use the English Additional Roles Reimbursement Scheme (ARRS)",
        "8 occupational therapists (OTs) work from 17 GP surgeries",
        "3 GP surgeries",
        "April 2022",
        "4 to 6 sessions",
        "1,209 referrals",
        "up 17%",
        "64%",
        "84% of patients did not need an onward referral",
        "100% of patients said they would use the OT service again",
        "96% of patients said the service was easy to access",
        "occupational performance",
    ],
    "events/": [
        "12:30",
        "13:00",
        "clinical directors",
        "practice nurses",
        "education leads",
        "genevieve.smyth@rcot.co.uk",
    ],
    "": ["GPs and clinical directors (CDs)", "practice and business managers (BMs)", "Drop-in sessions"],
}


@pytest.mark.parametrize("url", list(FACTS))
def test_each_fact_is_on_its_page(hub_site, url):
    text = text_of(hub_site.read(url))
    missing = [fact for fact in FACTS[url] if fact not in text]
    assert not missing, f"missing on /{url}: {missing}"


def test_abbreviations_render_as_abbr_with_their_expansion(hub_site):
    html = hub_site.read("roles/funding/")
    assert '<abbr title="Additional Roles Reimbursement Scheme">ARRS</abbr>' in html
    assert '<abbr title="primary care network">PCNs</abbr>' in hub_site.read("")
    assert (
        '<abbr title="Workforce, Training and Education directorate of NHS England">WT&amp;E</abbr>'
        in hub_site.read("training/")
    )


def test_the_glossary_page_lists_every_abbreviation(hub_site):
    glossary = yaml.safe_load((ROOT / "data/glossary.yaml").read_text())
    html = hub_site.read("glossary/")
    for term in glossary["terms"]:
        assert f'<th scope="row">{term["term"].replace("&", "&amp;")}' in html


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "img", "iframe", "video", "audio", "source", "embed") and attributes.get("src"):
            self.loaded.append(attributes["src"])
        if tag == "link" and attributes.get("rel") not in ("canonical", "alternate") and attributes.get("href"):
            self.loaded.append(attributes["href"])


def test_no_page_loads_anything_from_another_host(hub_site):
    offenders = []
    for page in hub_site.site_dir.rglob("*.html"):
        parser = _References()
        parser.feed(page.read_text(encoding="utf-8"))
        offenders += [f"{page.relative_to(hub_site.site_dir)}: {ref}" for ref in parser.loaded if urlparse(ref).netloc]
    assert not offenders


def test_the_footer_gives_contact_and_statutory_pages(hub_site):
    html = hub_site.read("roles/")
    footer = html.split('<footer class="md-footer">', 1)[1]
    assert "mailto:glccg.pcwc@nhs.net" in footer
    assert "Accessibility statement" in footer and "Privacy" in footer


def test_each_content_page_offers_an_edit_link(hub_site):
    html = hub_site.read("supervision/")
    assert "edit/main/docs/supervision/index.md" in html
