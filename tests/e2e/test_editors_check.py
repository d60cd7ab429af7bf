"""`make check` (python -m macros.editorial.check): on the hub, and on a copy with one mistake of each kind."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers import HUB_BUILD_EPOCH, copy_project, run_module

# The day this content was last checked against its sources (7 December 2026, noon UTC).
TODAY_EPOCH = int(datetime(2026, 12, 7, 12, 0, tzinfo=UTC).timestamp())

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]

# Another concern's data file, registered the way every concern registers its own.
SESSIONS_LOADER = """

from datetime import date as _date

from macros.core import datafiles

from pydantic import BaseModel as _BaseModel, ConfigDict as _ConfigDict


class _Session(_BaseModel):
    model_config = _ConfigDict(extra="forbid")
    id: str
    date: _date


class _Sessions(_BaseModel):
    model_config = _ConfigDict(extra="forbid")
    sessions: list[_Session]


datafiles.register_loader("sessions.yaml", lambda path, shown: datafiles.load_data_file(path, _Sessions, shown))
"""

SESSIONS = """sessions:
  - id: march
    date: 2026-03-29
  - id: april
    date: 2026-04-31
"""


def page(owner="owner: Hub (hub@nhs.net)\n", last="last_reviewed: 2026-11-01", extra="", body=""):
    return f"---\ntitle: Fixture\ndescription: A fixture page.\n{owner}{last}\nreview_in: 12 months\n{extra}---\n\n# Fixture\n\n{body}"


PAGES = {
    "docs/fixture/no-owner.md": page(owner=""),
    "docs/fixture/bad-date.md": page(last="last_reviewed: 2026-13-01"),
    "docs/fixture/future.md": page(last="last_reviewed: 2099-01-01"),
    "docs/fixture/typo-key.md": page(extra="sorces: []\n"),
    "docs/fixture/overdue.md": page(last="last_reviewed: 2025-10-01"),
    "docs/fixture/due-soon.md": page(last="last_reviewed: 2025-12-10"),
    "docs/fixture/links.md": page(
        body="Text.\n\nSee [the role](../roles/nope.md).\n\nSee [funding](../roles/funding.md#no-such-heading).\n"
    ),
    "docs/fixture/not-in-menu.md": page(),
    "data/sessions.yaml": SESSIONS,
    "data/sesions.yaml": SESSIONS,
}
IN_NAV = [path for path in PAGES if path.startswith("docs/") and "not-in-menu" not in path]


def run_check(root: Path, *args: str, overdue: str | None = None, epoch: int = HUB_BUILD_EPOCH):
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    env.pop("HUB_OVERDUE_PAGES", None)
    if overdue:
        env["HUB_OVERDUE_PAGES"] = overdue
    return run_module("macros.editorial.check", *args, cwd=root, env=env, timeout=600)


@pytest.fixture(scope="module")
def fixture_tree(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("editors-check") / "project", PAGES)
    init = root / "macros" / "__init__.py"
    init.write_text(init.read_text() + SESSIONS_LOADER)
    config = root / "mkdocs.yml"
    nav = "".join(f"      - {path.removeprefix('docs/')}\n" for path in IN_NAV)
    config.write_text(config.read_text().replace("\nnav:\n", f"\nnav:\n  - Fixture:\n{nav}", 1))
    return root


@pytest.mark.parametrize("epoch", [HUB_BUILD_EPOCH, TODAY_EPOCH])
def test_the_hub_passes_the_check_printing_nothing(epoch):
    """Issue 30: `make check` prints only what an editor must act on. On the content as it
    stands (the 2026/27 figures current, the pension share "not confirmed for 2026/27", which is
    no warning; the job description's formal text exempt from the reading floor) that is nothing:
    so on the days the figures are current (TODAY_EPOCH is the day they were checked) there is
    no figure warning either."""
    result = run_check(ROOT, epoch=epoch)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_page_reviewed_before_a_source_was_checked_is_refused_by_check_and_build(tmp_path):
    from tests.helpers import build_site

    text = (ROOT / "docs/roles/funding.md").read_text(encoding="utf-8")
    text = text.replace("last_reviewed: 2026-12-07", "last_reviewed: 2026-11-20", 1)
    lines = text.splitlines()
    review_line = lines.index("last_reviewed: 2026-11-20") + 1
    checked_line = lines.index("    checked: 2026-12-07") + 1
    title = lines[checked_line - 5].removeprefix("  - title: ")
    root = copy_project(tmp_path / "project", {"docs/roles/funding.md": text})
    expected = (
        f"docs/roles/funding.md:{review_line}: field 'last_reviewed': the page was last reviewed on 2026-11-20, "
        f"before its source '{title}' was checked on 2026-12-07 (line {checked_line}). A checked date means "
        "someone read the source that day and found the page still agrees with it, so the page cannot have been "
        "reviewed earlier. Read the whole page against its sources and set last_reviewed to 2026-12-07 or later; "
        "or, if no one read that source on 2026-12-07, remove its 'checked:' line"
    )
    result = run_check(root, "--no-build")
    assert result.returncode == 1
    assert expected.replace(f":{review_line}: ", f":{review_line}: error: ") in result.stdout.splitlines(), (
        result.stdout
    )
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0 and expected in built.output, built.output[-3000:]


def test_one_line_for_each_mistake_with_file_and_line(fixture_tree):
    result = run_check(fixture_tree, overdue="error")
    assert result.returncode == 1, result.stdout + result.stderr
    # On the hub's build date (2026-11-21) the 2026/27 figures are current: no figure warnings.
    lines = result.stdout.strip().splitlines()
    expected_starts = [
        "data/sesions.yaml:1: error: no part of the hub reads this file, so nothing in it would appear on the site. "
        "If you meant data/sessions.yaml, rename the file.",
        "data/sessions.yaml:5: error: session 2 (id 'april'), field 'date': '2026-04-31' is not a real date.",
        "docs/fixture/bad-date.md:5: error: field 'last_reviewed': '2026-13-01' is not a real date.",
        "docs/fixture/future.md:5: error: field 'last_reviewed': 2099-01-01 is in the future.",
        "docs/fixture/links.md:13: error: the link '../roles/nope.md' goes to a page that does not exist (docs/roles/nope.md).",
        "docs/fixture/links.md:15: error: the link '../roles/funding.md#no-such-heading' goes to a heading "
        "'#no-such-heading' that docs/roles/funding.md does not have.",
        "docs/fixture/no-owner.md:1: error: the page has no 'owner'. Add 'owner:'",
        "docs/fixture/not-in-menu.md:1: error: this page is not in the site's menu, so readers cannot find it.",
        "docs/fixture/overdue.md:5: error: 'Fixture' was due for review on 1 October 2026 (51 days ago; owner: Hub (hub@nhs.net)).",
        "docs/fixture/typo-key.md:7: error: 'sorces' is not a front matter key we know. Did you mean 'sources'?",
        "docs/fixture/due-soon.md:5: due soon: 'Fixture' is due for review on 10 December 2026 (in 19 days; owner: Hub (hub@nhs.net))",
    ]
    for start in expected_starts:
        matching = [line for line in lines if line.startswith(start)]
        assert len(matching) == 1, f"expected one line starting {start!r} in:\n{result.stdout}"
    assert len(lines) == len(expected_starts) + 1, result.stdout  # and the summary
    assert lines[-1].startswith("10 errors, 0 warnings, 1 page due for review within 30 days.")


def test_overdue_pages_are_warnings_in_a_pull_request(tmp_path):
    root = copy_project(tmp_path / "project", {"docs/resources.md": (ROOT / "docs/resources.md").read_text()})
    late = 1795262400 + 200 * 86400  # 9 June 2027: the 6-month resources page is overdue
    warned = run_check(root, "--no-build", overdue="warning", epoch=late)
    assert warned.returncode == 0, warned.stdout
    assert "docs/resources.md:5: warning: 'Resources' was due for review on 21 May 2027" in warned.stdout
    failed = run_check(root, "--no-build", "--issue-body", str(tmp_path / "issue.md"), overdue="error", epoch=late)
    assert failed.returncode == 1
    assert "docs/resources.md:5: error: 'Resources' was due for review on 21 May 2027" in failed.stdout
    body = (tmp_path / "issue.md").read_text()
    assert (
        "| [` Resources `](https://ot-primary-care.example.org/resources/) | ` Gloucestershire Primary Care Training Hub"
        in body
    )
    assert "edit/main/docs/resources.md" in body


def test_a_macro_typo_is_reported_at_its_line(tmp_path):
    text = (ROOT / "docs/glossary.md").read_text()
    line = text.splitlines().index("{{ glossary_terms_table() }}") + 1
    root = copy_project(
        tmp_path / "project", {"docs/glossary.md": text.replace("glossary_terms_table", "glossary_table_terms")}
    )
    result = run_check(root)
    assert result.returncode == 1
    (reported,) = [text for text in result.stdout.splitlines() if text.startswith("docs/glossary.md:")]
    assert reported.startswith(
        f"docs/glossary.md:{line}: error: there is no macro or value called 'glossary_table_terms' "
        "(check the spelling): the page may use drop_in_facts, "
    )


def test_new_page_scaffold_writes_front_matter_the_check_then_explains(tmp_path):
    root = copy_project(tmp_path / "project")
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(HUB_BUILD_EPOCH))
    made = run_module(
        "macros.editorial.new_page", "docs/roles/new-page.md", "Working with GPs: a guide", cwd=root, env=env
    )
    assert made.returncode == 0, made.stdout + made.stderr
    assert '- "Working with GPs: a guide": roles/new-page.md' in made.stdout
    text = (root / "docs/roles/new-page.md").read_text()
    assert 'title: "Working with GPs: a guide"' in text
    assert 'owner: "Gloucestershire Primary Care Training Hub (glccg.pcwc@nhs.net)"' in text
    assert "last_reviewed: 2026-11-21" in text
    result = run_check(root, "--no-build")
    problems = [line for line in result.stdout.splitlines() if line.startswith("docs/roles/new-page.md")]
    assert [p.split(": error: ")[1].split(" '")[0] for p in problems] == ["the page still has the example text"] * 4
    again = subprocess.run(
        [sys.executable, "-m", "macros.editorial.new_page", "docs/roles/new-page.md", "Again"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert again.returncode == 1 and "already exists" in again.stdout


# Issue 12: files an editor cannot see are wrong, at the line to change, in the build and the check.
def _latin_1(text: str) -> bytes:
    return text.replace("# Resources", "# Café resources", 1).encode("latin-1")


def test_a_generated_path_an_unreadable_page_and_a_bom_page_in_build_and_check(tmp_path):
    from tests.helpers import build_site

    hostile_title = "Resources\\n::error file=mkdocs.yml,line=1::injected"
    resources = (ROOT / "docs/resources.md").read_text(encoding="utf-8")
    root = copy_project(
        tmp_path / "project",
        {
            "docs/events/feeds/all.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
            "docs/events/rcot-drop-in/2023-10-19/index.md": page(),
            "docs/events/rcot-drop-in/2023-09-21/index.html": "<p>A hand-made page</p>",
            "docs/events/rcot-drop-in/2023-11-16.markdown": page(),
            "docs/roles/index.md": (ROOT / "docs/roles/index.md").read_text(encoding="utf-8"),
            "docs/glossary.md": (ROOT / "docs/glossary.md")
            .read_text(encoding="utf-8")
            .replace("title: Glossary", f'title: "{hostile_title}"', 1),
        },
    )
    (root / "docs/resources.md").write_bytes(_latin_1(resources))
    roles = root / "docs/roles/index.md"
    roles.write_bytes(b"\xef\xbb\xbf" + roles.read_bytes())
    generates = (
        "the events part of the hub (macros/events/macros.py) makes it from data/events.yaml, and it would "
        "replace this file without a word. Delete or rename this file; to change what is generated there, "
        "edit data/events.yaml"
    )
    all_ics = f"docs/events/feeds/all.ics:1: the build generates this path itself: {generates}"
    session, html_session, markdown_session = (
        f"docs/events/rcot-drop-in/{day}:1: the build generates events/rcot-drop-in/{day[:10]}.md, which lands "
        f"at the same address (events/rcot-drop-in/{day[:10]}/) as this file: {generates}"
        for day in ("2023-10-19/index.md", "2023-09-21/index.html", "2023-11-16.markdown")
    )
    # The build first refuses files docs/ may not hold at all (macros/core/docs_files.py, issue 28);
    # `make check` names both reasons for those, and the clash of the hand-made .md page.
    not_published = (
        "cannot be published from docs/: docs/ holds pages (.md), pictures (.png, .jpg, .webp, .gif, or a plain "
        ".svg) and documents (.pdf, .docx, .xlsx, .pptx, .odt, .txt, .csv). Scripts and styles belong to the "
        "maintainers, in overrides/assets/ (see CONTRIBUTING.md)"
    )
    refused = [
        f"docs/events/feeds/all.ics: a '.ics' file {not_published}",
        f"docs/events/rcot-drop-in/2023-09-21/index.html: a '.html' file {not_published}",
        f"docs/events/rcot-drop-in/2023-11-16.markdown: a '.markdown' file {not_published}",
    ]
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert all(line in built.output.splitlines() for line in refused), built.output
    assert "Traceback" not in built.output

    result = run_check(root, "--no-build")
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    encoding_line = _latin_1(resources)[: _latin_1(resources).index("Café".encode("latin-1"))].count(b"\n") + 1
    assert (
        f"docs/resources.md:{encoding_line}: error: this file is not saved as UTF-8 (a character on this line "
        "cannot be read). Save it again with the encoding set to UTF-8 in your editor"
    ) in lines
    assert all_ics.replace(":1: ", ":1: error: ", 1) in lines
    assert session.replace(":1: ", ":1: error: ", 1) in lines
    assert html_session.replace(":1: ", ":1: error: ", 1) in lines
    assert markdown_session.replace(":1: ", ":1: error: ", 1) in lines
    assert all(line.replace(": a '", ":1: error: a '", 1) in lines for line in refused), result.stdout
    assert not [line for line in lines if line.startswith("docs/roles/index.md")], result.stdout  # the BOM page
    glossary = [line for line in lines if line.startswith("docs/glossary.md:2: error: field 'title': ")]
    assert len(glossary) == 1 and "Put it all on one line" in glossary[0], result.stdout
    assert "Traceback" not in result.stderr

    # In GitHub Actions: the only lines starting '::' are the check's own annotations, one a finding.
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(HUB_BUILD_EPOCH), GITHUB_ACTIONS="true")
    actions = run_module("macros.editorial.check", "--no-build", cwd=root, env=env, timeout=600)
    commands = [line for line in actions.stdout.splitlines() if line.startswith("::")]
    findings = [line for line in lines if re.match(r"^\S+:\d+: (error|warning|due soon): ", line)]
    assert len(commands) == len(findings), actions.stdout
    assert all(re.match(r"^::(error|warning|notice) file=[^:,]+,line=\d+::", line) for line in commands)
    assert not any("::error file=mkdocs.yml" in line for line in commands)


def test_an_unclosed_raw_block_is_reported_at_the_pages_line_in_build_and_check(tmp_path):
    from tests.helpers import build_site

    text = (ROOT / "docs/glossary.md").read_text(encoding="utf-8") + "\nSome text.\n\n{% raw %}\n{{ not closed\n"
    line = text.splitlines().index("{% raw %}") + 1
    root = copy_project(tmp_path / "project", {"docs/glossary.md": text})
    expected = f"docs/glossary.md:{line}: the macros on this page cannot be read (Missing end of raw directive)."
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0 and expected in built.output, built.output
    result = run_check(root)
    assert result.returncode == 1
    assert expected.replace(f":{line}: ", f":{line}: error: ") in result.stdout
    assert "mkdocs.yml:1" not in result.stdout, result.stdout


MENU_LINE = "      - ARRS funding: roles/funding.md"


@pytest.mark.parametrize(
    ("mistake", "old", "new", "expected"),
    [
        ("a menu entry indented one level too little", MENU_LINE, MENU_LINE[2:], "this line does not line up"),
        ("a menu entry without its dash", MENU_LINE, MENU_LINE.replace("- ", "  "), "a dash may be missing"),
        ("an unknown setting", "\nstrict: true\n", "\nstrict: true\nstirct: true\n", "no setting called 'stirct'"),
        ("a page the menu names that does not exist", MENU_LINE, MENU_LINE.replace("funding", "fundng"),
         "the menu (nav:) lists 'roles/fundng.md', but there is no page docs/roles/fundng.md"),
    ],
)  # fmt: skip
def test_a_mistake_in_mkdocs_yml_is_one_line_at_its_line_in_check_and_build(tmp_path, mistake, old, new, expected):
    from tests.helpers import build_site

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert old in config
    changed = config.replace(old, new, 1)
    line = next(n for n, (a, b) in enumerate(zip(config.splitlines(), changed.splitlines(), strict=False), 1) if a != b)
    root = copy_project(tmp_path / "project", {"mkdocs.yml": changed})
    result = run_check(root)
    assert result.returncode == 1
    errors = [text for text in result.stdout.splitlines() if ": error: " in text]
    assert errors == [f"mkdocs.yml:{line}: error: " + errors[0].split(": error: ", 1)[1]], result.stdout
    assert expected in errors[0] and "Traceback" not in result.stdout + result.stderr
    if "menu" in expected:  # the build itself names the line too
        built = build_site(root, tmp_path / "site")
        assert built.returncode != 0 and f"mkdocs.yml:{line}: {expected}" in built.output, built.output


def test_the_reminder_issue_lists_the_figures_due_to_be_checked(tmp_path):
    # 15 January 2027: band 7 pay and what ARRS pays back are due to be checked by 1 February.
    january = 1800014400
    body = tmp_path / "issue.md"
    result = run_check(ROOT, "--no-build", "--issue-body", str(body), epoch=january)
    assert "data/figures.yaml" in result.stdout and "2 figures to check within 30 days." in result.stdout
    text = body.read_text(encoding="utf-8")
    assert "These figures in `data/figures.yaml` are due to be checked." in text
    assert "| ` Agenda for Change band 7 pay in England ` | 1 February 2027 |" in text
    assert "| ` What ARRS pays back ` | 1 February 2027 |" in text
    on_the_day = tmp_path / "none.md"
    run_check(ROOT, "--no-build", "--issue-body", str(on_the_day), epoch=1796644800)  # 7 December 2026
    assert on_the_day.read_text(encoding="utf-8") == ""
