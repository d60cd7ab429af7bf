"""read_yaml parses once with libyaml's C parser: it must read exactly what the pure-Python
safe loader reads (dates left as text, 12:30 as 750), and keep line numbers and the
duplicate-key check."""

from __future__ import annotations

import yaml

from macros.core import yaml_reading
from macros.core.problems import line_of
from macros.core.yaml_reading import read_yaml

SAMPLE = """\
series:
  - id: a
    start: 12:30
    end: "13:00"
    date: 2026-03-29
    online: yes
    nothing: ~
    list: [1, 2.5, NO]
"""


def test_the_fast_loader_reads_what_the_safe_loader_reads(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(SAMPLE, encoding="utf-8")
    data, nodes = read_yaml(path)
    assert data == yaml.load(SAMPLE, Loader=yaml_reading._UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    assert data["series"][0]["start"] == 750 and data["series"][0]["date"] == "2026-03-29"
    assert line_of(nodes, ("series", 0, "date")) == 5


def test_libyaml_is_used_when_present():
    if yaml.__with_libyaml__:
        assert yaml_reading._FastUniqueKeyLoader is not yaml_reading._UniqueKeyLoader
