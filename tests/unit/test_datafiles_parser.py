"""The data-file parser reads each file once and keeps every rule of the pure-Python loader
(duplicate keys refused with their lines, dates left as text). See also
test_datafiles_libyaml.py."""

from __future__ import annotations

import pytest
import yaml

from macros.core.problems import line_of
from macros.core.yaml_reading import parse_yaml, read_yaml
from tests.helpers import refusal

TEXT = """\
series:
  - id: rcot
    start: "12:30"
    sessions:
      - date: 2023-10-19
        status: scheduled
      - date: 2023-11-16
"""


def test_one_parse_gives_the_data_and_the_nodes_with_their_lines(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(TEXT, encoding="utf-8")
    data, nodes = read_yaml(path)
    assert data == {
        "series": [
            {
                "id": "rcot",
                "start": "12:30",
                "sessions": [{"date": "2023-10-19", "status": "scheduled"}, {"date": "2023-11-16"}],
            }
        ]
    }
    assert line_of(nodes, ("series", 0, "sessions", 1, "date")) == 7


def test_duplicate_keys_are_still_refused_with_their_lines(tmp_path):
    message = refusal(tmp_path, "series:\n  - id: a\n    id: b\n", read_yaml, "data/events.yaml")
    assert "data/events.yaml:3:" in message
    assert "'id' appears twice" in message and "line 2" in message


def test_parse_yaml_gives_the_nodes_and_the_data_of_text():
    nodes, data = parse_yaml("title: x\nreview_in: 12 months\nlast_reviewed: 2026-11-21\n")
    assert data == {"title": "x", "review_in": "12 months", "last_reviewed": "2026-11-21"}
    assert [key.value for key, _ in nodes.value] == ["title", "review_in", "last_reviewed"]
    assert parse_yaml("") == (None, None)
    with pytest.raises(yaml.MarkedYAMLError):
        parse_yaml("title: Recruiting: an OT\n")


def test_an_empty_file_reads_as_nothing(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("# only a comment\n", encoding="utf-8")
    assert read_yaml(path)[0] is None
