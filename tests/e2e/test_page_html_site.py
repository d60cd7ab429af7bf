"""Raw HTML, event handlers and script addresses in a page stop the build and `make check`
with the file, the line and what to write instead (issue 19, item 2)."""

from __future__ import annotations

import os

import pytest

from tests.helpers import HUB_BUILD_EPOCH, PROJECT_ROOT, build_site, copy_project, run_module

pytestmark = pytest.mark.e2e

PRIVACY = (PROJECT_ROOT / "docs" / "about" / "privacy.md").read_text(encoding="utf-8")
# The issue's payloads, appended to docs/about/privacy.md: each ran in Chromium before.
PAYLOADS = (
    "<script>window.x=1</script>",
    '<img src=x onerror="window.y=1">',
    "[Contact](javascript:window.z=1)",
)
EXPECTED = (
    "the HTML element <script> is not allowed in a page",
    "the HTML element <img> is not allowed in a page: write a Markdown image instead",
    "the address 'javascript:window.z=1' is not allowed: a link or image address must start https://",
)


def run_check(root):
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(HUB_BUILD_EPOCH), NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    return run_module("macros.editorial.check", "--no-build", cwd=root, env=env, timeout=600)


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    root = tmp_path_factory.mktemp("page-html") / "project"
    body = PRIVACY + "\n" + "\n\n".join(PAYLOADS) + "\n"
    return copy_project(root, {"docs/about/privacy.md": body}), len(PRIVACY.splitlines()) + 2


def test_the_issues_payloads_stop_the_build_naming_file_and_line(hostile_project, tmp_path):
    root, first_line = hostile_project
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    for number, expected in enumerate(EXPECTED):
        assert f"docs/about/privacy.md:{first_line + 2 * number}: {expected}" in built.output, built.output
    assert not (tmp_path / "site" / "about" / "privacy" / "index.html").exists()


def test_the_issues_payloads_stop_make_check_naming_file_and_line(hostile_project):
    root, first_line = hostile_project
    result = run_check(root)
    assert result.returncode == 1
    for number, expected in enumerate(EXPECTED):
        assert f"docs/about/privacy.md:{first_line + 2 * number}: error: {expected}" in result.stdout, result.stdout


def test_the_hubs_pages_pass_and_keep_the_hubs_own_html(hub_site):
    built = hub_site
    # HTML made by the hub's macros is the hub's own and is kept whole.
    assert "<form" in built.read("recruitment/job-description/")
    assert "<input" in built.read("training/roadmap/")
    assert "<button" in built.read("supervision/checker/")
