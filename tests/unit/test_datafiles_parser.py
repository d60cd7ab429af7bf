"""The data-file parser reads each file once, with libyaml where PyYAML has it, and keeps
every rule of the pure-Python loader (duplicate keys refused, dates left as text)."""

from __future__ import annotations

import pytest
import yaml

from macros import datafiles
from macros.datafiles import DataFileError, read_yaml

TEXT = """\
series:
  - id: rcot
    start: "12:30"
    sessions:
      - date: 2023-10-19
        status: scheduled
      - date: 2023-11-16
"""


def test_libyaml_is_used_when_pyyaml_has_it():
    # The pure-Python parser took 1.8 s for a 5,000-session events file; libyaml about 0.15 s.
    if yaml.__with_libyaml__:
        assert issubclass(datafiles._FastUniqueKeyLoader, yaml.cyaml.CParser)
    else:
        assert datafiles._FastUniqueKeyLoader is datafiles._UniqueKeyLoader


def test_one_parse_gives_the_data_and_the_nodes_with_their_lines(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(TEXT, encoding="utf-8")
    data, nodes = read_yaml(path)
    assert data == {
        "series": [{"id": "rcot", "start": "12:30", "sessions": [
            {"date": "2023-10-19", "status": "scheduled"}, {"date": "2023-11-16"}]}]
    }
    assert datafiles.line_of(nodes, ("series", 0, "sessions", 1, "date")) == 7


def test_duplicate_keys_are_still_refused_with_their_lines(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("series:\n  - id: a\n    id: b\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        read_yaml(path, "data/events.yaml")
    assert "data/events.yaml:3:" in str(error.value)
    assert "'id' appears twice" in str(error.value) and "line 2" in str(error.value)


def test_an_empty_file_reads_as_nothing(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("# only a comment\n", encoding="utf-8")
    assert read_yaml(path)[0] is None
