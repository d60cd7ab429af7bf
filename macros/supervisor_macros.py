"""Thin mkdocs-macros callers for roadmap supervision: the route list, the checker, the workload."""

from __future__ import annotations

from .project import Project
from .supervisors import checker, load_supervisors, routes_list, workload_panel


def register(env) -> None:
    project = Project.from_config(env.conf)
    path = project.data_file("supervisors.yaml")
    data = load_supervisors(path, project.shown(path))

    @env.macro
    def supervisor_routes_list() -> str:
        """Who can be a roadmap supervisor: the same list on the supervision and checker pages."""
        return routes_list(data)

    @env.macro
    def supervisor_checker() -> str:
        """The questions that lead to an answer (shown by the browser script)."""
        return checker(data, project.hub)

    @env.macro
    def supervision_workload() -> str:
        """What supervising takes, with its source."""
        return workload_panel(data)
