"""How an editor's YAML is read and where its mistakes are reported (macros/core/yaml_safety.py,
yaml_reading.py, datafiles.py and data_loaders.py).

Written as an editor meets it: the line and the entry a problem names, every problem in a
file reported (one does not hide the next), a file the hub does not read named, and a
missing or unreadable file named by the path the editor knows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from macros.core import data_loaders
from macros.core.data_loaders import check_data_files, data_files, register_loader
from macros.core.datafiles import load_data_file
from macros.core.problems import DataFileError, DataProblem
from macros.core.yaml_reading import parse_yaml_text, read_yaml, yaml_error_line, yaml_error_problem
from macros.core.yaml_safety import (
    MAX_PROBLEMS,
    UnsafeYAML,
    UnsafeYAMLItem,
    check_yaml_events,
    describe_character,
    shorten,
)


def refused(text: str) -> list[tuple[int, tuple]]:
    """(line, entry) of each thing the event pass refuses in `text`."""
    with pytest.raises(UnsafeYAML) as caught:
        check_yaml_events(text)
    return [(item.line, item.loc) for item in caught.value.items]


# --- where a refused value is ---------------------------------------------------------------


def test_each_item_of_a_list_is_named_by_its_own_position():
    assert refused('- a\n- b\n- "\\x01"\n- "\\x02"\n') == [(3, (2,)), (4, (3,))]


def test_a_value_after_an_alias_is_still_checked_and_named_by_its_own_key():
    assert refused('a: &x 1\nb: *x\nc: "\\x01"\n') == [(1, ()), (2, ()), (3, ("c",))]


def test_an_alias_used_as_a_key_does_not_shift_the_names_of_later_values():
    assert refused('*x : 1\nc: "\\x01"\nd: [ok, "\\x02"]\n') == [(1, ()), (2, ("c",)), (3, ("d", 1))]


def test_a_list_used_as_a_key_is_refused_and_does_not_shift_the_names_of_later_values():
    assert refused('? [ "\\x01" ]\n: 1\nc: "\\x02"\n') == [(1, ()), (1, (None, 0)), (3, ("c",))]


def test_a_control_character_starting_a_value_is_one_problem_not_two():
    assert refused("a: \x01b\n") == [(1, ("a",))]


def test_a_control_character_deep_in_a_block_of_text_is_named_by_its_own_line():
    assert refused("a: |\n  one\n  two\x01\n  three\n") == [(3, ("a",))]


def test_a_control_character_in_a_comment_beside_a_value_is_named_as_well():
    assert refused('a: "\x01" # \x02\n') == [(1, ("a",)), (1, ())]


def test_a_control_character_just_after_a_refused_value_is_named_by_its_line_too():
    assert refused('{a: "\\x01"\x02}\n') == [(1, ("a",)), (1, ())]


def test_a_control_character_in_a_comment_is_named_even_after_an_anchor_elsewhere():
    assert refused("a: &x 1\nb: 2\n# \x02 \x03\n") == [(1, ()), (3, ())]


def test_a_file_starting_with_an_empty_line_counts_it():
    assert refused("\n# \x02\n") == [(2, ())]


def test_at_most_the_first_problems_of_a_file_are_listed():
    many = "".join(f'k{i}: "\\x01"\n' for i in range(MAX_PROBLEMS + 5))
    assert len(refused(many)) == MAX_PROBLEMS
    full = "".join(f'k{i}: "\\x01"\n' for i in range(MAX_PROBLEMS)) + "# \x02\n"
    assert len(refused(full)) == MAX_PROBLEMS


def test_a_private_use_character_is_text_not_a_control_character():
    check_yaml_events('a: "\U000f0001 \U000f0085"\n')


def test_a_long_anchor_name_is_cut_in_the_message():
    with pytest.raises(UnsafeYAML) as caught:
        check_yaml_events("a: &" + "n" * 50 + " 1\n")
    assert caught.value.items[0].message.startswith("'&" + "n" * 40 + "... (10 more characters)' is a YAML anchor")


def test_the_refusal_reads_as_one_line_per_problem():
    error = UnsafeYAML([UnsafeYAMLItem(1, (), "first"), UnsafeYAMLItem(4, ("a",), "second")])
    assert str(error) == "line 1: first; line 4: second"


# --- the words for a character ------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_a_pasted_line_break_is_called_one_with_where_a_new_paragraph_goes(char):
    assert describe_character(char) == (
        f"a line break pasted from Word or a web page (U+{ord(char):04X}): delete it and type a space "
        "(for a new paragraph, where the field allows one, press Enter)"
    )


def test_a_delete_character_and_a_non_character_are_named_for_what_they_are():
    assert describe_character("\x7f").startswith("an invisible delete character (U+007F)")
    assert describe_character("\ufffe") == (
        "a character that is not text (U+FFFE): delete it and retype the word around it"
    )
    assert describe_character("\x01") == (
        "an invisible control character (U+0001), often pasted from another program: "
        "delete it and retype the word around it"
    )


def test_text_up_to_the_limit_is_shown_whole_and_longer_text_cut():
    assert shorten("abcde", 5) == "abcde"
    assert shorten("abcdef", 5) == "abcde... (1 more characters)"


# --- errors PyYAML raises -------------------------------------------------------------------


def test_a_reader_error_is_placed_on_its_line_and_said_in_an_editors_words():
    error = yaml.reader.ReaderError("x.yaml", 4, 0x1, "utf-8", "special characters are not allowed")
    assert yaml_error_line(error, "a\nb\nc\nd\ne") == 3
    assert yaml_error_line(yaml.YAMLError("no position"), "a\nb") is None
    assert yaml_error_problem(error) == (
        "this line holds a character that is not text: delete it and retype the words around it"
    )


def test_broken_yaml_is_one_problem_for_the_file_with_its_line():
    with pytest.raises(DataFileError) as caught:
        parse_yaml_text("a: 1\nb: [1, 2\nc: 3\n", "data/x.yaml")
    [problem] = caught.value.problems
    assert (problem.file, problem.where) == ("data/x.yaml", "")
    assert problem.line == 2


# --- files ------------------------------------------------------------------------------------


class Named(BaseModel):
    name: str


class Titled(BaseModel):
    name: str
    title: str = "untitled"


def test_a_missing_file_is_named_as_the_editor_knows_it(tmp_path):
    with pytest.raises(DataFileError) as caught:
        load_data_file(tmp_path / "gone.yaml", Named, "data/gone.yaml")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.where) == ("data/gone.yaml", None, "")
    assert problem.message == "the file is missing; restore it from the repository"


def test_without_a_name_given_the_file_is_named_by_its_path(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_bytes(b"name: [\n")
    with pytest.raises(DataFileError) as caught:
        read_yaml(path)
    assert caught.value.problems[0].file == str(path)
    with pytest.raises(DataFileError) as caught:
        load_data_file(path, Named)
    assert caught.value.problems[0].file == str(path)
    with pytest.raises(DataFileError) as caught:
        read_yaml(tmp_path / "gone.yaml", "data/gone.yaml")
    assert caught.value.problems[0].file == "data/gone.yaml"


def test_a_file_not_saved_as_utf8_is_named_with_its_line(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"name: ok\ntitle: caf\xe9\n")
    with pytest.raises(DataFileError) as caught:
        read_yaml(path, "data/latin.yaml")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.where) == ("data/latin.yaml", 2, "")
    assert "Save it again with the encoding set to UTF-8" in problem.message


def test_an_empty_file_is_named_as_empty(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_data_file(path, Named, "data/empty.yaml")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.where) == ("data/empty.yaml", None, "")


def test_one_file_read_with_two_models_gives_each_its_own(tmp_path):
    path = tmp_path / "same.yaml"
    path.write_text("name: x\n", encoding="utf-8")
    assert type(load_data_file(path, Named, "data/same.yaml")) is Named
    assert type(load_data_file(path, Titled, "data/same.yaml")) is Titled
    other = tmp_path / "other.yaml"
    other.write_text("name: y\n", encoding="utf-8")
    assert load_data_file(other, Named, "data/same.yaml").name == "y"


# --- the registry of data files -----------------------------------------------------------------


def test_hidden_files_and_folders_are_not_data_files(tmp_path):
    (tmp_path / "events.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / ".gitkeep").write_text("", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("", encoding="utf-8")
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "list.yaml").write_text("x: 1\n", encoding="utf-8")
    assert data_files(tmp_path) == [tmp_path / "events.yaml", tmp_path / "extra" / "list.yaml"]
    assert data_files(tmp_path / "absent") == []


@pytest.fixture
def loaders(monkeypatch):
    monkeypatch.setattr(data_loaders, "DATA_LOADERS", {})
    return data_loaders


def test_a_file_no_part_of_the_hub_reads_is_named_with_a_guess_or_what_to_do(tmp_path, loaders):
    seen = []
    register_loader("glossary.yaml", lambda path, shown: seen.append((path, shown)))
    (tmp_path / "glossary.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "glosary.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "zzz.yaml").write_text("x: 1\n", encoding="utf-8")
    problems = check_data_files(tmp_path)
    assert seen == [(tmp_path / "glossary.yaml", "data/glossary.yaml")]
    assert [(p.file, p.line, p.where) for p in problems] == [("data/glosary.yaml", 1, ""), ("data/zzz.yaml", 1, "")]
    assert "If you meant data/glossary.yaml, rename the file. " in problems[0].message
    assert problems[1].message == (
        "no part of the hub reads this file, so nothing in it would appear on the site. "
        "If it is new, a developer must add the code that reads it; otherwise delete it. "
        "The data files the hub reads are: data/glossary.yaml"
    )


def test_with_no_loaders_at_all_the_list_of_files_read_says_none(tmp_path, loaders):
    (tmp_path / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    [problem] = check_data_files(tmp_path)
    assert problem.message.endswith("The data files the hub reads are: none")


def test_a_data_file_the_hub_reads_but_that_is_gone_is_named(tmp_path, loaders):
    register_loader("events.yaml", lambda path, shown: None)
    [problem] = check_data_files(tmp_path)
    assert (problem.file, problem.line, problem.where) == ("data/events.yaml", None, "")
    assert problem.message == "the file is missing; restore it from the repository"


def test_a_loaders_problems_are_reported_as_its_own(tmp_path, loaders):
    def broken(path: Path, shown: str):
        raise DataFileError([DataProblem(shown, 3, "sessions[1]", "bad")])

    register_loader("events.yaml", broken)
    (tmp_path / "events.yaml").write_text("x: 1\n", encoding="utf-8")
    assert [str(p) for p in check_data_files(tmp_path)] == ["data/events.yaml:3: sessions[1]: bad"]
