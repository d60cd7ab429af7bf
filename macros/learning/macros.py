"""Thin mkdocs-macros callers for the learning tools: the roadmap pathway, and who can be a
roadmap supervisor (the route list, the checker, the workload). Two concerns, one data file
each, so a page's edit links name only the file its macros read."""

from __future__ import annotations

from ..core.project import Project
from .roadmap import DATA_FILE as ROADMAP_FILE
from .roadmap import STORAGE_KEY, load_roadmap, pathway
from .supervisors import DATA_FILE as SUPERVISORS_FILE
from .supervisors import checker, load_supervisors, routes_list, workload_panel


def register_roadmap(env) -> None:
    roadmap = Project.from_config(env.conf).load(ROADMAP_FILE, load_roadmap)
    # The privacy page names the key, so what it says and what the script stores agree.
    env.variables["roadmap_storage_key"] = STORAGE_KEY

    @env.macro
    def roadmap_pathway() -> str:
        """The roadmap as steps with checklists, for docs/training/roadmap.md."""
        return pathway(roadmap, env.page.url)


def register_supervisors(env) -> None:
    project = Project.from_config(env.conf)
    supervisors = project.load(SUPERVISORS_FILE, load_supervisors)

    @env.macro
    def supervisor_routes_list() -> str:
        """Who can be a roadmap supervisor: the same list on the supervision and checker pages."""
        return routes_list(supervisors)

    @env.macro
    def supervisor_checker() -> str:
        """The questions that lead to an answer (shown by the browser script)."""
        return checker(supervisors, project.hub)

    @env.macro
    def supervision_workload() -> str:
        """What supervising takes, with its source."""
        return workload_panel(supervisors)
