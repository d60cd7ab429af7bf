"""Issue 13 end to end: each corrected fact on its page, the hiring page's questions and
links, the out-of-date note beside dated figures, and `make check`'s warnings."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from macros.figures.wording import figure_uses
from tests.helpers import AFTER_PAY_YEAR_EPOCH, HUB_BUILD_EPOCH, run_module

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
# The hub's build date (2026-11-21) and the day the figures were checked (2026-12-07) are
# inside the 2026/27 pay year; AFTER_PAY_YEAR_EPOCH (2027-06-01) is after it.
OUT_OF_DATE = "hub-figure-note--out-of-date"


def article(html: str) -> str:
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def text_of(html: str) -> str:
    text = re.sub(r"</?(?:abbr|a|strong|em|span|code|b|i)\b[^>]*>", "", article(html))
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("&amp;", "&").replace("&quot;", '"').replace("&#39;", "'").replace("&#x27;", "'")
    return re.sub(r"\s+", " ", text)


def url_of(src: str) -> str:
    """docs/recruitment/index.md -> recruitment/ ; docs/roles/funding.md -> roles/funding/"""
    path = src.removeprefix("docs/").removesuffix(".md")
    if path == "index":
        return ""
    if path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


# (page, what must be there, what must not be there any more)
CORRECTIONS = {
    "qualifications, roles": (
        "roles/",
        ["says a BSc", "says a BSc or an MSc"],
        ["a degree in occupational therapy (a BSc)"],
    ),
    "qualifications, training": ("training/", ["says a BSc", "a BSc or an MSc"], ["a degree (BSc)"]),
    "qualifications, roadmap step": ("training/roadmap/", ["a BSc, or an MSc"], ["A degree (BSc)"]),
    "drop-ins, home": (
        "",
        ["The organiser, Royal College of Occupational Therapists (RCOT), ran monthly drop-in sessions in 2023."],
        # The doubt is the 2023 sessions' own ("not confirmed"), not the series' (issue 22).
        ["runs a monthly online drop-in", "We do not know whether"],
    ),
    "drop-ins, events": (
        "events/",
        [
            "RCOT), ran monthly drop-in sessions in 2023.",
            "does not say whether sessions are online or in person",
        ],
        ["Short online sessions"],
    ),
    "drop-ins, resources": (
        "resources/",
        ["drop-in sessions for GP practice staff", "ran monthly drop-in sessions in 2023"],
        ["runs a monthly"],
    ),
    "roadmap order and sign-off": (
        "training/roadmap/",
        [
            "With stage 1 verified, you can start work in primary care",
            "You then complete stage 2 in that post",
            "You and your roadmap supervisor both sign the checklist",
            "Your supervisor and your education provider both approve the portfolio",
            "Roadmap FAQs (NHS England WT&E)",
        ],
        ["With both stages verified", "longer if you work part time", "45 to 60 credits at master's level (level 7)\n"],
    ),
    "roadmap, training page": (
        "training/",
        [
            "Stage 2: while in post",
            "signed and dated by the OT and their supervisor",
            "That is for the whole route, not for each stage",
        ],
        ["For each, you show a portfolio of evidence or pass a university course"],
    ),
    "ARRS": (
        "roles/funding/",
        [
            "Each PCN has an ARRS allocation",
            "employer on-costs",
            "There is a limit",
            "Network Contract Directed Enhanced Service (DES)",
        ],
        ["claims back their salary", "claim back the salary"],
    ),
    "ARRS, recruitment": ("recruitment/", ["up to a yearly limit"], ["claim back the salary"]),
    "supervision dated": (
        "supervision/",
        [
            "Until 2024, most supervisors had to go on a 2-day roadmap supervisor course first",
            "In 2024, the Gloucestershire Primary Care Workforce Centre said the training hub had an FCP and advanced practice lead",
        ],
        ["needs to complete the 2-day", "reach the right person"],
    ),
    "no superpowers video": ("resources/", [], ["a short video on the three areas"]),
    "case study": (
        "case-studies/ayrshire-and-arran/",
        [
            "These are the service's own figures",
            "first year, which began in April 2022",
            "the team reached the final in 2 categories",
        ],
        ["placing in the top 3 out of 126 nominations"],
    ),
    "job description": (
        "recruitment/job-description/",
        [
            "What did we add?",
            "the pay band and salary",
            'the "how assessed" column',
            "emergency referrals",
            "emergency problems",
        ],
        ["urgent referrals", "urgent problems"],
    ),
}


@pytest.mark.parametrize("name", list(CORRECTIONS))
def test_each_corrected_fact_is_on_its_page(hub_site, name):
    url, present, absent = CORRECTIONS[name]
    text = text_of(hub_site.read(url))
    assert not [fact for fact in present if fact not in text], f"missing on /{url}"
    assert not [wrong for wrong in absent if wrong in text], f"still on /{url}"


def test_the_roadmap_puts_experience_before_stage_1_and_stage_2_after_the_post_starts(hub_site):
    html = article(hub_site.read("training/roadmap/"))
    order = [
        html.index(f'id="{step}"') for step in ("before-you-start", "stage-1", "first-contact-practitioner", "stage-2")
    ]
    assert order == sorted(order)
    before = html[order[0] : order[1]]
    assert "at least 5 years" in before and "at least 3 years" in before
    assert "years" not in html[order[1] : order[3]].replace("12 to 18 months", "")
    assert "https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/roadmap-faqs" in html


def test_sources_give_a_document_address_or_how_to_find_it(hub_site):
    for url in ("roles/funding/", "training/", "training/roadmap/", "recruitment/hiring-an-ot/"):
        sources = hub_site.read(url).split('class="hub-source"', 1)[1].split("</aside>", 1)[0]
        items = re.findall(r"<li>(.*?)</li>", sources, re.S)
        assert items
        for item in items:
            assert "href=" in item or "To find it" in item or "ask RCOT" in item or "case study" in item, item
            assert 'href="https://www.hee.nhs.uk/"' not in item


HIRING_QUESTIONS = [
    "What to do first",
    "What will it cost a year?",
    "Can we employ an OT through ARRS?",
    "What should the job description say?",
    "What must the OT have done before the post starts?",
    "Who supervises the OT?",
    "What must the practice have in place?",
    "How do we get the OT started?",
    "How do we know it is working?",
]


def test_the_hiring_page_asks_its_questions_in_order(hub_site):
    html = hub_site.read("recruitment/hiring-an-ot/")
    headings = [
        re.sub(r"<[^>]+>|&para;|¶", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", article(html), re.S)
    ]
    assert [h for h in headings if h in HIRING_QUESTIONS] == HIRING_QUESTIONS
    text = text_of(html)
    for fact in (
        "Each PCN has an ARRS allocation",
        "Agenda for Change band 7",
        "£49,387 full time (2026/27)",
        "Total a year",
        "National Insurance",
        "Costs above that are not paid back",
        "the roadmap FAQs say stage 1 of the roadmap is verified before the OT starts",
        "Devon Training Hub says an OT employed through ARRS finishes stages 1 and 2 within 12 to 18 months",
        "Roadmap supervision",
        "Day-to-day clinical supervision",
        "It is in Scotland, so it is not funded through ARRS",
    ):
        assert fact in text, fact


def test_the_hiring_page_links_to_the_detail_and_is_linked_from_home_and_recruitment(hub_site):
    html = article(hub_site.read("recruitment/hiring-an-ot/"))
    for href in (
        "../../roles/funding/",
        "../job-description/",
        "../../training/",
        "../../supervision/checker/",
        "../../supervision/",
        "../../case-studies/ayrshire-and-arran/",
        "https://www.england.nhs.uk/gp/investment/gp-contract/",
    ):
        assert f'href="{href}"' in html, href
    assert 'href="recruitment/hiring-an-ot/"' in article(hub_site.read(""))
    assert 'href="hiring-an-ot/"' in article(hub_site.read("recruitment/"))
    assert "Hiring an OT, step by step" in hub_site.read("recruitment/").split("md-nav--primary", 1)[1]


def pages_showing_a_figure() -> list[str]:
    return sorted({use.file for use in figure_uses(ROOT / "docs")})


def test_the_hub_shows_pay_on_five_pages_all_read_from_the_figures_file():
    assert pages_showing_a_figure() == [
        "docs/recruitment/hiring-an-ot.md",
        "docs/recruitment/index.md",
        "docs/recruitment/job-description.md",
        "docs/roles/first-contact-practitioner.md",
        "docs/roles/funding.md",
    ]
    typed = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "docs").rglob("*.md")
        if re.search(r"£4\d,\d{3}|£5\d,\d{3}", path.read_text(encoding="utf-8"))
    ]
    assert typed == [], "pay typed into a page instead of read from data/figures.yaml"


@pytest.mark.parametrize("src", pages_showing_a_figure())
def test_after_the_period_every_page_with_the_figure_says_it_is_out_of_date(after_pay_year_site, src):
    html = after_pay_year_site.read(url_of(src))
    assert OUT_OF_DATE in html
    assert "These are the 2026/27 figures, which applied from 1 April 2026 to 31 March 2027" in text_of(html)
    assert "check the current ones with NHS Employers" in text_of(html)


def test_within_the_period_no_page_says_the_figure_is_out_of_date(hub_site):
    for src in pages_showing_a_figure():
        html = hub_site.read(url_of(src))
        assert "hub-figure-note" in html, src
        assert OUT_OF_DATE not in html, src
        assert "which apply from 1 April 2026 to 31 March 2027" in text_of(html), src
    assert not [p for p in hub_site.site_dir.rglob("*.html") if OUT_OF_DATE in p.read_text(encoding="utf-8")]


def test_the_pension_share_says_not_confirmed_for_2026_27_not_out_of_date(hub_site):
    text = text_of(hub_site.read("roles/funding/"))
    assert "14.38% of pensionable pay (2025/26, not confirmed for 2026/27)" in text
    assert (
        "Not confirmed for 2026/27: These are the 2025/26 figures, confirmed for 1 April 2025 to 31 March 2026." in text
    )
    assert "so the whole contribution is 23.78%" in text and "14.38 and 9.4 make 23.78" in text


def run_check(root: Path, epoch: int) -> subprocess.CompletedProcess:
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    env.pop("HUB_OVERDUE_PAGES", None)
    return run_module("macros.editorial.check", "--no-build", cwd=root, env=env, timeout=600)


def test_make_check_warns_once_on_each_out_of_date_figure_at_its_line_naming_its_pages():
    result = run_check(ROOT, AFTER_PAY_YEAR_EPOCH)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    data_line = next(
        number
        for number, text in enumerate((ROOT / "data/figures.yaml").read_text().splitlines(), 1)
        if text.strip().startswith("ends:")
    )
    pages = pages_showing_a_figure()
    pay = [line for line in lines if "warning: the 2026/27 figures for Agenda for Change band 7 pay" in line]
    assert len(pay) == 1, result.stdout
    assert pay[0].startswith(f"data/figures.yaml:{data_line}: warning: ")
    assert pay[0].endswith(f"until then they are marked out of date on {len(pages)} pages: {', '.join(pages)}")
    # The pages say so themselves; the check warns only where the editor acts, the data file.
    assert not any(line.startswith("docs/") and "out of date" in line for line in lines), result.stdout


def test_make_check_warns_on_a_hard_page_and_a_long_sentence(make_project):
    hard = (
        "---\ntitle: Funding\ndescription: Funding.\nowner: Hub (hub@nhs.net)\nlast_reviewed: 2026-11-01\n"
        "review_in: 12 months\n---\n# Funding\n\n"
        "Organisational considerations regarding multidisciplinary reimbursement necessitate comprehensive "
        "understanding of contractual specifications, particularly concerning administrative responsibilities, "
        "professional accountability and the interdependencies between commissioning organisations "
        "across every integrated care system in England.\n"
    )
    root = make_project({"docs/roles/funding.md": hard})
    result = run_check(root, HUB_BUILD_EPOCH)
    assert result.returncode == 0, result.stdout
    assert re.search(
        r"^docs/roles/funding\.md:1: warning: this page scores -?\d+(\.\d)? for Flesch reading ease, below the hub's floor of 60",
        result.stdout,
        re.M,
    ), result.stdout
    assert (
        'docs/roles/funding.md:10: warning: a sentence of 30 words ("Organisational considerations regarding'
        in result.stdout
    )


def test_the_glossary_explains_the_new_words(hub_site):
    html = hub_site.read("glossary/")
    for word in ("backfill", "capability", "frailty index", "social prescribing", "level 7"):
        assert f'<th scope="row">{word}</th>' in html, word
