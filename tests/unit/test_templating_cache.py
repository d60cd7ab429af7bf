"""Compiled templates are kept between builds, and an edited template is compiled again."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from macros.core.templating import BYTECODE_DIR, _QuietBytecodeCache, template_environment


def _environment(templates, cache_dir) -> Environment:
    return Environment(loader=FileSystemLoader(templates), bytecode_cache=_QuietBytecodeCache(cache_dir))


def test_a_compiled_template_is_stored_and_an_edit_is_still_seen(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "a.html").write_text("one {{ x }}", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    assert _environment(templates, cache_dir).get_template("a.html").render(x=1) == "one 1"
    assert len(list(cache_dir.iterdir())) == 1
    # A new build (a new environment) with the template edited renders the edit.
    (templates / "a.html").write_text("two {{ x }}", encoding="utf-8")
    assert _environment(templates, cache_dir).get_template("a.html").render(x=1) == "two 1"


def test_a_cache_folder_that_cannot_be_written_does_not_stop_the_build(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "a.html").write_text("{{ x }}", encoding="utf-8")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    environment = _environment(templates, blocker / "jinja")  # a folder inside a file: never writable
    assert environment.get_template("a.html").render(x="ok") == "ok"


def test_the_hub_keeps_its_compiled_templates_in_the_ignored_cache_folder():
    assert BYTECODE_DIR.parts[-2:] == (".cache", "jinja")
    assert isinstance(template_environment().bytecode_cache, _QuietBytecodeCache)
