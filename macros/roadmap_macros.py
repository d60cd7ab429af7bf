"""Thin mkdocs-macros callers for the roadmap pathway: load once per build."""

from __future__ import annotations

from .project import Project
from .roadmap import STORAGE_KEY, load_roadmap, pathway


def register(env) -> None:
    project = Project.from_config(env.conf)
    path = project.data_file("roadmap.yaml")
    roadmap = load_roadmap(path, project.shown(path), docs_dir=project.docs_dir)
    # The privacy page names the key, so what it says and what the script stores agree.
    env.variables["roadmap_storage_key"] = STORAGE_KEY

    @env.macro
    def roadmap_pathway() -> str:
        """The roadmap as steps with checklists, for docs/training/roadmap.md."""
        return pathway(roadmap, env.page.url)
