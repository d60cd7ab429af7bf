"""`make changes BASE=<git ref>`: what this change does to the site, in words an editor reads.

    python -m macros.editorial.changes --base origin/main [--root DIR] [--site-dir DIR]

Builds the site as it was at BASE (its files taken with `git archive` into a temporary
folder, so no worktree or branch is touched) and as it is now, runs `make check`, and prints
site_changes.change_summary(): Markdown, which the pull-request workflow appends to the job
summary. Both builds use one SOURCE_DATE_EPOCH, so only the change shows.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..core.datafiles import read_yaml
from ..core.problems import DataFileError
from .site_changes import (
    PagesChange,
    SiteChange,
    change_summary,
    compare_downloads,
    compare_figures,
    compare_pages,
    compare_sessions,
    figures_of,
    sessions_of,
    site_downloads,
    site_pages,
)


def commit_of(root: Path, ref: str) -> str:
    """The commit `ref` names, checked by git as a revision and nothing else: `ref` reaches git
    as one argument after --end-of-options, so it cannot be an option or reach a shell."""
    found = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    commit = found.stdout.strip()
    if found.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", commit):
        raise ValueError(f"git knows no branch, tag or commit called {ref!r}")
    return commit


def files_at(root: Path, ref: str, into: Path) -> None:
    """The repository's files at `ref` (a branch, tag or commit), written into `into`."""
    commit = commit_of(root, ref)
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", commit], capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise ValueError(f"git cannot read {ref!r}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


def build(root: Path, site_dir: Path, epoch: str) -> tuple[int, str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               PYTHONDONTWRITEBYTECODE="1")  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    return result.returncode, result.stdout + result.stderr


def run_check(root: Path, epoch: str) -> list[str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch)
    env.pop("GITHUB_ACTIONS", None)  # the annotations belong to the check's own step
    result = subprocess.run(
        [sys.executable, "-m", "macros.editorial.check", "--root", str(root)],
        cwd=root, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    # The check prints nothing when there is nothing to act on.
    return lines or (["All checks passed."] if result.returncode == 0 else [])


def plain_yaml(path: Path) -> Any:
    """A data file as plain data, read by the hub's own reader (the build's checks: no aliases,
    no tags...), or None when it cannot be read that way (`make check` then says why)."""
    if not path.is_file():
        return None
    try:
        data, _nodes = read_yaml(path, path.name)
    except DataFileError:
        return None
    return data


def describe(root: Path, base: str, keep_site: Path | None = None) -> tuple[str, bool]:
    """The summary, and whether the site as it is now built."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or str(int(time.time()))
    with tempfile.TemporaryDirectory(prefix="hub-changes-") as temp:
        temp_dir = Path(temp)
        base_root, base_site, new_site = temp_dir / "base", temp_dir / "base-site", temp_dir / "site"
        base_root.mkdir()
        files_at(root, base, base_root)
        with ThreadPoolExecutor(max_workers=3) as pool:
            base_build = pool.submit(build, base_root, base_site, epoch)
            new_build = pool.submit(build, root, new_site, epoch)
            check = pool.submit(run_check, root, epoch)
            (base_code, base_output), (new_code, _) = base_build.result(), new_build.result()
            check_lines = check.result()
        base_problem = "" if base_code == 0 else (base_output.strip().splitlines() or ["no message"])[-1]
        old_pages = site_pages(base_site) if base_code == 0 else {}
        new_pages = site_pages(new_site) if new_code == 0 else {}
        change = SiteChange(
            base=base,
            pages=compare_pages(old_pages, new_pages) if new_code == 0 else PagesChange(),
            sessions=compare_sessions(sessions_of(plain_yaml(base_root / "data" / "events.yaml")),
                                      sessions_of(plain_yaml(root / "data" / "events.yaml"))),
            figures=compare_figures(figures_of(plain_yaml(base_root / "data" / "figures.yaml")),
                                    figures_of(plain_yaml(root / "data" / "figures.yaml"))),
            downloads=compare_downloads(site_downloads(base_site) if base_code == 0 else {},
                                        site_downloads(new_site) if new_code == 0 else {}),
            check_lines=check_lines,
            base_problem=base_problem,
        )  # fmt: skip
        summary = change_summary(change)
        if new_code != 0:
            summary += "\nThe site as it is now does not build: the check above says what to fix.\n"
        if keep_site is not None and new_code == 0:
            shutil.rmtree(keep_site, ignore_errors=True)
            shutil.copytree(new_site, keep_site)
    return summary, new_code == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make changes", description=__doc__.split("\n\n")[0])
    # The Makefile hands BASE over in CHANGES_BASE, as typed: no shell or make expansion reads it.
    parser.add_argument(
        "--base", default=os.environ.get("CHANGES_BASE") or "origin/main",
        help="the git branch, tag or commit to compare with",
    )  # fmt: skip
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the folder holding mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, help="keep the site as it is now here")
    args = parser.parse_args(argv)
    try:
        summary, built = describe(args.root.resolve(), args.base, args.site_dir)
    except ValueError as error:
        print(f"make changes: {error}. Give BASE=<a branch, tag or commit>, for example BASE=origin/main")
        return 2
    print(summary, end="")
    return 0 if built else 1


if __name__ == "__main__":
    sys.exit(main())
