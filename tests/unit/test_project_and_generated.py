from pathlib import Path

import pytest

from macros.core import generated
from macros.core.generated import GeneratedFile, all_generated_files
from macros.core.project import Project


def test_paths_come_from_the_folder_holding_mkdocs_yml(tmp_path):
    config = {
        "config_file_path": str(tmp_path / "mkdocs.yml"),
        "site_url": "https://hub.example/x",
        "extra": {"hub": {"name": "Hub"}},
    }
    project = Project.from_config(config)
    assert project.data_file("events.yaml") == tmp_path / "data" / "events.yaml"
    assert project.site_url == "https://hub.example/x/"
    assert project.shown(tmp_path / "data" / "events.yaml") == "data/events.yaml"
    assert project.hub["name"] == "Hub"


def test_two_generated_files_with_one_path_stop_the_build(monkeypatch):
    def twice(project):
        return [GeneratedFile("events/hub.ics", "a"), GeneratedFile("events/hub.ics", "b")]

    monkeypatch.setattr(generated, "PROVIDERS", [twice])
    with pytest.raises(ValueError, match="events/hub.ics"):
        all_generated_files(Project(Path("."), "/", {}))
