"""`make mutation`'s own rules (scripts/mutation.py): which survivors count as message
wording, how a score is worked out, and that measuring one module keeps the others' rows."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from mutation import (  # noqa: E402
    REPORT_END,
    REPORT_START,
    ModuleResult,
    Survivor,
    changed_line_in_function,
    earlier_results,
    message_lines,
    only_icalendar_case_changed,
    only_words_changed,
    related_tests,
    report,
    write_report,
)


def test_xx_around_or_a_new_case_for_the_words_of_a_message_is_wording_only():
    before = 'raise ValueError("the file is empty")'
    assert only_words_changed(before, 'raise ValueError("XXthe file is emptyXX")')
    assert only_words_changed(before, 'raise ValueError("THE FILE IS EMPTY")')


def test_a_changed_word_operator_or_identifier_is_not_wording_only():
    assert not only_words_changed('x = "https"', 'x = "XXhttpsXX"')  # a key, not prose
    assert not only_words_changed('raise ValueError("a b")', 'raise ValueError("a c")')
    assert not only_words_changed('raise ValueError("a b" + c)', 'raise ValueError("a b" - c)')
    assert not only_words_changed('raise ValueError("a b")', "raise ValueError(None)")
    assert not only_words_changed('raise ValueError("a b")', 'raise ValueError("a b")')  # unchanged


def test_message_lines_are_those_inside_a_raise_a_problem_or_a_location_message_pair():
    source = (
        "def f(x):\n"  # 1
        "    if x:\n"  # 2
        "        raise ValueError(\n"  # 3
        '            "a message"\n'  # 4
        "        )\n"  # 5
        '    key = "not a message"\n'  # 6
        '    problems.append((("list", 1), "the message"))\n'  # 7
        '    return DataProblem("file", 1, "", "words")\n'  # 8
    )
    assert message_lines(source) == {3, 4, 5, 7, 8}


def test_equivalent_survivors_are_left_out_of_the_score():
    result = ModuleResult(
        "m.py",
        mutants=10,
        killed=8,
        survivors=[Survivor("a", "m.py", 3, "x"), Survivor("b", "m.py", 4, "y", equivalent="why")],
    )
    assert result.real_survivors == 1
    assert result.score == 88.9  # 8 of the 9 that count
    assert ModuleResult("empty.py").score == 100.0


def test_the_report_has_a_row_per_module_and_each_survivor_with_its_place(tmp_path):
    results = [
        ModuleResult("a.py", "abc1234", "2026-12-04", 4, 3, 1, [Survivor("n", "a.py", 7, "x = 1")]),
        ModuleResult("b.py", "def5678", "2026-12-03", 2, 1, 0, [Survivor("m", "b.py", 9, "y", "same output")]),
    ]
    text = report(results)
    assert text.startswith(REPORT_START) and text.endswith(REPORT_END + "\n")
    assert "| a.py | 2026-12-04 | `abc1234` | 4 | 3 | 1 | 1 | 0 | 75.0% |" in text
    assert "| b.py | 2026-12-03 | `def5678` | 2 | 1 | 0 | 0 | 1 | 100.0% |" in text
    assert "- `a.py:7` `x = 1`" in text
    assert "- `b.py:9` `y` — equivalent: same output" in text


def test_a_new_report_replaces_the_old_one_and_keeps_the_rest_of_the_file(tmp_path):
    page = tmp_path / "BENCHMARKS.md"
    page.write_text(f"# Benchmarks\n\nBefore.\n\n{REPORT_START}\nold\n{REPORT_END}\n\nAfter.\n", encoding="utf-8")
    write_report(f"{REPORT_START}\nnew\n{REPORT_END}\n", page)
    assert page.read_text(encoding="utf-8") == f"# Benchmarks\n\nBefore.\n\n{REPORT_START}\nnew\n{REPORT_END}\nAfter.\n"


def test_earlier_results_read_back_as_they_were_written(tmp_path):
    import json
    from dataclasses import asdict

    result = ModuleResult("a.py", "abc", "2026-12-04", 5, 4, 1, [Survivor("n", "a.py", 2, "c", "")])
    path = tmp_path / "mutation.json"
    path.write_text(json.dumps([dict(asdict(result), score=result.score)]), encoding="utf-8")
    assert earlier_results(path) == {"a.py": result}
    assert earlier_results(tmp_path / "absent.json") == {}


def test_icalendar_words_in_lower_case_are_the_same_words():
    assert only_icalendar_case_changed('component["DTSTART"] = x', 'component["dtstart"] = x')
    assert only_icalendar_case_changed('vUri(u, params={"VALUE": "URI"})', 'vUri(u, params={"value": "URI"})')
    assert not only_icalendar_case_changed('component["DTSTART"] = x', 'component["XXDTSTARTXX"] = x')
    assert not only_icalendar_case_changed('prefix = "Cancelled: "', 'prefix = "cancelled: "')
    assert not only_icalendar_case_changed('component["DTSTART"] = x', 'component["DTSTART"] = None')


def test_the_changed_line_is_counted_from_the_function_s_start_in_the_diff():
    shown = (
        "# macros.x.x_f__mutmut_3: survived\n"
        "--- macros/x.py\n"
        "+++ macros/x.py\n"
        "@@ -4,5 +4,5 @@\n"
        "     for rate in rates:\n"
        "         if current(rate):\n"
        "-            continue\n"
        "+            break\n"
        "         report.append(rate)\n"
    )
    assert changed_line_in_function(shown) == 6
    assert changed_line_in_function("no diff") == 1


def test_the_quick_re_run_takes_the_unit_test_files_that_name_the_module(tmp_path):
    unit = tmp_path / "mutants" / "tests" / "unit"
    unit.mkdir(parents=True)
    (unit / "test_a.py").write_text("from macros.events.ics import calendar_files\n", "utf-8")
    (unit / "test_b.py").write_text("from macros.events import models, ics\n", "utf-8")
    (unit / "test_c.py").write_text("from macros.events.icsx import x\nimport macros.events.models\n", "utf-8")
    (unit / "helpers.py").write_text("from macros.events.ics import x\n", "utf-8")
    assert related_tests(tmp_path, "macros/events/ics.py") == ["tests/unit/test_a.py", "tests/unit/test_b.py"]
