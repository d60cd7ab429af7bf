"""The attacks of issue 28, tried as someone with a pull request would: each is refused in a
real strict build with one line at the page's own line (front matter counted), runs
nothing, and `make check` prints the same line. What the build accepts carries the one
policy and no script (checked again in Chromium by tests/browser/test_content_policy_browser.py).
"""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from macros.core.site_output import POLICY_META, site_problems
from tests.helpers import HUB_BUILD_EPOCH, PROJECT_ROOT, build_site, copy_project, run_module

pytestmark = pytest.mark.e2e

PAGE = "docs/resources.md"
RESOURCES = (PROJECT_ROOT / PAGE).read_text(encoding="utf-8")
ALLOWED = 'a page may only call one of the hub\'s macros, like {{ figure_range("afc-band-7-england") }}'
KNOWN = (
    "drop_in_facts, drop_in_feeds, drop_in_series, figure_cost, figure_note, figure_period, figure_range, "
    "figure_reimbursement, figure_table, glossary_terms_table, hub, job_description, job_description_downloads, job_description_form, "
    "next_drop_in, past_drop_ins, roadmap_pathway, roadmap_storage_key, supervision_workload, supervisor_checker, "
    "supervisor_routes_list, upcoming_drop_ins"
)


def with_lines(*added: str) -> tuple[str, int]:
    """resources.md with `added` appended, and the file line of the first added line."""
    assert "render_macros: true" in RESOURCES
    body = RESOURCES.rstrip("\n") + "\n\n" + "\n".join(added) + "\n"
    return body, RESOURCES.rstrip("\n").count("\n") + 3


def run_check(root):
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(HUB_BUILD_EPOCH), NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    return run_module("macros.editorial.check", cwd=root, env=env, timeout=600)


# (name, lines appended to resources.md, the message at the first appended line)
JINJA_ATTACKS = [
    (
        "keep-and-slice",  # issue 28 item 1: rebuild the hub's marks around the page's own script
        ['{% set m = figure_note("afc-band-7-england") %}{{ m[0:20] }}'],
        f"{{% assign %}} is not allowed in a page (no set, for, if, macro, include or block): write the text "
        f"itself, or {ALLOWED}",
    ),
    (
        "escaped-script",
        ['{{ "\\x3cscript>document.title=1\\x3c/script>" }}'],
        f"text or a number typed inside {{{{ }}}} is not allowed inside {{{{ }}}} in a page: {ALLOWED}",
    ),
    ("billion-times", ['{{ "a" * 1000000000 }}'], f"arithmetic is not allowed inside {{{{ }}}} in a page: {ALLOWED}"),
    (
        "nested-loops",
        ["{% for a in range(99999) %}{% for b in range(99999) %}x{% endfor %}{% endfor %}"],
        f"{{% for %}} is not allowed in a page (no set, for, if, macro, include or block): write the text "
        f"itself, or {ALLOWED}",
    ),
    ("deep-brackets", ["{{ " + "(" * 3000 + ")" * 3000 + " }}"], f"brackets are nested more than 20 deep: {ALLOWED}"),
    (
        "misspelt-macro",
        ["Intro line", '{{ figure_rnage("afc-band-7-england") }}'],
        None,  # at the second appended line: see the test
    ),
    (
        "reach-python",
        ["{{ cycler.__init__.__globals__.os.system('touch MARKER') }}"],
        f"there is no macro or value called 'cycler' (check the spelling): the page may use {KNOWN}",
    ),
    (
        "pretty-filter",  # mkdocs-macros' own filter writes raw HTML
        ["{{ hub.name | pretty }}"],
        f"a filter (|) is not allowed inside {{{{ }}}} in a page: {ALLOWED}",
    ),
]


@pytest.mark.parametrize(("name", "added", "message"), JINJA_ATTACKS, ids=[a[0] for a in JINJA_ATTACKS])
def test_page_jinja_beyond_the_hubs_macros_stops_the_build_with_one_line(tmp_path, name, added, message):
    marker = tmp_path / "ran"
    body, line = with_lines(*(text.replace("MARKER", str(marker)) for text in added))
    if message is None:
        line += 1
        message = f"there is no macro or value called 'figure_rnage' (check the spelling): the page may use {KNOWN}"
    started = time.monotonic()
    built = build_site(copy_project(tmp_path / "project", {PAGE: body}), tmp_path / "site")
    assert built.returncode != 0
    assert f"{PAGE}:{line}: {message}" in built.output.splitlines(), built.output[-2000:]
    assert "Traceback" not in built.output
    assert not marker.exists()
    assert time.monotonic() - started < 120  # bounded work: it stopped, it did not stall


def test_a_misspelt_figure_id_is_one_line_at_the_pages_line_in_the_build_and_make_check(tmp_path):
    body, line = with_lines('{{ figure_range("afc-band-7-englnd") }}')
    root = copy_project(tmp_path / "project", {PAGE: body})
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.output
    (reported,) = [text for text in built.output.splitlines() if text.startswith(f"{PAGE}:")]
    assert reported.startswith(f"{PAGE}:{line}: figure_range() stopped: ")
    checked = run_check(root)
    assert checked.returncode == 1
    assert reported.replace(f"{PAGE}:{line}: ", f"{PAGE}:{line}: error: ") in checked.stdout.splitlines()


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ("template: redirect.html", "'template: redirect.html' would replace this page's text with another page: "
         "delete the line (the ordinary page template is main.html)"),
        ("template: blog-post.html", "'template: blog-post.html' would replace this page's text with another page: "
         "delete the line (the ordinary page template is main.html)"),
    ],
)  # fmt: skip
def test_front_matter_cannot_replace_the_page(tmp_path, front_matter, message):
    body = RESOURCES.replace("---\n", "---\n" + front_matter + "\n", 1)
    built = build_site(copy_project(tmp_path / "project", {PAGE: body}), tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.output
    assert f"{PAGE}:2: {message}" in built.output.splitlines(), built.output[-2000:]


def test_files_that_could_run_under_docs_stop_the_build_and_make_check(tmp_path):
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>document.title=1</script></svg>\n'
    privacy = (PROJECT_ROOT / "docs/about/privacy.md").read_text(encoding="utf-8")
    root = copy_project(
        tmp_path / "project",
        {
            "docs/about/page.html": "<script>document.title=1</script>\n",
            "docs/assets/images/drawing.svg": svg,
            "docs/about/search.js": "onerror = 1\n",
            # Material reads its settings from the element with id __config: a page may not take it.
            "docs/about/privacy.md": privacy.rstrip("\n") + '\n\n<span id="__config">{}</span>\n',
        },
    )
    id_line = privacy.rstrip("\n").count("\n") + 3
    expected = [
        "docs/about/page.html: a '.html' file cannot be published from docs/",
        "docs/about/search.js: a '.js' file cannot be published from docs/",
        "docs/assets/images/drawing.svg: this SVG holds '<script', which can run script",
        f"docs/about/privacy.md:{id_line}: the id '__config' starts like the ids the site's own page parts use",
    ]
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.output
    for start in expected:
        assert any(text.startswith(start) for text in built.output.splitlines()), (start, built.output[-2000:])
    checked = run_check(root)
    assert checked.returncode == 1
    for start in expected:
        file, _, rest = start.partition(": ")
        assert any(text.startswith(f"{file}: error: {rest}") or text.startswith(f"{file}:1: error: {rest}")
                   for text in checked.stdout.splitlines()), (start, checked.stdout)  # fmt: skip


def test_a_line_of_150000_braces_is_refused_at_once(tmp_path):
    privacy = (PROJECT_ROOT / "docs/about/privacy.md").read_text(encoding="utf-8")
    line = privacy.rstrip("\n").count("\n") + 3
    root = copy_project(
        tmp_path / "project", {"docs/about/privacy.md": privacy.rstrip("\n") + "\n\n" + "{" * 150_000 + "\n"}
    )
    started = time.monotonic()
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert (
        f"docs/about/privacy.md:{line}: this line is 150,000 characters long: split it into lines of fewer than "
        "10,000 (a blank line between paragraphs)"
    ) in built.output.splitlines()
    assert time.monotonic() - started < 120


def test_every_built_page_carries_the_one_policy_even_one_that_names_it(tmp_path):
    sentence = 'The words http-equiv="Content-Security-Policy" appear in this sentence.'
    privacy = (PROJECT_ROOT / "docs/about/privacy.md").read_text(encoding="utf-8")
    root = copy_project(tmp_path / "project", {"docs/about/privacy.md": privacy + "\n" + sentence + "\n"})
    built = build_site(root, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert site_problems(built.site_dir) == []
    pages = sorted(built.site_dir.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count(POLICY_META) == 1, page
    assert "Content-Security-Policy" in built.read("about/privacy/").split(POLICY_META, 1)[1]  # the sentence


@pytest.mark.parametrize("base", ["$(touch MARKER)", "`touch MARKER`", 'x"; touch MARKER; "', "--output=MARKER"])
def test_make_changes_takes_base_as_a_git_revision_only(tmp_path, base):
    marker = tmp_path / "ran"
    result = subprocess.run(
        ["make", "--no-print-directory", "changes", f"BASE={base.replace('MARKER', str(marker))}"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )  # fmt: skip
    assert result.returncode != 0
    shown = base.replace("MARKER", str(marker))
    assert f"make changes: git knows no branch, tag or commit called {shown!r}." in result.stdout
    assert not marker.exists()
