"""Additions to the shared loader: cross-entry checks run only on a valid model."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict, Field

from macros.core.datafiles import DataFileError, load_data_file


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    needs: list[str] = []


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: list[Item] = Field(min_length=2)


def needs_known(catalogue: Catalogue):
    known = {item.id for item in catalogue.items}
    return [
        (("items", i, "needs", n), f"'{need}' is not an item")
        for i, item in enumerate(catalogue.items)
        for n, need in enumerate(item.needs)
        if need not in known
    ]


def load(tmp_path, text, checks=()):
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    return load_data_file(path, Catalogue, "data/catalogue.yaml", checks=checks)


def test_checks_pass_quietly(tmp_path):
    catalogue = load(tmp_path, "items:\n  - id: a\n  - id: b\n    needs: [a]\n", [needs_known])
    assert catalogue.items[1].needs == ["a"]


def test_a_failed_check_names_file_line_entry_and_field(tmp_path):
    with pytest.raises(DataFileError) as caught:
        load(tmp_path, "items:\n  - id: a\n  - id: b\n    needs:\n      - a\n      - c\n", [needs_known])
    assert [str(p) for p in caught.value.problems] == [
        "data/catalogue.yaml:6: item 2 (id 'b'), need 2: 'c' is not an item"
    ]


def test_checks_do_not_run_when_the_model_fails(tmp_path):
    def explode(_):
        raise AssertionError("should not run")

    with pytest.raises(DataFileError) as caught:
        load(tmp_path, "items:\n  - id: a\n", [explode])
    (problem,) = caught.value.problems
    assert str(problem).startswith(
        "data/catalogue.yaml:1: field 'items': List should have at least 2 items after validation, not 1"
    )
