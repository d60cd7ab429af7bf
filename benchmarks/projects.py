"""Make the benchmark's projects: copies of the hub with synthetic content ("ours"), and
the same pages as a plain Material for MkDocs project with no macros, hooks or generated
files ("plain": the baseline).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.helpers import HUB_BUILD_EPOCH, copy_sources

from .synthetic import synthetic_nav, synthetic_pages

CAPTURE_HOOK = Path(__file__).resolve().parent / "capture_hook.py"
# 2026-11-21 12:00 UTC, the date the hub's tests build with.
BUILD_EPOCH = HUB_BUILD_EPOCH


# --- mkdocs.yml: read and write it without losing tags such as !ENV or !!python/name ---


@dataclass
class Tagged:
    tag: str
    value: Any


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_ConfigLoader.add_multi_constructor("!", _construct_tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_ConfigDumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506


def write_config(config: dict, path: Path) -> None:
    path.write_text(yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


def plain_config(config: dict) -> dict:
    """The same site configuration with our code switched off: no hooks, no macros plugin."""
    plain = {key: value for key, value in config.items() if key not in ("hooks", "watch")}
    plugins = []
    for plugin in config.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name != "macros":
            plugins.append(plugin)
    plain["plugins"] = plugins
    return plain


# --- the projects ---


@dataclass(frozen=True)
class Case:
    """One benchmark project: the hub plus `pages` synthetic pages, and sessions data."""

    name: str
    pages: int = 0
    events_yaml: str | None = None  # replaces data/events.yaml when given


def make_ours(case: Case, destination: Path) -> Path:
    """A copy of the hub's sources with the case's synthetic pages and events data."""
    if destination.exists():
        shutil.rmtree(destination)
    copy_sources(destination, caches=False)  # measured from the copy's own caches, as before
    if case.events_yaml is not None:
        (destination / "data" / "events.yaml").write_text(case.events_yaml, encoding="utf-8")
    config = read_config(destination / "mkdocs.yml")
    if case.pages:
        pages = synthetic_pages(case.pages)
        for page in pages:
            target = destination / "docs" / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.text, encoding="utf-8")
        config["nav"] = [*config["nav"], synthetic_nav(pages)]
    write_config(config, destination / "mkdocs.yml")
    return destination


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SOURCE_DATE_EPOCH=str(BUILD_EPOCH))
    env.update(extra)
    return env


def capture(ours: Path, capture_dir: Path) -> None:
    """Build `ours` once with the capture hook added (untimed) to record its post-macro pages."""
    if capture_dir.exists():
        shutil.rmtree(capture_dir)
    config = read_config(ours / "mkdocs.yml")
    config["hooks"] = [*config.get("hooks", []), str(CAPTURE_HOOK)]
    config_path = ours / "mkdocs-capture.yml"
    write_config(config, config_path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--clean",
            "-f",
            str(config_path),
            "-d",
            str(ours.parent / "capture-site"),
        ],
        cwd=ours,
        env=build_env(BENCH_CAPTURE_DIR=str(capture_dir)),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    config_path.unlink()
    shutil.rmtree(ours.parent / "capture-site", ignore_errors=True)
    if result.returncode != 0:
        raise RuntimeError(f"the capture build of {ours} failed:\n{result.stdout}{result.stderr}")


def make_plain(ours: Path, capture_dir: Path, destination: Path) -> Path:
    """The baseline: the captured pages and generated files as plain docs, built by Material alone."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    # Static files as they are (assets), then the pages as our code rendered them, then the
    # files our code generated (feeds, documents) as ordinary static files.
    shutil.copytree(ours / "docs", destination / "docs", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(capture_dir / "pages", destination / "docs", dirs_exist_ok=True)
    if (capture_dir / "static").is_dir():
        shutil.copytree(capture_dir / "static", destination / "docs", dirs_exist_ok=True)
    if (ours / "overrides").is_dir():
        shutil.copytree(ours / "overrides", destination / "overrides")
    write_config(plain_config(read_config(ours / "mkdocs.yml")), destination / "mkdocs.yml")
    return destination
