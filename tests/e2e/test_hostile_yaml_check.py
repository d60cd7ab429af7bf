"""YAML that could hurt, in pages and data files, through the real build and `make check`
(issue 19): each is one line with file:line, the build and the check stop, no traceback,
no crash, and MkDocs' own front matter reader never sees it."""

from __future__ import annotations

import os

from tests.helpers import HUB_BUILD_EPOCH, PROJECT_ROOT, build_site, copy_project, run_module

ROLES = (PROJECT_ROOT / "docs/roles/index.md").read_text(encoding="utf-8")
LAUGHS = "".join(f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]\n" for n in range(1, 12))


def with_front_matter(extra: str) -> str:
    return ROLES.replace("\n---\n", f"\n{extra}---\n", 1)


PAGES = {
    "docs/roles/bomb.md": with_front_matter("l0: &l0 [lol]\n" + LAUGHS),
    "docs/roles/deep.md": with_front_matter("subtitle: " + "[" * 100_000 + "\n"),
    "docs/roles/nan.md": with_front_matter("search: {boost: .nan}\n"),
    "docs/roles/word.md": with_front_matter("subtitle: Pasted\x0bfrom Word\n"),
    "docs/roles/icon.md": with_front_matter("icon: material/acount\n"),
}
EXPECTED = [
    "docs/roles/bomb.md:",  # line of the first anchor
    "docs/roles/deep.md:",
    "docs/roles/nan.md:",
    "docs/roles/word.md:",
    "docs/roles/icon.md:",
]


def test_hostile_front_matter_stops_the_build_and_the_check_with_one_line_each(tmp_path):
    root = copy_project(tmp_path / "project", dict(PAGES))
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0
    assert "Traceback" not in built.output and "RecursionError" not in built.output
    assert "'&l0' is a YAML anchor or alias" in built.output
    assert "nested more than 20 deep" in built.output
    assert "'.nan' is not a number the hub can use" in built.output
    assert "docs/roles/word.md:" in built.output and "U+000B" in built.output
    assert not (tmp_path / "site" / "search" / "search_index.json").exists()

    env = dict(os.environ, SOURCE_DATE_EPOCH=str(HUB_BUILD_EPOCH), NO_MKDOCS_2_WARNING="1")
    env.pop("GITHUB_ACTIONS", None)
    checked = run_module("macros.editorial.check", cwd=root, env=env, timeout=300)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr, checked.stderr[-2000:]
    errors = [line for line in checked.stdout.splitlines() if ": error: " in line]
    for start in EXPECTED:
        assert any(line.startswith(start) for line in errors), (start, checked.stdout[-3000:])
    assert all(len(line) < 2_000 for line in checked.stdout.splitlines())


def test_a_data_file_with_raw_control_bytes_is_one_line_in_build_and_check(tmp_path):
    glossary = (PROJECT_ROOT / "data/glossary.yaml").read_text(encoding="utf-8")
    broken = glossary.replace("stands_for: Agenda for Change", "stands_for: Agenda\x01for\x7fChange", 1)
    line = glossary[: glossary.index("stands_for: Agenda for Change")].count("\n") + 1
    root = copy_project(tmp_path / "project", {"data/glossary.yaml": broken})
    expected = f"data/glossary.yaml:{line}: term 1, field 'stands_for': this text holds an invisible control character"
    built = build_site(root, tmp_path / "site")
    assert built.returncode != 0 and expected in built.output, built.output[-2000:]
    assert "ReaderError" not in built.output and "Traceback" not in built.output
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(HUB_BUILD_EPOCH))
    checked = run_module("macros.editorial.check", "--no-build", cwd=root, env=env, timeout=300)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    reported = expected.replace(f":{line}: ", f":{line}: error: ", 1)
    assert any(printed.startswith(reported) for printed in checked.stdout.splitlines()), checked.stdout
