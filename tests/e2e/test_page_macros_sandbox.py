"""A page that runs macros cannot reach Python: its Jinja runs in the sandbox (hooks/sandbox.py)."""

from __future__ import annotations

import pytest

from tests.helpers import PROJECT_ROOT, build_site, copy_project

pytestmark = pytest.mark.e2e

RESOURCES = (PROJECT_ROOT / "docs" / "resources.md").read_text(encoding="utf-8")


def page_with(body: str) -> str:
    assert "render_macros: true" in RESOURCES
    return RESOURCES + "\n" + body + "\n"


def test_reaching_python_from_a_page_stops_the_build_and_runs_nothing(tmp_path):
    marker = tmp_path / "ran"
    payload = "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}"
    root = copy_project(tmp_path / "project", {"docs/resources.md": page_with(payload)})
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert "SecurityError" in built.output and "resources.md" in built.output, built.output
    assert not marker.exists()


# The payloads of issue 19, each of which ran a shell command at build time before the page
# environment was built from an allow-list. MARKER is replaced by a file path.
ISSUE_PAYLOADS = {
    "config-hooks": "{% for k, v in config.hooks.items() %}{{ v.os.system('touch MARKER') }}{% endfor %}",
    "theme-env": (
        "{{ config.theme.get_env().from_string(\"{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}\")"
        ".render() }}"
    ),
    "plugin-context": "{{ context()['config'].hooks }}",
}


@pytest.mark.parametrize("name", sorted(ISSUE_PAYLOADS))
def test_the_issues_payloads_stop_the_build_and_run_nothing(tmp_path, name):
    marker = tmp_path / "ran"
    payload = ISSUE_PAYLOADS[name].replace("MARKER", str(marker))
    root = copy_project(tmp_path / "project", {"docs/resources.md": page_with(payload)})
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert "resources.md" in built.output and "is undefined" in built.output, built.output
    assert not marker.exists()


def test_a_template_hidden_in_an_svg_under_docs_cannot_be_included(tmp_path):
    marker = tmp_path / "ran"
    svg = "<svg><!-- {{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }} --></svg>\n"
    root = copy_project(
        tmp_path / "project",
        {
            "docs/assets/images/hidden.svg": svg,
            "docs/resources.md": page_with('{% include "assets/images/hidden.svg" %}'),
        },
    )
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert "cannot include" in built.output and "resources.md" in built.output, built.output
    assert not marker.exists()


def test_ordinary_jinja_and_the_hubs_macros_still_work_in_the_sandbox(tmp_path):
    body = "{% for word in ['one', 'two'] %}{{ word | upper }} {% endfor %}{{ 6 * 7 }}"
    root = copy_project(tmp_path / "project", {"docs/resources.md": page_with(body)})
    built = build_site(root, tmp_path / "site")
    assert built.returncode == 0, built.output
    html = built.read("resources/")
    assert "ONE TWO 42" in html
    assert "drop-in sessions" in html  # the page's own macro (drop_in_facts) ran
