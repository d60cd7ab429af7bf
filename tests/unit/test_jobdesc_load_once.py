"""One build asks for the job description twice (the page's macros and the generated-files
hook): it is read and validated once per content of the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.core import datafiles
from macros.core.datafiles import DataFileError
from macros.core.project import Project
from macros.jobdesc import documents as jobdesc_documents

HUB_DATA = Path(__file__).resolve().parents[2] / "data" / "job_description.yaml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    shutil.copy(HUB_DATA, tmp_path / "data" / "job_description.yaml")
    datafiles.forget_validated()
    monkeypatch.setattr(jobdesc_documents, "_MEMORY", {})
    # The documents themselves are not under test here: skip WeasyPrint and Word.
    monkeypatch.setattr(
        jobdesc_documents,
        "render_documents",
        lambda job, hub, instant, given=None: jobdesc_documents.JobDescriptionFiles(b"d", b"p"),
    )
    return Project(root=tmp_path, site_url="https://hub.example.org/", hub={"name": "Hub"})


def test_two_callers_in_one_build_validate_the_file_once(project, monkeypatch):
    calls = []
    real = datafiles.validate
    monkeypatch.setattr(datafiles, "validate", lambda *a: calls.append(a) or real(*a))
    first, _ = jobdesc_documents.project_documents(project)
    second, _ = jobdesc_documents.project_documents(project)
    assert second is first
    assert len(calls) == 1


def test_an_edited_file_is_read_again(project):
    first, _ = jobdesc_documents.project_documents(project)
    path = project.data_file("job_description.yaml")
    path.write_text(path.read_text(encoding="utf-8") + "\n# an editor's comment\n", encoding="utf-8")
    second, _ = jobdesc_documents.project_documents(project)
    assert second is not first


def test_a_missing_file_still_says_so(project):
    project.data_file("job_description.yaml").unlink()
    with pytest.raises(DataFileError, match="missing"):
        jobdesc_documents.project_documents(project)
