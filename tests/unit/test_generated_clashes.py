"""Clashing generated paths are found among thousands of files, each named once."""

from pathlib import Path

import pytest

from macros.core import generated
from macros.core.generated import GeneratedFile, all_generated_files
from macros.core.project import Project


def test_thousands_of_distinct_files_pass_in_provider_order(monkeypatch):
    files = [GeneratedFile(f"events/s/{n:05d}.ics", "x") for n in range(10_000)]
    monkeypatch.setattr(generated, "PROVIDERS", [lambda project: files[:5000], lambda project: files[5000:]])
    assert all_generated_files(Project(Path("."), "/", {})) == files


def test_every_clash_is_named_once_in_order(monkeypatch):
    files = [GeneratedFile(f"events/s/{n:05d}.ics", "x") for n in range(3000)]
    extra = [
        GeneratedFile("events/s/02999.ics", "y"),
        GeneratedFile("events/s/00007.ics", "y"),
        GeneratedFile("events/s/00007.ics", "z"),
    ]
    monkeypatch.setattr(generated, "PROVIDERS", [lambda project: files + extra])
    with pytest.raises(ValueError) as error:
        all_generated_files(Project(Path("."), "/", {}))
    assert str(error.value) == "two generated files share a path: events/s/00007.ics, events/s/02999.ics"
